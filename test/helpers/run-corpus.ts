/**
 * Runs the built program (runInProcess: the binary's run(), in this process)
 * over a malformed-input corpus and checks every outcome:
 * exit code in {0, 1, 2, 3}, no stack trace or internal error, a failing run
 * says on stderr which input it is about and leaves no --output file, every
 * csv/tsv text cell is spreadsheet-safe, and every JSON report satisfies the
 * accounting identity.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { InputStats } from '../../src/report/model.js';
import { accountingSides } from './accounting.js';
import { writeCase, type CaseOutcome, type CorpusCase } from './malformed-corpus.js';
import { runInProcess } from './run-in-process.js';

const OUT = 'result.out';

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

async function runCase(root: string, i: number, c: CorpusCase): Promise<CaseOutcome> {
  const dir = path.join(root, String(i));
  writeCase(dir, c);
  const ownOutput = c.args.includes('--output');
  const args = ownOutput || c.args[0] === 'validate' ? c.args : [...c.args, '--output', OUT];
  const r = await runInProcess(args, { cwd: dir });
  const outPath = path.join(dir, OUT);
  const output = existsSync(outPath) ? readFileSync(outPath, 'utf8') : null;
  const leftovers = listFiles(dir).filter((f) => !(f in c.files) && f !== OUT);
  return { c, code: r.code, stdout: r.stdout, stderr: r.stderr, output, leftovers };
}

/** Every check on one outcome; returns the problems found (empty when the case passes). */
export function checkOutcome(o: CaseOutcome): string[] {
  const problems: string[] = [];
  const { c } = o;
  if (o.code === null || ![0, 1, 2, 3].includes(o.code)) problems.push(`exit ${o.code}`);
  if (/internal error|\n\s+at .+:\d+:\d+\)?\n/.test(o.stderr)) problems.push('stack trace or internal error on stderr');
  if (o.leftovers.length > 0) problems.push(`files left behind: ${o.leftovers.join(', ')}`);
  if (o.code !== 0 && o.code !== 1) {
    if (o.stderr.trim() === '') problems.push('no message on stderr');
    else if (!c.names.some((n) => o.stderr.includes(n))) problems.push(`stderr names none of ${JSON.stringify(c.names)}: ${o.stderr.slice(0, 300)}`);
    if (o.output !== null) problems.push('a failing run left its --output file');
  }
  const text = o.output ?? o.stdout;
  if (o.code === 0 && c.formulaCheck) {
    const delimiter = c.args.includes('tsv') ? '\t' : ',';
    for (const cell of cells(text, delimiter)) {
      if (/^[=+\-@\t\r]/.test(cell) && !/^-?\d/.test(cell)) problems.push(`unsafe csv cell ${JSON.stringify(cell)}`);
    }
  }
  if (o.code === 0 && c.args.includes('json') && c.args[0] === 'report') {
    const doc = JSON.parse(text) as { inputs: InputStats[] };
    for (const s of doc.inputs) {
      const [read, sum] = accountingSides(s);
      if (read !== sum) problems.push(`${s.file}: rows_read ${read} ≠ ${sum}`);
    }
  }
  return problems;
}

/** The cells of RFC 4180 text (quoted cells unquoted). */
function cells(text: string, delimiter: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return out;
        cell += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          cell += '"';
          i++;
        } else break;
      }
    } else {
      let end = i;
      while (end < text.length && text[end] !== delimiter && text[end] !== '\r' && text[end] !== '\n') end++;
      cell = text.slice(i, end);
      i = end;
    }
    out.push(cell);
    if (text[i] === delimiter) i++;
    else if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (text[i] === '\n') i++;
  }
  return out;
}

/** Runs every case (a few at a time) and fails listing each case's problems. */
export async function runCorpus(corpus: CorpusCase[], concurrency = 3): Promise<CaseOutcome[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cb-corpus-'));
  try {
    const outcomes: CaseOutcome[] = new Array<CaseOutcome>(corpus.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < corpus.length) {
          const i = next++;
          outcomes[i] = await runCase(root, i, corpus[i]!);
        }
      }),
    );
    const failures = outcomes.flatMap((o) => checkOutcome(o).map((p) => `${o.c.category} / ${o.c.name} (exit ${o.code}): ${p}`));
    expect(failures).toEqual([]);
    return outcomes;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
