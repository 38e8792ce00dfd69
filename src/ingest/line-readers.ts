/**
 * Readers that go line by line: NDJSON (one object a line), JSON (an array, or
 * an object with one array property), and the line splitter the
 * whitespace-separated reader (readers.ts) uses.
 */
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../errors.js';
import { MAX_RECORD_BYTES } from './fast-csv.js';
import { checkJsonDepth, jsonTooLarge, MAX_JSON_BYTES } from './limits.js';
import type { InputFormat } from '../model/input-report.js';
import type { RawCell, RawRow, RawTable } from './readers.js';

/** Rows per batch a reader yields. */
export const BATCH = 2048;

/** Splits a byte stream into text lines (LF or CRLF), numbering from 1. */
export async function* linesOf(stream: AsyncIterable<Buffer>, name: string): AsyncGenerator<{ line: number; text: string }> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 0;
  for await (const chunk of stream) {
    const text = carry + decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      line++;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { line, text: text.slice(start, end) };
      start = nl + 1;
    }
    carry = text.slice(start);
    if (carry.length > MAX_RECORD_BYTES) {
      throw new InputError('INPUT_LINE_TOO_LONG', `${name}:${line + 1}: a line is longer than ${MAX_RECORD_BYTES / 1048576} MB`);
    }
  }
  carry += decoder.end();
  if (carry.length) {
    line++;
    yield { line, text: carry.replace(/\r$/, '') };
  }
}

/** NDJSON: one object per line; blank lines are skipped. */
export async function readNdjson(stream: AsyncIterable<Buffer>, name: string): Promise<RawTable> {
  const lines = linesOf(stream, name);
  const objects = async function* (): AsyncGenerator<{ line: number; obj: Record<string, unknown> }> {
    for (;;) {
      const n = await lines.next();
      if (n.done) return;
      const text = n.value.line === 1 ? n.value.text.replace(/^\uFEFF/, '') : n.value.text;
      if (text.trim() === '') continue;
      let obj: unknown;
      try {
        obj = JSON.parse(text);
      } catch (err) {
        throw new InputError('INPUT_MALFORMED_JSON', `${name}:${n.value.line}: not a JSON object (${(err as Error).message})`);
      }
      if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
        throw new InputError('INPUT_MALFORMED_JSON', `${name}:${n.value.line}: each line must be a JSON object`);
      }
      yield { line: n.value.line, obj: obj as Record<string, unknown> };
    }
  };
  return objectsToTable(objects(), 'ndjson', name);
}

/** JSON: an array of objects, or an object with exactly one array-valued property. Read whole. */
export async function readJson(stream: AsyncIterable<Buffer>, name: string): Promise<RawTable> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    if (size === 0 && !startsLikeJson(c)) throw new InputError('INPUT_MALFORMED_JSON', `${name}: not valid JSON (it does not start with [ or {)`);
    size += c.length;
    if (size > MAX_JSON_BYTES) throw jsonTooLarge(name);
    chunks.push(c);
  }
  const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError('INPUT_MALFORMED_JSON', `${name}: not valid JSON (${(err as Error).message})`);
  }
  let arr: unknown[];
  if (Array.isArray(doc)) arr = doc;
  else if (doc !== null && typeof doc === 'object') {
    const arrays = Object.entries(doc).filter(([, v]) => Array.isArray(v));
    if (arrays.length !== 1) {
      throw new InputError(
        'INPUT_JSON_SHAPE',
        `${name}: expected an array of objects, or an object with exactly one array property (found ${arrays.length}: ${arrays.map(([k]) => k).join(', ') || 'none'})`,
      );
    }
    arr = arrays[0]![1] as unknown[];
  } else {
    throw new InputError('INPUT_JSON_SHAPE', `${name}: expected an array of objects`);
  }
  const objects = async function* (): AsyncGenerator<{ line: number; obj: Record<string, unknown> }> {
    for (let i = 0; i < arr.length; i++) {
      const o = arr[i];
      if (o === null || typeof o !== 'object' || Array.isArray(o)) {
        throw new InputError('INPUT_JSON_SHAPE', `${name}: element ${i + 1} is not an object`);
      }
      yield { line: i + 1, obj: o as Record<string, unknown> };
    }
  };
  return objectsToTable(objects(), 'json', name);
}

/** Objects → header (keys of the first object, then new keys as they appear) + rows. */
async function objectsToTable(
  objects: AsyncGenerator<{ line: number; obj: Record<string, unknown> }>,
  format: InputFormat,
  name: string,
): Promise<RawTable> {
  const first = await objects.next();
  if (first.done) throw new InputError('INPUT_EMPTY', `${name}: no records found`);
  const header = Object.keys(first.value.obj);
  const toRow = (line: number, obj: Record<string, unknown>): RawRow => {
    const cells: RawCell[] = new Array<RawCell>(header.length);
    for (let i = 0; i < header.length; i++) {
      const v = obj[header[i]!];
      if (v !== null && typeof v === 'object') checkJsonDepth(v, name, `${format === 'json' ? 'element' : 'line'} ${line}`, header[i]!);
      cells[i] = toCell(v);
    }
    return { line, cells };
  };
  async function* rows(): AsyncGenerator<RawRow[]> {
    let batch: RawRow[] = [toRow(first.value!.line, first.value!.obj)];
    for (;;) {
      const n = await objects.next();
      if (n.done) break;
      batch.push(toRow(n.value.line, n.value.obj));
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
  return { header, rows: rows(), format, delimiter: null, skippedPreamble: 0, hadBom: false };
}

/** Whether a first chunk starts (after a BOM and white space) with `[` or `{`, or is all white space. */
function startsLikeJson(c: Buffer): boolean {
  let i = c.length >= 3 && c[0] === 0xef && c[1] === 0xbb && c[2] === 0xbf ? 3 : 0;
  while (i < c.length && (c[i] === 0x20 || c[i] === 0x09 || c[i] === 0x0a || c[i] === 0x0d)) i++;
  return i === c.length || c[i] === 0x5b || c[i] === 0x7b;
}

function toCell(v: unknown): RawCell {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}
