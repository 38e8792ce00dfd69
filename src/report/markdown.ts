/**
 * GitHub-flavoured Markdown tables, shared by every markdown output: `|` and
 * newlines in cells are escaped, every row has the header's cell count.
 */
export type Align = 'left' | 'right' | 'center';

export function escapeMarkdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const rule = header.map((_, i) => (align[i] === 'right' ? '---:' : align[i] === 'center' ? ':---:' : '---'));
  const line = (cells: readonly string[]): string => `| ${header.map((_, i) => escapeMarkdownCell(cells[i] ?? '')).join(' | ')} |`;
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n') + '\n';
}
