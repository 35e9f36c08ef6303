// No imports from the model here: the article list (a client component) uses these, and the model's index brings zod
// and every schema into the browser. Kind labels live in `kinds.ts`.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2026-02-06` → `6 Feb 2026`, `2026-02` → `Feb 2026`, `2026` → `2026`; null → fallback. */
export function formatFuzzyDate(value: string | null | undefined, fallback = "undated"): string {
  if (!value) return fallback;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const month = MONTHS[Number(mo) - 1] ?? mo;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** A timestamp as `6 Feb 2026, 14:03 UTC`. */
export function formatTimestamp(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return "—";
  const iso = d.toISOString();
  return `${formatFuzzyDate(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const STANCE_LABEL: Record<string, string> = {
  support: "supports",
  oppose: "opposes",
  neutral: "neutral on",
  ambiguous: "ambiguous on",
};

/** A file's name without its folders: `/srv/corpus/002_ab.txt` → `002_ab.txt` (the server's paths stay private). */
export function fileBaseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

/**
 * An article's label, the same in every view: its title, or for an untitled article "Untitled article (file.txt)"
 * with the base name of the file it was read from (plain "Untitled article" when the file is not known).
 */
export function articleTitle(title: string | null | undefined, file?: string | null): string {
  if (title?.trim()) return title;
  const base = file ? fileBaseName(file).trim() : "";
  return base ? `Untitled article (${base})` : "Untitled article";
}
