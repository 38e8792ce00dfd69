/**
 * The blank rule of a cell: spaces, tabs and no-break spaces around a value
 * are not part of it, and a cell of only those is empty. One definition for
 * every reader (the date and number readers, the cell decoders, the orders fast path).
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
