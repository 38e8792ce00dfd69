/**
 * A malformed-input corpus, generated deterministically from a seed (nothing
 * committed): truncated files, wrong encodings, NUL bytes, huge fields, deep
 * JSON, broken and bomb-like gzip, ragged rows, bad dates/numbers/scores, bad
 * configs and flags, and spreadsheet-formula payloads. Each case is a command
 * line over files written into a folder; test/e2e/malformed-corpus.test.ts runs
 * the built program over them (in process, test/helpers/run-in-process.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { mulberry32 } from './prng.js';

export interface CorpusCase {
  name: string;
  category: string;
  /** Arguments; file names are relative to the case folder (the cwd of the run). */
  args: string[];
  files: Record<string, string | Buffer>;
  /** Texts of which at least one must appear on stderr when the run fails (the input it names). */
  names: string[];
  /** csv/tsv output whose text cells must all be spreadsheet-safe. */
  formulaCheck?: boolean;
}

/** Spreadsheet-formula payloads (OWASP CSV injection). */
export const FORMULA_PAYLOADS = ['=1+1', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1)', '=HYPERLINK("http://x","y")', '\t=1', '\r=1'];

const day = (d: number): string => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

/** A well-formed small orders file: line items, cancelled rows, a few channels. */
export function ordersCsv(rand: () => number, rows = 40, channels = ['web', 'email', 'store']): string {
  const out = ['order_id,customer_id,date,channel,status,revenue'];
  for (let i = 0; i < rows; i++) {
    const id = `o${Math.floor(i / (1 + Math.floor(rand() * 2)))}`;
    const status = rand() < 0.1 ? 'cancelled' : 'paid';
    out.push(`${id},c${Math.floor(rand() * 12)},${day(Math.floor(rand() * 90))},${channels[Math.floor(rand() * channels.length)]},${status},${(rand() * 200 - 20).toFixed(2)}`);
  }
  return out.join('\n') + '\n';
}

const quoteCsv = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The corpus for `seed`. `scale` 1 is the fast suite's run; larger scales add
 * more random variants (truncation points, ragged rows) and the big cases
 * (a line past 8 MB, gzip inflating past the JSON limit).
 */
export function buildCorpus(seed: number, scale = 1): CorpusCase[] {
  const rand = mulberry32(seed);
  const cases: CorpusCase[] = [];
  const add = (c: CorpusCase): void => void cases.push(c);
  const base = ordersCsv(rand);
  const spend = ['date,channel,spend', ...Array.from({ length: 20 }, (_, i) => `${day(i * 7)},web,${(rand() * 50).toFixed(2)}`)].join('\n') + '\n';
  const json = (doc: unknown): string => JSON.stringify(doc);
  const orderObjects = base
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [order_id, customer_id, date, channel, status, revenue] = l.split(',');
      return { order_id, customer_id, date, channel, status, revenue: Number(revenue) };
    });

  // Truncation at random byte offsets (mid-field, mid-quote, mid-line).
  const quoted = base.replace(/,web,/g, ',"we,b",');
  for (let k = 0; k < 4 * scale; k++) {
    const cut = 20 + Math.floor(rand() * (quoted.length - 20));
    add({ name: `truncated csv at ${cut}`, category: 'truncation', args: ['report', '--orders', 'orders.csv', '--skip-invalid'], files: { 'orders.csv': quoted.slice(0, cut) }, names: ['orders.csv'] });
    const jcut = 1 + Math.floor(rand() * (json(orderObjects).length - 1));
    add({ name: `truncated json at ${jcut}`, category: 'truncation', args: ['report', '--orders', 'orders.json'], files: { 'orders.json': json(orderObjects).slice(0, jcut) }, names: ['orders.json'] });
  }
  add({ name: 'empty file', category: 'truncation', args: ['report', '--orders', 'orders.csv'], files: { 'orders.csv': '' }, names: ['orders.csv'] });
  add({ name: 'header only', category: 'truncation', args: ['report', '--orders', 'orders.csv'], files: { 'orders.csv': 'date,revenue\n' }, names: ['orders.csv'] });

  // Encodings.
  add({ name: 'utf-16le with BOM', category: 'encoding', args: ['report', '--orders', 'orders.csv'], files: { 'orders.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(base, 'utf16le')]) }, names: ['orders.csv'] });
  add({ name: 'latin-1 bytes', category: 'encoding', args: ['report', '--orders', 'orders.csv'], files: { 'orders.csv': Buffer.from(base.replace(/store/g, 'magasin é'), 'latin1') }, names: ['orders.csv'] });
  add({ name: 'invalid utf-8', category: 'encoding', args: ['report', '--orders', 'orders.csv', '--skip-invalid'], files: { 'orders.csv': Buffer.concat([Buffer.from(base.slice(0, 80)), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff]), Buffer.from(base.slice(80))]) }, names: ['orders.csv'] });

  // NUL bytes.
  add({ name: 'NUL in cells', category: 'nul', args: ['report', '--orders', 'orders.csv', '--skip-invalid'], files: { 'orders.csv': base.replace(/,c1,/g, ',c\u00001,').replace(/12\./g, '1\u00002.') }, names: ['orders.csv'] });
  add({ name: 'all NUL', category: 'nul', args: ['report', '--orders', 'orders.csv'], files: { 'orders.csv': Buffer.alloc(4096) }, names: ['orders.csv'] });
  add({ name: 'NUL as json', category: 'nul', args: ['report', '--orders', 'orders.json'], files: { 'orders.json': Buffer.alloc(4096) }, names: ['orders.json'] });

  // Huge fields.
  add({ name: 'a 1 MB channel name', category: 'huge', args: ['report', '--orders', 'orders.csv'], files: { 'orders.csv': `date,revenue,channel\n2024-01-01,5,${'x'.repeat(1 << 20)}\n` }, names: ['orders.csv'] });
  add({ name: 'an unclosed quote', category: 'huge', args: ['report', '--orders', 'orders.csv'], files: { 'orders.csv': `date,revenue,channel\n2024-01-01,5,"web\n${'2024-01-02,6,web\n'.repeat(2000)}` }, names: ['orders.csv'] });
  if (scale > 1) {
    add({ name: 'a line past 8 MB', category: 'huge', args: ['report', '--orders', 'orders.csv'], files: { 'orders.csv': `date,revenue\n2024-01-01,${'9'.repeat(9 << 20)}\n` }, names: ['orders.csv'] });
    add({ name: 'an ndjson line past 8 MB', category: 'huge', args: ['report', '--orders', 'orders.ndjson'], files: { 'orders.ndjson': `{"date":"2024-01-01","revenue":"${'9'.repeat(9 << 20)}"}\n` }, names: ['orders.ndjson'] });
  }

  // Nesting.
  for (const depth of [65, 10_000]) {
    const deep = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    add({ name: `json value nested ${depth}`, category: 'nesting', args: ['report', '--orders', 'orders.json'], files: { 'orders.json': `[{"date":"2024-01-01","revenue":5,"channel":${deep}}]` }, names: ['orders.json'] });
    add({ name: `ndjson value nested ${depth}`, category: 'nesting', args: ['report', '--orders', 'orders.ndjson'], files: { 'orders.ndjson': `{"date":"2024-01-01","revenue":5,"channel":${deep}}\n` }, names: ['orders.ndjson'] });
  }
  add({ name: 'json object nested as value', category: 'nesting', args: ['report', '--orders', 'orders.json', '--format', 'json'], files: { 'orders.json': json(orderObjects.map((o) => ({ ...o, channel: { a: [1, { b: 2 }] } }))) }, names: ['orders.json'] });

  // Gzip.
  const gz = gzipSync(Buffer.from(base));
  add({ name: 'gzip ok', category: 'gzip', args: ['report', '--orders', 'orders.csv.gz', '--format', 'json'], files: { 'orders.csv.gz': gz }, names: ['orders.csv.gz'] });
  add({ name: 'gzip truncated', category: 'gzip', args: ['report', '--orders', 'orders.csv.gz'], files: { 'orders.csv.gz': gz.subarray(0, Math.floor(gz.length / 2)) }, names: ['orders.csv.gz'] });
  add({ name: 'gzip corrupt', category: 'gzip', args: ['report', '--orders', 'orders.csv.gz'], files: { 'orders.csv.gz': Buffer.concat([gz.subarray(0, 12), Buffer.from('garbage'.repeat(20))]) }, names: ['orders.csv.gz'] });
  add({ name: 'gzip of json', category: 'gzip', args: ['report', '--orders', 'orders.json.gz', '--format', 'json'], files: { 'orders.json.gz': gzipSync(Buffer.from(json(orderObjects))) }, names: ['orders.json.gz'] });
  if (scale > 1) {
    // `[` then 300 MB of spaces: a few hundred KB compressed, past the 256 MB JSON document limit inflated.
    const bomb = gzipSync(Buffer.concat([Buffer.from('['), Buffer.alloc(300 << 20, 0x20)]), { level: 1 });
    add({ name: 'gzip json inflating past the limit', category: 'gzip', args: ['report', '--orders', 'orders.json.gz'], files: { 'orders.json.gz': bomb }, names: ['orders.json.gz'] });
  }

  // Ragged rows.
  for (let k = 0; k < 2 * scale; k++) {
    const lines = base.trim().split('\n');
    const ragged = lines.map((l, i) => (i > 0 && rand() < 0.3 ? (rand() < 0.5 ? l.split(',').slice(0, 2 + Math.floor(rand() * 3)).join(',') : `${l},extra,"x"`) : l));
    add({ name: `ragged rows ${k}`, category: 'ragged', args: ['report', '--orders', 'orders.csv', '--skip-invalid', '--format', 'json'], files: { 'orders.csv': ragged.join('\n') + '\n' }, names: ['orders.csv'] });
    add({ name: `ragged rows strict ${k}`, category: 'ragged', args: ['report', '--orders', 'orders.csv'], files: { 'orders.csv': ragged.join('\n') + '\n' }, names: ['orders.csv'] });
  }

  // Bad dates, numbers, scores.
  add({ name: 'bad dates', category: 'values', args: ['report', '--orders', 'orders.csv'], files: { 'orders.csv': 'date,revenue\n2024-13-45,5\n0000-00-00,3\n9999-99-99,1\n' }, names: ['orders.csv'] });
  add({ name: 'years 1 to 9999 by day', category: 'values', args: ['report', '--orders', 'orders.csv', '--period', 'day'], files: { 'orders.csv': 'date,revenue,channel\n0001-01-01,5,web\n9999-12-30,3,store\n' }, names: ['--period'] });
  add({ name: 'years 1 to 9999 by week', category: 'values', args: ['crosschannel', '--orders', 'orders.csv', '--period', 'week'], files: { 'orders.csv': 'date,revenue,channel,customer_id\n0001-01-01,5,web,a\n9999-12-30,3,store,b\n' }, names: ['--period'] });
  add({ name: 'years 1 to 9999 cohorts by day', category: 'values', args: ['cohorts', '--orders', 'orders.csv', '--period', 'day'], files: { 'orders.csv': 'date,revenue,channel,customer_id\n0001-01-01,5,web,a\n9999-12-30,3,store,b\n' }, names: ['--period'] });
  add({ name: 'bad numbers', category: 'values', args: ['report', '--orders', 'orders.csv'], files: { 'orders.csv': 'date,revenue\n2024-01-01,12abc\n2024-01-02,1e400\n2024-01-03,--5\n' }, names: ['orders.csv'] });
  add({ name: 'ambiguous amounts', category: 'values', args: ['report', '--orders', 'orders.csv'], files: { 'orders.csv': 'date,revenue\n2024-01-01,"1,234"\n2024-01-02,"5,678"\n' }, names: ['orders.csv'] });
  add({ name: 'bad NPS scores', category: 'values', args: ['report', '--orders', 'orders.csv', '--nps', 'nps.csv'], files: { 'orders.csv': base, 'nps.csv': 'date,score\n2024-01-01,11\n2024-01-02,5.5\n2024-01-03,-1\n2024-01-04,x\n' }, names: ['nps.csv'] });
  add({ name: 'bad NPS scores skipped', category: 'values', args: ['report', '--orders', 'orders.csv', '--nps', 'nps.csv', '--skip-invalid', '--format', 'json'], files: { 'orders.csv': base, 'nps.csv': 'date,score\n2024-01-01,11\n2024-01-02,5\n2025-06-01,9\n' }, names: ['nps.csv'] });
  add({ name: 'spend after the data end', category: 'values', args: ['report', '--orders', 'orders.csv', '--spend', 'spend.csv', '--format', 'json'], files: { 'orders.csv': base, 'spend.csv': spend.replace(/2024-0[23]/g, '2026-01') }, names: ['spend.csv'] });
  add({ name: 'all rows cancelled', category: 'values', args: ['report', '--orders', 'orders.csv'], files: { 'orders.csv': base.replace(/,paid,/g, ',cancelled,') }, names: ['orders.csv'] });
  add({ name: 'validate invalid rows', category: 'values', args: ['validate', '--orders', 'orders.csv'], files: { 'orders.csv': 'date,revenue\n2024-01-01,x\n' }, names: ['orders.csv'] });

  // Configs.
  const configs: Record<string, string> = {
    'not json': '{ "settings": ',
    'currency €€€': '{"settings":{"currency":"€€€"}}',
    'margin -1': '{"settings":{"margin":-1}}',
    'clv horizon 1e15': '{"settings":{"clv_horizon_days":1e15}}',
    'retention 0.5': '{"settings":{"retention_days":0.5}}',
    'unknown key': '{"setings":{}}',
    'aliases not strings': '{"channels":{"aliases":{"a":5}}}',
    'deep config': `{"benchmarks":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    'benchmarks bad': '{"benchmarks":{"metrics":{"aov":{"target":"high"}}}}',
  };
  for (const [name, text] of Object.entries(configs)) {
    add({ name: `config ${name}`, category: 'config', args: ['report', '--orders', 'orders.csv', '--config', 'cb.json'], files: { 'orders.csv': base, 'cb.json': text }, names: ['cb.json'] });
  }

  // Flags.
  const flagCases: [string, string[], string][] = [
    ['--clv-horizon-days 1e15', ['--clv-horizon-days', '1e15'], '--clv-horizon-days'],
    ['--retention-days -3', ['--retention-days=-3'], '--retention-days'],
    ['--margin abc', ['--margin', 'abc'], '--margin'],
    ['--confidence 2', ['--confidence', '2'], '--confidence'],
    ['--currency €€€', ['--currency', '€€€'], '--currency'],
    ['--from 0001-01-01 --to 9999-12-31 --period day', ['--from', '0001-01-01', '--to', '9999-12-31', '--period', 'day'], '--period'],
    ['--last 0d', ['--last', '0d'], '--last'],
    ['--from after --to', ['--from', '2024-03-01', '--to', '2024-01-01'], '--from'],
    ['--output into a missing folder', ['--output', 'missing/out.csv'], '--output'],
    ['--output at a folder', ['--output', '.'], '--output'],
    ["--output ''", ['--output', ''], '--output'],
    ['--map to nothing', ['--map', 'channel=Nope'], 'Nope'],
    ['--date-format nonsense', ['--date-format', 'QQQ'], '--date-format'],
  ];
  for (const [name, extra, flag] of flagCases) add({ name: `flag ${name}`, category: 'flags', args: ['report', '--orders', 'orders.csv', ...extra], files: { 'orders.csv': base }, names: [flag] });
  add({ name: '--data with nothing usable', category: 'flags', args: ['report', '--data', 'in'], files: { 'in/orders.xlsx': 'PK', 'in/notes.txt': 'hi' }, names: ['--data in'] });

  // Formula payloads, through every command and csv/tsv, from csv and json inputs, aliases and spend-only channels.
  const payloadOrders = ['order_id,customer_id,date,channel,revenue', ...FORMULA_PAYLOADS.map((p, i) => `o${i},c${i % 3},${day(i)},${quoteCsv(p)},${10 + i}`), `o9,c1,${day(9)},=alias,-5`].join('\n') + '\n';
  const payloadSpend = ['date,channel,spend', `${day(1)},${quoteCsv('=2+2')},5`, `${day(2)},${quoteCsv('@cmd')},-1`].join('\n') + '\n';
  const payloadJson = json(FORMULA_PAYLOADS.map((p, i) => ({ order_id: `j${i}`, customer_id: `c${i}`, date: day(i), channel: p, revenue: 5 + i })));
  const config = json({ channels: { aliases: { '=alias': '+aliased' } } });
  for (const command of ['report', 'crosschannel', 'cohorts']) {
    for (const format of ['csv', 'tsv']) {
      add({
        name: `formula payloads ${command} ${format}`,
        category: 'formula',
        args: [command, '--orders', 'orders.csv', ...(command === 'report' ? ['--spend', 'spend.csv'] : []), '--config', 'cb.json', '--format', format],
        files: { 'orders.csv': payloadOrders, 'spend.csv': payloadSpend, 'cb.json': config },
        names: ['orders.csv'],
        formulaCheck: true,
      });
    }
    add({ name: `formula payloads ${command} from json`, category: 'formula', args: [command, '--orders', 'orders.json', '--format', 'csv'], files: { 'orders.json': payloadJson }, names: ['orders.json'], formulaCheck: true });
  }
  add({ name: 'formula payloads report long', category: 'formula', args: ['report', '--orders', 'orders.csv', '--format', 'csv', '--shape', 'long', '--period', 'week'], files: { 'orders.csv': payloadOrders }, names: ['orders.csv'], formulaCheck: true });
  return cases;
}

/** Writes a case's files into `dir` (its own folder), creating sub-folders. */
export function writeCase(dir: string, c: CorpusCase): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(c.files)) {
    const p = path.join(dir, name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

export interface CaseOutcome {
  c: CorpusCase;
  code: number | null;
  stdout: string;
  stderr: string;
  /** The --output file's text on success, null when none was written. */
  output: string | null;
  /** Files left in the case folder that the case did not bring (besides the --output file). */
  leftovers: string[];
}
