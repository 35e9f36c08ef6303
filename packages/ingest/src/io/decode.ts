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
      text = new TextDecoder("windows-1252").decode(bytes);
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
