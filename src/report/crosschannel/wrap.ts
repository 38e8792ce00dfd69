/**
 * Word-wraps plain prose to the terminal width, so explanatory lines above and
 * below the tables never wrap mid-word either.
 */

/**
 * Splits `text` at spaces into lines of at most `width` characters (a single
 * word longer than the width gets a line of its own).
 * @example wrapWords('one two three', 8) // ['one two', 'three']
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Wraps `title + rest` like `wrapWords`, styling the title's characters with
 * `strong` and the rest with `weak` (e.g. chalk bold and dim).
 * @example wrapStyled('overlap', ': of the row…', 80, c.bold, c.dim) // [bold('overlap') + dim(': of the row…')]
 */
export function wrapStyled(title: string, rest: string, width: number, strong: (s: string) => string, weak: (s: string) => string): string[] {
  let offset = 0;
  return wrapWords(title + rest, width).map((line) => {
    const cut = Math.max(0, Math.min(line.length, title.length - offset));
    offset += line.length + 1;
    return (cut > 0 ? strong(line.slice(0, cut)) : '') + (cut < line.length ? weak(line.slice(cut)) : '');
  });
}
