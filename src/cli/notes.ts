/** Notes for stderr about what was skipped (never silent). */
import type { FileReport } from '../model/input-report.js';
import { outsideWarning } from '../pipeline/row-accounting.js';

export function skippedNote(files: FileReport[]): string[] {
  const lines: string[] = [];
  for (const f of files) {
    const parts: string[] = [];
    if (f.counts.invalidRows) parts.push(`${f.counts.invalidRows} invalid row${f.counts.invalidRows === 1 ? '' : 's'} skipped`);
    if (f.counts.droppedRows) parts.push(`${f.counts.droppedRows} totals row${f.counts.droppedRows === 1 ? '' : 's'} dropped`);
    if (f.counts.zeroValueOrders) parts.push(`${f.counts.zeroValueOrders} zero-value order${f.counts.zeroValueOrders === 1 ? '' : 's'} (neither purchases nor returns)`);
    if (f.counts.lineConflicts) parts.push(`${f.counts.lineConflicts} order line${f.counts.lineConflicts === 1 ? '' : 's'} disagreeing with the order's first line (first line kept)`);
    if (parts.length) lines.push(`channelbench: ${f.file}: ${parts.join('; ')}\n`);
    const outside = outsideWarning(f);
    if (outside) lines.push(`channelbench: warning: ${outside}\n`);
  }
  return lines;
}
