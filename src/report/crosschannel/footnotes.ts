/**
 * `n/a¹` marks for null figures in tables and markdown, one footnote per reason.
 */
const SUPERSCRIPTS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
const superscript = (n: number): string => String(n).split('').map((d) => SUPERSCRIPTS[Number(d)]!).join('');

export interface Footnotes {
  /** `n/a` with the reason's mark (terminal superscripts, or `[^n]` in markdown). */
  na(reason: string): string;
  /** The footnote lines, in order of first use. */
  lines(): string[];
}

export function createFootnotes(style: 'terminal' | 'markdown'): Footnotes {
  const notes = new Map<string, number>();
  const number = (reason: string): number => {
    let n = notes.get(reason);
    if (n === undefined) notes.set(reason, (n = notes.size + 1));
    return n;
  };
  return {
    na: (reason) => (style === 'terminal' ? `n/a${superscript(number(reason))}` : `n/a[^${number(reason)}]`),
    lines: () => [...notes].map(([reason, n]) => (style === 'terminal' ? `n/a${superscript(n)} ${reason}` : `[^${n}]: ${reason}`)),
  };
}
