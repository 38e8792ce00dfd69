/**
 * The clv document as GitHub-flavoured Markdown (for $GITHUB_STEP_SUMMARY).
 */
import type { DisplayOptions } from '../number-format.js';
import type { ClvDoc } from './model.js';
import { clvSections } from './sections.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|');

export function renderClvMarkdown(doc: ClvDoc, display: DisplayOptions): string {
  const v = clvSections(doc, display);
  const out = [`## ${v.title}`, '', ...v.lines.map((l) => `${l}  `)];
  for (const s of v.sections) {
    out.push('', `### ${s.title}`, '', `| ${s.header.map(cell).join(' | ')} |`, `|${s.header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
    for (const r of s.rows) out.push(`| ${r.map(cell).join(' | ')} |`);
  }
  if (v.notes.length) out.push('', ...v.notes.map((n) => `- ${n.replace(/^\* /, '\\* ')}`));
  return out.join('\n') + '\n';
}
