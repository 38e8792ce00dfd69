/**
 * The blank rule of a cell: spaces, tabs and no-break spaces around a value
 * are not part of it, and a cell of only those is empty. One definition for
 * every reader (the date and number readers, the cell decoders, the orders
 * fast path, which reads the bytes with {@link trimBytes}).
 */

/** Whether char code `c` is blank around a value: space, tab or no-break space. */
export function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 160;
}

/** Start of the value after leading spaces/tabs. */
export function trimStart(raw: string, from = 0, to = raw.length): number {
  let s = from;
  const n = to;
  while (s < n) {
    const c = raw.charCodeAt(s);
    if (!isBlankChar(c)) break;
    s++;
  }
  return s;
}

/** End (exclusive) of the value before trailing spaces/tabs. */
export function trimEnd(raw: string, s: number, to = raw.length): number {
  let e = to;
  while (e > s) {
    const c = raw.charCodeAt(e - 1);
    if (!isBlankChar(c)) break;
    e--;
  }
  return e;
}

/** A cell's bytes (fast path, {@link trimBytes}): blank (all spaces and tabs). */
export const BYTES_BLANK = 0;
/** A cell's bytes: trimmed into the range given. */
export const BYTES_TRIMMED = 1;
/** A cell's bytes: trimming needs the text (whitespace outside ASCII at an end, or nothing left): read the cell as a string. */
export const BYTES_AS_TEXT = 2;

/** Whitespace that String#trim removes, among ASCII bytes. */
function isSpaceByte(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Length of the whitespace outside ASCII that String#trim removes starting at
 * `b[i]`, in UTF-8 (U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
 * U+205F, U+3000, U+FEFF); 0 when none.
 */
function wideSpaceAt(b: Uint8Array, i: number): number {
  const x = b[i];
  if (x === 0xc2) return b[i + 1] === 0xa0 ? 2 : 0;
  const y = b[i + 1];
  const z = b[i + 2]!;
  if (x === 0xe1) return y === 0x9a && z === 0x80 ? 3 : 0;
  if (x === 0xe2 && y === 0x80) return (z >= 0x80 && z <= 0x8a) || z === 0xa8 || z === 0xa9 || z === 0xaf ? 3 : 0;
  if (x === 0xe2) return y === 0x81 && z === 0x9f ? 3 : 0;
  if (x === 0xe3) return y === 0x80 && z === 0x80 ? 3 : 0;
  if (x === 0xef) return y === 0xbb && z === 0xbf ? 3 : 0;
  return 0;
}

/**
 * The blank and trim rules of the string readers (isBlank, String#trim) on
 * the UTF-8 bytes `b[s, e)` of a non-empty cell: BYTES_BLANK when only spaces
 * and tabs; BYTES_TRIMMED with the trimmed range in `range[0]`, `range[1]`;
 * BYTES_AS_TEXT when that takes the decoded text (see the constants).
 */
export function trimBytes(b: Uint8Array, s: number, e: number, range: Int32Array): number {
  let blank = true;
  for (let i = s; i < e && blank; i++) blank = b[i] === 32 || b[i] === 9;
  if (blank) return BYTES_BLANK;
  while (s < e && isSpaceByte(b[s]!)) s++;
  while (e > s && isSpaceByte(b[e - 1]!)) e--;
  if (s === e) return BYTES_AS_TEXT;
  if (b[s]! > 127 && wideSpaceAt(b, s) > 0) return BYTES_AS_TEXT;
  if (b[e - 1]! > 127 && (wideSpaceAt(b, e - 2) === 2 || (e - 3 >= s && wideSpaceAt(b, e - 3) === 3))) return BYTES_AS_TEXT;
  range[0] = s;
  range[1] = e;
  return BYTES_TRIMMED;
}
