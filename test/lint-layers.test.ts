/**
 * The layer and purity rules of eslint.config.js hold: each probe in
 * test/lint-probes/ is linted as if it were the file its first line names
 * (`// lint as: src/…`), and must fail with the rule its second line names —
 * or pass, for the `expect: ok` controls (so a config that bans everything
 * fails this test too). The probes themselves are ignored by `npm run lint`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';

const PROBES = path.join(ROOT, 'test', 'lint-probes');
const eslint = new ESLint({ cwd: ROOT });

describe('eslint enforces the layers', () => {
  it.each(readdirSync(PROBES).filter((f) => f.endsWith('.ts')))('%s', async (name) => {
    const text = readFileSync(path.join(PROBES, name), 'utf8');
    const as = /^\/\/ lint as: (\S+)/m.exec(text)?.[1];
    const expected = /^\/\/ expect: (\S+)/m.exec(text)?.[1];
    expect(as, 'probe names the file it stands for').toBeDefined();
    const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, as!) });
    const rules = result!.messages.map((m) => m.ruleId ?? m.message);
    if (expected === 'ok') expect(rules).toEqual([]);
    else expect(rules).toEqual([expected]);
  });
});
