/**
 * The README's examples are real: every `$ channelbench …` block prints what the
 * README shows (stdout, stderr, or both; a `…` line stands for lines left out), and
 * every command of the Options section's examples runs (exit 0, or 1 for --fail-on).
 * Runs in a scratch folder holding a link to fixtures/, so files the examples write
 * (kpi.html, gate.csv, …) land there. Slow: about 60 runs of the binary, run
 * concurrently (the commands of one sh block in order: a later one may read what an
 * earlier one wrote).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers/run-cli.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'channelbench-readme-'));
symlinkSync(path.join(ROOT, 'fixtures'), path.join(scratch, 'fixtures'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Commands the README shows without their inputs (made-up files, ../shared, a warehouse) or whose output is not theirs. */
const NOT_RUN = [/\bro\.csv\b/, /\$D\//, /\.\.\/shared/, /kpi\.xlsx/, /orders\.parquet/, /--engine/, /--summary/, /\bexports\//, /\bdata\//, /npm root/];

function sh(command: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const line = command.replace(/(^|\| )(npx )?channelbench /g, `$1"${process.execPath}" "${BIN}" `);
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', line], { cwd: scratch, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', TZ: 'UTC', LANG: 'C', COLUMNS: '80' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout: stdout.replace(/\r\n/g, '\n'), stderr, code }));
  });
}

interface Shown {
  command: string;
  output: string;
}

/** `$ command` + its output, from every code block that starts with `$ `. */
function shownExamples(): Shown[] {
  const out: Shown[] = [];
  for (const [, body] of readme.matchAll(/```\w*\n([\s\S]*?)```/g)) {
    if (!body!.startsWith('$ ')) continue;
    for (const part of body!.split(/^\$ /m).slice(1)) {
      const lines = part.split('\n');
      let i = 0;
      let command = lines[0]!;
      while (command.endsWith('\\')) command = command.slice(0, -1) + ' ' + lines[++i]!.trim();
      out.push({ command, output: lines.slice(i + 1).join('\n').replace(/\n+$/, '') });
    }
  }
  return out;
}

/** The command lines of each `sh` block between two headings. */
function shBlocks(from: string, to: string): string[][] {
  const part = readme.slice(readme.indexOf(from), readme.indexOf(to));
  const out: string[][] = [];
  for (const [, body] of part.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = body!.split('\n');
    const block: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i]!;
      if (!/^(cat \S+ \| )?channelbench /.test(line)) continue;
      while (line.endsWith('\\')) line = line.slice(0, -1) + ' ' + lines[++i]!.trim();
      block.push(line.replace(/\s+#.*$/, ''));
    }
    if (block.length > 0) out.push(block);
  }
  return out;
}

/** Shown output matches: whole, or with each `…` standing for any lines (the rest in order). */
function matches(shown: string, actual: string): boolean {
  const got = actual.replace(/\n+$/, '');
  if (!shown.includes('…')) return got === shown;
  const want = shown.split('\n').filter((l) => l.trim() !== '…');
  const have = got.split('\n');
  let j = 0;
  for (const l of have) if (j < want.length && l === want[j]) j++;
  return j === want.length;
}

describe.concurrent('README examples', () => {
  const shown = shownExamples();
  it('has examples with output', () => expect(shown.length).toBeGreaterThan(20));
  for (const ex of shown) {
    if (NOT_RUN.some((re) => re.test(ex.command))) continue;
    const cat = /^cat (\S+)$/.exec(ex.command);
    if (cat) {
      // `$ cat FILE` shows an input the next command reads: write it now, before any test runs.
      writeFileSync(path.join(scratch, cat[1]!), ex.output + '\n');
      continue;
    }
    it(`$ ${ex.command}`, async () => {
      const r = await sh(ex.command);
      const candidates = [r.stdout, r.stderr, r.stderr + r.stdout];
      expect(candidates.some((c) => matches(ex.output, c)), `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`).toBe(true);
    });
  }
  for (const block of shBlocks('## Options', '## Config file')) {
    it(`runs: ${block.join(' && ')}`, async () => {
      for (const command of block) {
        const r = await sh(command);
        expect([0, /--fail-on/.test(command) ? 1 : 0], `${command}\n${r.stderr}`).toContain(r.code);
      }
    });
  }
});
