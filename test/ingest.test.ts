/**
 * Reading real-world export shapes (SPEC §1), in process: each case asserts the
 * exact orders / rows the Dataset ends up with.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../src/errors.js';
import type { InputFlags } from '../src/pipeline/inputs.js';
import { loadRun } from '../src/pipeline/load-run.js';
import { orderList, type Role } from '../src/model.js';
import { inputFlags } from './helpers/input-flags.js';
import { ROOT, fixture } from './helpers/run-cli.js';

const flags = inputFlags;

async function load(file: string, extra: Partial<InputFlags> = {}, role: Role = 'orders', stdin?: string) {
  const path = file === '-' ? '-' : fixture('ingest', file);
  return loadRun(flags({ [role]: path }, extra), {
    cwd: ROOT,
    require: [],
    invalidRows: extra.skipInvalid ? 'skip' : 'fail',
    ...(stdin !== undefined ? { stdin: Readable.from([Buffer.from(stdin)]) } : {}),
  });
}

const utc = (iso: string): number => Date.parse(iso);
const values = (r: Awaited<ReturnType<typeof load>>): number[] => orderList(r.dataset.orders).map((o) => o.value);
const ids = (r: Awaited<ReturnType<typeof load>>): string[] => orderList(r.dataset.orders).map((o) => o.orderId);

describe('delimiters, encodings, quoting', () => {
  it('reads ; with decimal commas and dd/MM/yyyy dates', async () => {
    const r = await load('semicolon-decimal-comma.csv');
    expect(r.files[0]!.delimiter).toBe(';');
    expect(values(r)).toEqual([1234.5, 12, 7.5]);
    expect(orderList(r.dataset.orders).map((o) => o.time)).toEqual([utc('2024-01-31T00:00Z'), utc('2024-02-01T00:00Z'), utc('2024-02-15T00:00Z')]);
  });
  it('reads tab-delimited .tsv', async () => {
    const r = await load('tab.tsv');
    expect(r.files[0]!.delimiter).toBe('tab');
    expect(values(r)).toEqual([10.5, 20]);
  });
  it('reads |-delimited .txt', async () => {
    const r = await load('pipe.txt');
    expect(r.files[0]!.delimiter).toBe('|');
    expect(ids(r)).toEqual(['P1', 'P2']);
  });
  it('strips a UTF-8 BOM and reads CRLF lines', async () => {
    const r = await load('bom-crlf.csv');
    expect(r.files[0]!.bom).toBe(true);
    expect(r.files[0]!.mapping.fields.order_id?.column).toBe('order_id');
    expect(ids(r)).toEqual(['B1', 'B2']);
    expect(values(r)).toEqual([10.5, 20]);
  });
  it('reads quoted fields with delimiters, quotes and newlines', async () => {
    const r = await load('quoted.csv');
    expect(ids(r)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(values(r)).toEqual([10, 20, 30, 40]);
  });
  it('numbers rows by the line they start on, after a quoted newline', async () => {
    // header = line 1, Q1 = 2, Q2 = 3, Q3 = lines 4–5 (quoted newline), Q4 = 6
    const err = (await load('quoted.csv', { maps: ['revenue=note'] }).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('quoted.csv:4: column "note": cannot read "a note\nover two lines" as a number');
    expect(err.message).toContain('quoted.csv:6: column "note": cannot read "plain" as a number');
  });
});

describe('numbers', () => {
  it('reads 1234.5, 1,234.50, $1,234.50, (12.50) and $ 99', async () => {
    expect(values(await load('number-styles.csv'))).toEqual([1234.5, 1234.5, 1234.5, -12.5, 99]);
  });
  it('reads 1 234,50, € 12,50 and (12,50) with a detected decimal comma', async () => {
    const r = await load('number-styles-comma.csv');
    expect(values(r)).toEqual([1234.5, 12.5, -12.5]);
    expect(r.files[0]!.styles.find((s) => s.field === 'revenue')!.style).toBe('decimal comma');
  });
  it('refuses to guess 1,234 with no other evidence, naming --decimal-comma', async () => {
    const err = await load('ambiguous-amounts.csv').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toContain('column "revenue": values like "1,234" could be thousands or decimals');
    expect((err as InputError).hint).toContain('--decimal-comma');
    expect((err as InputError).hint).toContain('--no-decimal-comma');
  });
  it('reads 1,234 as thousands with --no-decimal-comma and as decimals with --decimal-comma', async () => {
    expect(values(await load('ambiguous-amounts.csv', { decimalComma: false }))).toEqual([1234, 2500, 100]);
    expect(values(await load('ambiguous-amounts.csv', { decimalComma: true }))).toEqual([1.234, 2.5, 100]);
  });
  it('settles early ambiguous values once a later value decides the column', async () => {
    // "1,234" (ambiguous) then "12,50" (comma) → the first is 1.234
    const r = await load('-', { formatIn: { '*': 'csv' } }, 'orders', 'order_id,date,revenue\nA,2024-01-01,"1,234"\nB,2024-01-02,"12,50"\n');
    expect(values(r)).toEqual([1.234, 12.5]);
  });
});

describe('dates', () => {
  it('resolves slash dates day-first when a day above 12 appears later', async () => {
    const r = await load('slash-dates-dmy.csv');
    expect(orderList(r.dataset.orders).map((o) => o.time)).toEqual([utc('2024-06-05T00:00Z'), utc('2024-06-25T00:00Z'), utc('2024-02-01T14:30Z')]);
  });
  it('resolves slash dates month-first (and two-digit years, times) when a month slot exceeds 12', async () => {
    const r = await load('slash-dates-mdy.csv');
    expect(orderList(r.dataset.orders).map((o) => o.time)).toEqual([utc('2024-06-05T00:00Z'), utc('2024-06-25T00:00Z'), utc('2024-02-01T09:05Z')]);
  });
  it('refuses ambiguous slash dates, naming --date-format', async () => {
    const err = await load('ambiguous-dates.csv').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toContain('dates like "05/06/2024" read both as day/month and month/day');
    expect((err as InputError).hint).toContain('--date-format dd/MM/yyyy');
  });
  it('reads them with --date-format', async () => {
    const r = await load('ambiguous-dates.csv', { dateFormat: { '*': 'dd/MM/yyyy' } });
    expect(orderList(r.dataset.orders)[0]!.time).toBe(utc('2024-06-05T00:00Z'));
    const m = await load('ambiguous-dates.csv', { dateFormat: { orders: 'MM/dd/yyyy' } });
    expect(orderList(m.dataset.orders)[0]!.time).toBe(utc('2024-05-06T00:00Z'));
  });
  it('converts ISO offsets to UTC and reads times without offset as UTC', async () => {
    const r = await load('iso-offsets.csv');
    expect(orderList(r.dataset.orders).map((o) => o.time)).toEqual([
      utc('2024-01-01T21:30:00Z'),
      utc('2024-01-01T23:30:00Z'),
      utc('2024-01-02T06:00:00Z'),
      utc('2024-01-03T08:15:00Z'),
      utc('2024-01-04T00:00:00Z'),
    ]);
  });
  it('reads compact yyyyMMdd dates', async () => {
    const r = await load('compact-dates.csv');
    expect(orderList(r.dataset.orders).map((o) => o.time)).toEqual([utc('2024-01-05T00:00Z'), utc('2024-01-06T00:00Z')]);
  });
  it('rejects a --date-format without year, month and day as a usage error', async () => {
    await expect(load('compact-dates.csv', { dateFormat: { '*': 'HH:mm' } })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('line items, cancellations, channels', () => {
  const withAliases = { configFile: fixture('ingest', 'line-items.config.json') };
  it('merges lines by order id; continuation lines carry no value; cancelled orders drop all their lines', async () => {
    const r = await load('line-items.csv', withAliases);
    // 1001: 25.00 on the first line, the second line is a continuation (empty Total)
    // 1002: 40.00 ("Online Store" → web by alias)
    // 1003: Cancelled → both of its lines excluded
    // 1004: 8.00 + 2.00 = 10.00 (" WEB " is web)
    expect(ids(r)).toEqual(['1001', '1002', '1004']);
    expect(values(r)).toEqual([25, 40, 10]);
    expect(r.files[0]!.counts.cancelledRows).toBe(2);
    expect(r.files[0]!.counts.continuationLines).toBe(1);
    expect(r.dataset.channels).toEqual(['web']);
  });
  it('line-item merge equals the pre-merged export', async () => {
    const merged = await load('line-items.csv', withAliases);
    const pre = await load('premerged.csv', withAliases);
    expect(orderList(merged.dataset.orders)).toEqual(orderList(pre.dataset.orders));
  });
  it('computes revenue = quantity × unit_price when there is no revenue column', async () => {
    const r = await load('qty-price.csv', { presets: ['online-retail'] });
    // 536365: 6 × 2.55 + 8 × 2.75 = 15.30 + 22.00 = 37.30; C536379: −1 × 27.50 (a return)
    expect(values(r)).toEqual([37.3, -27.5]);
    expect(r.files[0]!.mapping.revenueFromLineItems).toBe(true);
  });
  it('treats a custom cancelled_statuses list case-insensitively', async () => {
    const r = await load('line-items.csv', { configFile: fixture('ingest', 'cancel-paid.config.json') });
    expect(ids(r)).toEqual(['1003']);
  });
});

describe('JSON, NDJSON, gzip, stdin', () => {
  it('reads an object with one array property; string values parse like CSV cells', async () => {
    const r = await load('wrapped.json');
    expect(values(r)).toEqual([10.5, 20]);
  });
  it('reads a plain array', async () => {
    expect(ids(await load('array.json'))).toEqual(['J1', 'J2']);
  });
  it('reads NDJSON (.ndjson and .jsonl), skipping blank lines', async () => {
    expect(ids(await load('orders.ndjson'))).toEqual(['L1', 'L2']);
    expect(ids(await load('orders.jsonl'))).toEqual(['L1', 'L2']);
  });
  it('reads gzip-compressed files', async () => {
    const r = await load('orders.csv.gz');
    expect(r.files[0]!.gzip).toBe(true);
    expect(ids(r)).toEqual(['G1', 'G2']);
  });
  it('reads stdin, sniffing NDJSON without --format-in', async () => {
    const r = await load('-', {}, 'orders', '{"order_id":"S1","date":"2024-01-01","revenue":5}\n{"order_id":"S2","date":"2024-01-02","revenue":6}\n');
    expect(r.files[0]!.format).toBe('ndjson');
    expect(values(r)).toEqual([5, 6]);
  });
});

describe('presets', () => {
  it('shopify-orders: continuation lines, Cancelled at, offsets', async () => {
    const r = await load('shopify.csv', { presets: ['shopify-orders'] });
    expect(ids(r)).toEqual(['#1001', '#1002', '#1004']);
    expect(values(r)).toEqual([50, 22, 60]);
    expect(orderList(r.dataset.orders)[0]!.time).toBe(utc('2024-01-15T15:23:45Z'));
    expect(r.files[0]!.counts.cancelledRows).toBe(2);
    expect(r.dataset.channels).toEqual(['web', 'pos']);
  });
  it('online-retail: CustomerID 17850.0 is customer 17850', async () => {
    const r = await load('qty-price.csv', { presets: ['online-retail'] });
    expect(r.dataset.customerCount).toBe(2);
  });
  it('cdnow: whitespace-separated master file with a header', async () => {
    const r = await load('cdnow-master.txt', { presets: ['cdnow'] });
    expect(values(r)).toEqual([11.77, 12, 77, 20.76]);
    expect(r.dataset.customerCount).toBe(3);
    expect(orderList(r.dataset.orders)[0]!.time).toBe(utc('1997-01-01T00:00Z'));
  });
  it('cdnow: the headerless 5-column sample file', async () => {
    const r = await load('cdnow-sample.txt', { presets: ['cdnow'] });
    expect(values(r)).toEqual([29.33, 29.73, 14.96]);
    expect(r.dataset.customerCount).toBe(2);
  });
  it('ga4-traffic: skips the # comment header, reads yyyyMMdd dates', async () => {
    const r = await load('ga4.csv', { presets: ['ga4-traffic'] }, 'traffic');
    expect(r.files[0]!.commentLines).toBe(7);
    expect(r.dataset.traffic!.map((t) => t.sessions)).toEqual([120, 45, 130, 50]);
    expect(r.dataset.channels).toEqual(['Organic Search', 'Direct']);
    expect(r.dataset.traffic![2]!.time).toBe(utc('2024-01-02T00:00Z'));
  });
  it('an unknown preset is a usage error listing the known ones', async () => {
    const err = await load('ga4.csv', { presets: ['ga5'] }, 'traffic').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).hint).toContain('shopify-orders, online-retail, cdnow, ga4-traffic');
  });
});

describe('column mapping precedence', () => {
  it('--map beats synonyms', async () => {
    const r = await load('quoted.csv', { maps: ['customer_id=order_id'] });
    expect(r.files[0]!.mapping.fields.customer_id).toMatchObject({ column: 'order_id', source: 'flag' });
  });
  it('config columns beat presets, --map beats config', async () => {
    const r = await load('shopify.csv', { presets: ['shopify-orders'], configFile: fixture('ingest', 'shopify-columns.config.json') });
    expect(r.files[0]!.mapping.fields.revenue).toMatchObject({ column: 'Subtotal', source: 'config' });
    const f = await load('shopify.csv', { presets: ['shopify-orders'], configFile: fixture('ingest', 'shopify-columns.config.json'), maps: ['orders.revenue=Total'] });
    expect(f.files[0]!.mapping.fields.revenue).toMatchObject({ column: 'Total', source: 'flag' });
  });
  it('a --map to a column no file has is an error, not ignored', async () => {
    await expect(load('quoted.csv', { maps: ['channel=Country'] })).rejects.toThrow(/--map channel=Country: no input file has a column "Country"/);
  });
  it('--set gives a field a fixed value', async () => {
    const r = await load('quoted.csv', { sets: ['orders.channel=web'] });
    expect(r.dataset.channels).toEqual(['web']);
  });
});
