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

describe('readSize: a file in equal reads of at most 64 KB (up to 8 MB) or 1 MB', () => {
  const KB = 1024;
  it('small files in one read, 1.7 MB in 27 equal ones, 9 MB in 1 MB reads, an unknown size in 1 MB reads', () => {
    expect(readSize(100)).toBe(100);
    expect(readSize(64 * KB)).toBe(64 * KB);
    expect(readSize(MB)).toBe(64 * KB);
    expect(readSize(1_734_638)).toBe(64_246); // ⌈1,734,638 / 65,536⌉ = 27 reads of ⌈1,734,638 / 27⌉ = 64,246 bytes
    expect(readSize(8 * MB)).toBe(64 * KB);
    expect(readSize(9 * MB)).toBe(MB);
    expect(readSize(0)).toBe(MB);
    expect(readSize(Number.NaN)).toBe(MB);
  });

  it('as few reads as reads of the most, none larger, the last one short by less than one byte a read', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), (size) => {
        const most = size <= 8 * MB ? 64 * KB : MB;
        const r = readSize(size);
        const reads = Math.ceil(size / r);
        expect(r).toBeLessThanOrEqual(most);
        expect(reads).toBe(Math.ceil(size / most));
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

  it('reads a 9.5 MB file in ten equal chunks, every byte once', async () => {
    const file = path.join(dir, 'big.csv');
    const bytes = Buffer.alloc(9.5 * MB, 'a,b\n');
    writeFileSync(file, bytes);
    const opened = await openInput(file);
    const chunks = await all(opened.stream);
    expect(chunks.map((c) => c.length)).toEqual([...Array(9).fill(996_148), 996_140]); // ⌈9,961,472 / 10⌉ = 996,148; the last 9,961,472 − 9 × 996,148
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(opened.bytesRead()).toBe(bytes.length);
  });

  it('reads a file of up to 64 KB in one piece, 1 MB in 16', async () => {
    const file = path.join(dir, 'one.csv');
    const bytes = Buffer.alloc(MB, 'a,b\n');
    writeFileSync(file, bytes);
    const opened = await openInput(file);
    const chunks = await all(opened.stream);
    expect(chunks.map((c) => c.length)).toEqual(Array(16).fill(64 * 1024));
    writeFileSync(file, bytes.subarray(0, 64 * 1024));
    expect((await all((await openInput(file)).stream)).map((c) => c.length)).toEqual([64 * 1024]);
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
    expect((await it.next()).value).toHaveLength(64 * 1024);
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
