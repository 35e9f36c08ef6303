/**
 * Progress reporting on stderr. On a terminal, multi-file runs get a one-line bar that redraws in place (messages
 * are printed above it); otherwise (a pipe, a log file, CI) every file gets one plain line.
 */
export type Outcome = "new" | "unchanged" | "failed";

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  /** Sets the number of steps (files) expected; may be called again when more are found. */
  setTotal(total: number): void;
  /** One file done. `detail` is the error for failures, a short note otherwise. */
  step(file: string, outcome: Outcome, detail?: string): void;
  /** A message line (warnings), printed without disturbing the bar. */
  message(line: string): void;
  /** Clears the bar. */
  done(): void;
}

const LABEL: Record<Outcome, string> = { new: "ok", unchanged: "unchanged", failed: "error" };

export function createProgress(stream: ProgressStream = process.stderr, options: { bar?: boolean } = {}): Progress {
  let total = 0;
  let count = 0;
  let failed = 0;
  let shown = false;
  const useBar = () => (options.bar ?? !!stream.isTTY) && total > 1;
  const width = () => Math.max(40, Math.min(stream.columns ?? 80, 120));
  const clear = () => {
    if (shown) stream.write("\r\x1b[2K");
    shown = false;
  };
  const draw = (file: string) => {
    const cols = width();
    const slots = 24;
    const filled = total ? Math.round((count / total) * slots) : 0;
    const head = `[${"#".repeat(filled)}${"-".repeat(slots - filled)}] ${count}/${total}${failed ? ` (${failed} failed)` : ""} `;
    const room = cols - head.length - 1;
    const name = file.length > room ? `…${file.slice(file.length - room + 1)}` : file;
    stream.write(`\r\x1b[2K${head}${room > 4 ? name : ""}`);
    shown = true;
  };
  return {
    setTotal(t) {
      total = t;
    },
    step(file, outcome, detail) {
      count += 1;
      if (outcome === "failed") failed += 1;
      if (useBar()) {
        if (outcome === "failed") {
          clear();
          stream.write(`error: ${file}: ${detail ?? "failed"}\n`);
        }
        draw(file);
        return;
      }
      const note = detail ? (outcome === "failed" ? `: ${detail}` : ` (${detail})`) : "";
      stream.write(`${LABEL[outcome]}: ${file}${note}\n`);
    },
    message(line) {
      const wasShown = shown;
      clear();
      stream.write(`${line}\n`);
      if (wasShown && useBar()) draw("");
    },
    done() {
      clear();
    },
  };
}
