import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { inputBytes, openInput, readSize } from './source.js';

const MB = 1 << 20;

describe('readSize: a file in equal reads of at most 1 MB', () => {
  it('small files in one read, 1.7 MB in two equal ones, an unknown size in 1 MB reads', () => {
    expect(readSize(100)).toBe(100);
    expect(readSize(MB)).toBe(MB);
    expect(readSize(1_734_638)).toBe(867_319); // 2 reads of 867,319 bytes (1,734,638 / 2)
    expect(readSize(0)).toBe(MB);
    expect(readSize(Number.NaN)).toBe(MB);
  });

  it('as few reads as 1 MB reads, none over 1 MB, the last one short by less than one byte a read', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), (size) => {
        const r = readSize(size);
        const reads = Math.ceil(size / r);
        expect(r).toBeLessThanOrEqual(MB);
        expect(reads).toBe(Math.ceil(size / MB));
        expect(reads * r - size).toBeLessThan(reads);
      }),
    );
  });
});

describe('openInput', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'channelbench-source-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const all = async (stream: AsyncIterable<Buffer>): Promise<Buffer[]> => {
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c);
    return chunks;
  };

  it('reads a 4.5 MB file in five equal chunks, every byte once', async () => {
    const file = path.join(dir, 'big.csv');
    const bytes = Buffer.alloc(4.5 * MB, 'a,b\n');
    writeFileSync(file, bytes);
    const opened = await openInput(file);
    const chunks = await all(opened.stream);
    expect(chunks.map((c) => c.length)).toEqual([943_719, 943_719, 943_719, 943_719, 943_716]); // ⌈4,718,592 / 5⌉ = 943,719
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(opened.bytesRead()).toBe(bytes.length);
  });

  it('reads a file of up to 1 MB in one piece', async () => {
    const file = path.join(dir, 'one.csv');
    const bytes = Buffer.alloc(MB, 'a,b\n');
    writeFileSync(file, bytes);
    const opened = await openInput(file);
    const chunks = await all(opened.stream);
    expect(chunks.map((c) => c.length)).toEqual([MB]);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(opened.bytesRead()).toBe(bytes.length);
    writeFileSync(file, '');
    expect(await all((await openInput(file)).stream)).toEqual([]);
  });

  const openFiles = (): number => readdirSync('/proc/self/fd').length;

  it('closes the file when the reader stops early, and when it reads to the end', async () => {
    const file = path.join(dir, 'early.csv');
    writeFileSync(file, Buffer.alloc(3 * MB, 'a,b\n'));
    const before = openFiles();
    const opened = await openInput(file);
    const it = opened.stream[Symbol.asyncIterator]();
    expect((await it.next()).value).toHaveLength(MB);
    expect(openFiles()).toBe(before + 1);
    await it.return?.();
    expect(openFiles()).toBe(before);
    await all((await openInput(file)).stream);
    expect(openFiles()).toBe(before);
  });

  it('reads a gzip file and a pipe (a FIFO streams) as their bytes', async () => {
    const text = Buffer.from('order_id,date,revenue\n'.repeat(100_000)); // 2.2 MB
    const gz = path.join(dir, 'orders.csv.gz');
    writeFileSync(gz, gzipSync(text));
    const opened = await openInput(gz);
    expect(opened.gzip).toBe(true);
    expect(Buffer.concat(await all(opened.stream)).equals(text)).toBe(true);
    const fifo = path.join(dir, 'fifo.csv');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `cat "${gz}" > "${fifo}"`]);
    const piped = await openInput(fifo);
    expect(Buffer.concat(await all(piped.stream)).equals(text)).toBe(true);
    writer.kill();
  });

  it('takes text chunks (a stream of strings) as their UTF-8 bytes', async () => {
    const opened = await openInput('-', Readable.from(['a,é\n', '1,2\n']));
    expect(Buffer.concat(await all(opened.stream)).toString('utf8')).toBe('a,é\n1,2\n');
  });
});

describe('inputBytes: what a file holds once decompressed', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cb-bytes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a plain file: its size; a gzip file: the size in its trailer; a missing one: undefined', () => {
    const text = Buffer.from('order_id,date,revenue\n'.repeat(5000)); // 110,000 bytes
    writeFileSync(path.join(dir, 'plain.csv'), text);
    writeFileSync(path.join(dir, 'zipped.csv.gz'), gzipSync(text));
    writeFileSync(path.join(dir, 'tiny.csv'), 'a\n');
    expect(inputBytes(path.join(dir, 'plain.csv'))).toBe(110_000);
    expect(inputBytes(path.join(dir, 'zipped.csv.gz'))).toBe(110_000);
    expect(inputBytes(path.join(dir, 'tiny.csv'))).toBe(2);
    expect(inputBytes(path.join(dir, 'missing.csv'))).toBeUndefined();
  });
});
