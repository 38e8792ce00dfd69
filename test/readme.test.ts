/**
 * The README is the manual: its generated parts must match the code.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { COMMAND_DESCRIPTIONS } from '../src/cli/commands/descriptions.js';
import { createProgram } from '../src/cli/program.js';
import { METRIC_TABLE_END, METRIC_TABLE_START, renderMetricTable } from '../src/report/metric-docs.js';
import { PRESETS } from '../src/ingest/presets/index.js';
import { METRIC_KEYS } from '../src/model.js';
import { VERSION } from '../src/version.js';
import { fixture, ROOT, runCli } from './helpers/run-cli.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
/** The README without its code blocks (headings and links only count outside them). */
const prose = readme.replace(/```[\s\S]*?```/g, '');

/** GitHub's heading anchor: lower case, punctuation but `-` and `_` dropped, spaces → `-`. */
const slug = (heading: string): string => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-');
const headings = [...prose.matchAll(/^#{1,6} (.*)$/gm)].map((m) => m[1]!);

/** Every long option of every command, with the commands that take it (`--no-x` counts as `--x` when both exist). */
async function optionsByFlag(): Promise<Map<string, string[]>> {
  const io = { stdout: () => {}, stderr: () => {}, stdin: new PassThrough(), env: {}, cwd: ROOT, stdoutIsTTY: false, stderrIsTTY: false, columns: 80 };
  const out = new Map<string, string[]>();
  for (const name of Object.keys(COMMAND_DESCRIPTIONS)) {
    // The program builds in full only the command named on its command line.
    const cmd = (await createProgram([name], io, () => {})).commands.find((c) => c.name() === name)!;
    const longs = cmd.options.map((o) => o.long).filter((l): l is string => l !== undefined);
    for (const long of longs) {
      const flag = long.startsWith('--no-') && longs.includes(`--${long.slice(5)}`) ? `--${long.slice(5)}` : long;
      out.set(flag, [...new Set([...(out.get(flag) ?? []), cmd.name()])]);
    }
  }
  return out;
}

describe('README', () => {
  it('has the metric table generated from the registry (npm run docs)', () => {
    const start = readme.indexOf(METRIC_TABLE_START) + METRIC_TABLE_START.length;
    const end = readme.indexOf(METRIC_TABLE_END);
    expect(readme.slice(start, end).trim()).toBe(renderMetricTable().trim());
    for (const key of METRIC_KEYS) expect(readme).toContain(`| \`${key}\` |`);
  });
  it('documents every preset', () => {
    for (const name of Object.keys(PRESETS)) expect(readme).toContain(`| \`${name}\` |`);
  });
  it('quick start is the two commands', () => {
    expect(readme).toContain('npm install && npx channelbench report --data fixtures/demo\nnpm test');
  });
  it('shows the real quick-start output (80 columns)', async () => {
    const marker = '$ npx channelbench report --data fixtures/demo\n';
    const start = readme.indexOf(marker) + marker.length;
    const shown = readme.slice(start, readme.indexOf('```', start));
    const r = await runCli(['report', '--data', fixture('demo')], { env: { COLUMNS: '80' } });
    expect(shown).toBe(r.stdout);
  });
  it('documents every option: one section (a heading) per option that several commands share', async () => {
    // --horizon means different things to cohorts and clv: each command's section documents its own.
    const ownMeaning = new Set(['--horizon']);
    const options = await optionsByFlag();
    expect(options.size).toBeGreaterThan(50);
    for (const [flag, commands] of options) {
      expect(readme, `${flag} (${commands.join(', ')}) is not in the README`).toContain('`' + flag);
      if (commands.length > 1 && !ownMeaning.has(flag)) {
        expect(headings.some((h) => h.includes('`' + flag + '`')), `${flag} (${commands.join(', ')}) has no section`).toBe(true);
      }
    }
  });
  it('every option section gives the flag, config key, default, commands and an example', () => {
    const sections = readme.split(/^#### /m).slice(1).filter((s) => s.startsWith('`'));
    expect(sections.length).toBeGreaterThan(40);
    for (const s of sections) {
      const name = s.slice(0, s.indexOf('\n'));
      if (name.endsWith(' options')) continue; // a command's own options: one table
      expect(s, name).toMatch(/\*\*Flags?\*\* .*· \*\*config\*\* .*· \*\*default\*\* .*· \*\*commands\*\* /);
      expect(s, `${name} has no example`).toMatch(/```(sh|console|json)\n/);
    }
  });
  it('every link to a heading or a file resolves', () => {
    const anchors = new Set<string>();
    for (const h of headings) {
      let a = slug(h);
      for (let i = 1; anchors.has(a); i++) a = `${slug(h)}-${i}`;
      anchors.add(a);
    }
    for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^https?:/.test(target!)) continue;
      const [file, anchor] = target!.split('#');
      if (file) expect(existsSync(path.join(ROOT, file)), `${target} does not exist`).toBe(true);
      else expect(anchors.has(anchor!), `#${anchor} is not a heading`).toBe(true);
    }
  });
  it('version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
