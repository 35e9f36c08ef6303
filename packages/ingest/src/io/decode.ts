/**
 * Byte decoding for the readers: UTF-8 when the bytes are valid UTF-8, else Windows-1252 (a superset of
 * Latin-1 for printable text); UTF-16 when it starts with a UTF-16 byte-order mark. Binary data (NUL bytes or
 * many control characters) and empty files are errors, returned as values.
 */
export type Decoded = { ok: true; text: string; encoding: "utf-8" | "windows-1252" | "utf-16le" | "utf-16be" } | { ok: false; error: string };

const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text normalisation shared by every reader: no BOM, `\n` line ends, NFC, no soft hyphens or zero-width
 * characters (they split words that the gazetteers must match), form feeds and vertical tabs as line breaks.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u000b\u000c\u2028\u2029]/g, "\n")
    .replace(/\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g, "")
    .normalize("NFC");
}

// Windows-1252 code points for bytes 0x80–0x9F (the rest equals Latin-1). Node's TextDecoder("windows-1252")
// decodes these as C1 control characters on some builds, so the table is applied by hand; 0x81, 0x8D, 0x8F, 0x90
// and 0x9D are unassigned and stay control characters.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, error: "empty file" };
  let text: string;
  let encoding: "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = "utf-16le";
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = "utf-16be";
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  } else {
    if (bytes.indexOf(0) >= 0) return { ok: false, error: "binary data (contains NUL bytes), not a text file" };
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      encoding = "utf-8";
    } catch {
      text = decodeWindows1252(bytes);
      encoding = "windows-1252";
    }
  }
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const controls = sample.match(CONTROL)?.length ?? 0;
  if (controls > 8 && controls / sample.length > 0.01) {
    return { ok: false, error: `binary data (${((controls / sample.length) * 100).toFixed(1)}% control characters), not a text file` };
  }
  text = normalizeText(text);
  if (text.trim() === "") return { ok: false, error: "empty file (only whitespace)" };
  return { ok: true, text, encoding };
}
