/**
 * Format and delimiter detection.
 */
import { InputError, UsageError } from '../errors.js';
import { INPUT_FORMATS, type InputFormat } from '../model/input-report.js';

export { INPUT_FORMATS, type InputFormat };


/** Delimiters we detect; `whitespace` (runs of spaces/tabs, no quoting) only when asked for. */
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';
export const DETECTED_DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

const EXTENSIONS: Record<string, InputFormat> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
};

/** Format from a file extension (already stripped of `.gz`); null when unknown. */
export function formatFromExtension(ext: string): InputFormat | null {
  return EXTENSIONS[ext] ?? null;
}

/** Reads a `--delimiter` value: `,` `;` `|` `tab` `\t` `whitespace` `space`. */
export function parseDelimiterFlag(text: string): Delimiter {
  const t = text.trim().toLowerCase();
  if (t === ',' || t === 'comma') return ',';
  if (t === ';' || t === 'semicolon') return ';';
  if (t === '|' || t === 'pipe') return '|';
  if (text === '\t' || t === 'tab' || t === '\\t') return '\t';
  if (t === 'whitespace' || t === 'space' || t === 'spaces') return 'whitespace';
  throw new UsageError('BAD_DELIMITER', `--delimiter: unknown delimiter "${text}"`, {
    hint: 'use one of , ; | tab whitespace',
  });
}

/** A printable name for a delimiter, for `validate`. */
export function delimiterName(d: Delimiter): string {
  return d === '\t' ? 'tab' : d === 'whitespace' ? 'whitespace' : d;
}

/**
 * Picks the delimiter of a header line: the candidate that occurs most often
 * outside quotes (ties go to the earlier of `,` `;` tab `|`). A header with
 * none of them is one column, read as `,`.
 * @example detectDelimiter('date;channel;spend') // ';'
 */
export function detectDelimiter(header: string, preferred: Delimiter = ','): Delimiter {
  const counts = new Map<string, number>();
  let inQuotes = false;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t' || ch === '|')) {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
  }
  let best: Delimiter = preferred;
  let bestCount = counts.get(preferred) ?? 0;
  for (const d of DETECTED_DELIMITERS) {
    const c = counts.get(d) ?? 0;
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

/** Sniffs JSON vs NDJSON from the first bytes of a stream that has no telling extension. */
export function sniffFormat(head: string, name: string): InputFormat {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) {
    const nl = text.indexOf('\n');
    if (nl > 0) {
      try {
        JSON.parse(text.slice(0, nl));
        return 'ndjson';
      } catch {
        return 'json';
      }
    }
    return 'json';
  }
  if (text.length === 0) {
    throw new InputError('INPUT_EMPTY', `${name}: the input is empty`);
  }
  return 'csv';
}
