/**
 * Reads every input of a run into one Dataset: open → sniff → read → map →
 * decode → build, file by file, streaming. Returns per-file reports for
 * `validate` and the JSON report's input statistics.
 */
import { InvalidRowsError, InputError } from '../errors.js';
import type { Dataset, Field, Role } from '../model.js';
import { mapColumns, type ColumnRequest } from './columns.js';
import { DatasetBuilder, newFileCounts, type FileCounts } from './dataset-builder.js';
import { ProblemLog, RowDecoder, type Row } from './decode.js';
import { fastPathFits } from './fast-orders/byte-lines-reader.js';
import { readLines, rechunk, type ReadOrdersSpec } from './fast-orders/read-orders.js';
import { RowsReader } from './fast-orders/rows-reader.js';
import { readOrdersInThread, readOrdersInWorker, useOrdersWorker } from './fast-orders/thread-or-worker.js';
import type { DecimalStyle } from './parse-amount.js';
import type { Preset } from './presets/preset.js';
import type { CurrencyConverter } from './currency.js';
import { splitSourceMedium, type ChannelGrouper, type GroupingLog } from './channel-grouping.js';
import { readDelimited, readJson, readNdjson, type RawTable } from './readers.js';
import { delimiterName, formatFromExtension, sniffFormat, type Delimiter, type InputFormat } from './sniff.js';
import { displayName, formatExtension, openInput, SMALL_FILE_BYTES, STDIN } from './source.js';
import type { FileReport, ReadProgress } from '../model/input-report.js';

export type { ColumnStyle, FileReport, ReadProgress } from '../model/input-report.js';

export interface InputSpec {
  role: Role;
  /** The path as the user wrote it (messages name it so), or `-` for stdin. */
  path: string;
  /** Where to open it: `path` resolved against the run's folder (the library's `cwd`), or `-`. */
  file: string;
  formatIn: InputFormat | undefined;
  delimiter: Delimiter | undefined;
  preset: Preset | undefined;
  flags: Partial<Record<Field, ColumnRequest>>;
  config: Partial<Record<Field, string>>;
  constants: Partial<Record<Field, string>>;
  dateFormat: string | undefined;
  decimalStyle: DecimalStyle | undefined;
}

/** What to do with invalid rows: stop (exit 3), skip and count, or just collect (validate). */
export type InvalidRowPolicy = 'fail' | 'skip' | 'collect';


export interface LoadOptions {
  invalidRows: InvalidRowPolicy;
  progress?: ((p: ReadProgress) => void) | undefined;
  aliases: Record<string, string>;
  cancelledStatuses: string[];
  /** --channel-grouping: derives each row's channel from its source / medium / campaign and logs the pairs. */
  grouping?: { grouper: ChannelGrouper; log: GroupingLog } | undefined;
  /** Converts amounts (orders, spend) into the report currency; absent: amounts are used as read. */
  currency?: CurrencyConverter | undefined;
  /** Reporting time zone: date cells without an offset are its wall time (default UTC). */
  timeZone?: string | undefined;
  stdin?: NodeJS.ReadableStream;
  /** false: every row through the row decoder, not the byte path (tests compare the two; default true). */
  fastPath?: boolean;
  /** Orders files at least this large are read on two threads (fast-orders/thread-or-worker.ts; default 16 MB). */
  workerMinBytes?: number;
  /** Tests: the fast path's input re-cut into chunks of this many bytes (boundaries anywhere). */
  chunkBytes?: number | undefined;
}


export interface LoadResult {
  dataset: Dataset;
  files: FileReport[];
}

export async function loadInputs(specs: InputSpec[], opts: LoadOptions): Promise<LoadResult> {
  const builder = new DatasetBuilder({ aliases: opts.aliases, cancelledStatuses: opts.cancelledStatuses });
  const files: FileReport[] = [];
  for (const spec of specs) files.push(await loadFile(spec, builder, opts));
  return { dataset: builder.build(), files };
}

async function loadFile(spec: InputSpec, builder: DatasetBuilder, opts: LoadOptions): Promise<FileReport> {
  const name = displayName(spec.path);
  const opened = await openInput(spec.file, opts.stdin, spec.path);
  let format = spec.formatIn ?? (spec.preset?.delimiter ? 'csv' : formatFromExtension(formatExtension(spec.path)));
  let stream = opened.stream;
  if (format === null) {
    if (spec.path !== STDIN) {
      throw new InputError('UNKNOWN_FORMAT', `${name}: unknown file type "${formatExtension(spec.path) || '(no extension)'}"`, {
        hint: 'name it .csv, .tsv, .txt, .json, .ndjson or .jsonl (optionally .gz), or pass --format-in csv|tsv|json|ndjson',
      });
    }
    const sniffed = await sniffStream(stream, name);
    format = sniffed.format;
    stream = sniffed.stream;
  }
  const table = await readTable(stream, format, spec, name);
  const mapping = mapColumns({
    role: spec.role,
    file: name,
    header: table.header,
    flags: spec.flags,
    config: spec.config,
    preset: spec.preset,
    constants: spec.constants,
    grouping: opts.grouping !== undefined,
  });
  const problems = new ProblemLog();
  const dec = new RowDecoder(
    spec.role,
    mapping,
    spec.preset,
    { file: name, decimalStyle: spec.decimalStyle, dateFormat: spec.dateFormat ?? spec.preset?.dateFormat, timeZone: opts.timeZone },
    table.header,
    problems,
  );
  const counts = newFileCounts();
  if (spec.role === 'orders') builder.beginOrders(mapping.fields.customer_id !== undefined);
  const ready: Row[] = [];
  const converter = opts.currency !== undefined && (spec.role === 'orders' || spec.role === 'spend') ? opts.currency : undefined;
  const f = mapping.fields;
  const grouping = opts.grouping !== undefined && (f.source || f.medium || f.campaign || f.source_medium) ? opts.grouping : undefined;
  const add = (rows: Row[]): void => {
    if (grouping) for (const row of rows) groupRow(row, grouping.grouper, grouping.log);
    if (converter) for (const row of rows) row.amount = converter.convert(row.amount, row.currency, row.time, name, row.line, counts.converted);
    switch (spec.role) {
      case 'orders':
        builder.addOrders(rows, dec, counts);
        break;
      case 'spend':
        builder.addSpend(rows, dec, counts);
        break;
      case 'traffic':
        builder.addTraffic(rows, dec, counts);
        break;
      case 'nps':
        builder.addNps(rows, dec, counts);
        break;
    }
  };
  /** Bytes and rows of the orders fast path, when it reads this file. */
  let worker: { bytes: number; rows: number } | null = null;
  const report = (done: boolean): void =>
    opts.progress?.({ file: name, bytesRead: worker?.bytes ?? opened.bytesRead(), totalBytes: opened.size, rows: worker?.rows ?? dec.stats.rowsRead, done });
  let styles: string[] | null = null;
  // The byte path (orders: fast-orders/orders-reader.ts; other roles: rows-reader.ts), when it fits this input: its delimiter.
  const fast = table.delimiter !== null && table.delimiter !== 'whitespace' && table.body && opts.fastPath !== false && fastPathFits(dec) ? table.delimiter : null;
  if (fast !== null && table.body && spec.role === 'orders') {
    const body = table.body;
    const size = sizeColumns(builder, counts, opened.size);
    const data: ReadOrdersSpec = {
      path: spec.file,
      offset: body.offset,
      firstLine: body.firstLine,
      delimiter: fast,
      header: table.header,
      mapping,
      preset: spec.preset?.name ?? null,
      file: name,
      decimalStyle: spec.decimalStyle,
      dateFormat: spec.dateFormat ?? spec.preset?.dateFormat,
      timeZone: opts.timeZone,
      chunkBytes: opts.chunkBytes,
    };
    const progress = {
      onBatch: (bytesRead: number, rows: number) => {
        worker = { bytes: bytesRead, rows };
        report(false);
        size(bytesRead);
      },
    };
    if (spec.path !== STDIN && useOrdersWorker(opened.size, opts.workerMinBytes)) {
      await body.close();
      styles = await readOrdersInWorker(data, dec, problems, builder, counts, progress);
    } else {
      styles = await readOrdersInThread(data, { chunks: body.chunks(), bytesRead: opened.bytesRead }, dec, problems, builder, counts, progress);
    }
  } else if (fast !== null && table.body) {
    // Spend, traffic and NPS rows from the bytes: the orders fast path's line reader, already warm.
    const reader = new RowsReader(dec, fast, name, add);
    const chunks = opts.chunkBytes === undefined ? table.body.chunks() : rechunk(table.body.chunks(), opts.chunkBytes);
    await readLines(chunks, reader, { firstLine: table.body.firstLine, file: name }, () => {
      reader.flush();
      report(false);
    });
  } else {
    for await (const batch of table.rows) {
      report(false);
      dec.push(batch, ready);
      if (ready.length) {
        add(ready);
        ready.length = 0;
      }
    }
    dec.finish(ready);
    add(ready);
  }
  report(true);
  counts.rowsRead = dec.stats.rowsRead;
  counts.invalidRows = dec.stats.invalidRows;
  counts.droppedRows = dec.stats.droppedByPreset;
  if (problems.total > 0 && opts.invalidRows === 'fail') throw new InvalidRowsError(problems.listed, problems.total);
  return {
    role: spec.role,
    file: name,
    format: table.format,
    gzip: opened.gzip,
    delimiter: table.delimiter === null ? null : delimiterName(table.delimiter),
    bom: table.hadBom,
    commentLines: table.skippedPreamble,
    preset: spec.preset?.name ?? null,
    mapping,
    styles: dec.numeric.map((n, i) => ({ field: n.field, column: n.decoder.column, style: styles?.[i] ?? n.decoder.describe() })),
    counts,
    problems: problems.listed,
  };
}

/**
 * After ~5% of a large orders file, sizes the order columns for the whole of
 * it, once (DatasetBuilder.expectOrders). Call with the bytes read so far.
 */
function sizeColumns(builder: DatasetBuilder, counts: FileCounts, fileSize: number | undefined): (bytesRead: number) => void {
  // Estimates at 5% and 50% of the file; the second only grows what the first made too small.
  // The bytes read run ahead of the lines built (read-ahead, batches in flight): ~4% at 5%
  // of a 70 MB file, hence the margins.
  let next = fileSize === undefined || fileSize <= SMALL_FILE_BYTES ? 0 : 1;
  // A small file: room for a line of every 24 bytes at once (columns are filled as they
  // are read, so room never used is never touched), not each growth step on the way.
  if (fileSize !== undefined && next === 0) builder.expectOrders(Math.ceil(fileSize / 24));
  return (bytesRead) => {
    if (next === 0 || bytesRead <= (fileSize! * next) / 20) return;
    const margin = next === 1 ? 1.05 : 1;
    next = next === 1 ? 10 : 0;
    builder.expectOrders(Math.ceil((((counts.orders + 1) * fileSize!) / bytesRead) * margin));
  };
}

function readTable(stream: AsyncIterable<Buffer>, format: InputFormat, spec: InputSpec, name: string): Promise<RawTable> {
  switch (format) {
    case 'json':
      return readJson(stream, name);
    case 'ndjson':
      return readNdjson(stream, name);
    case 'csv':
    case 'tsv':
      return readDelimited(stream, {
        name,
        delimiter: spec.delimiter ?? spec.preset?.delimiter,
        preferred: format === 'tsv' ? '\t' : ',',
        headerless: spec.preset?.headerless,
      });
  }
}

/** Peeks at a stream without an extension (stdin) to tell JSON, NDJSON and delimited text apart. */
async function sniffStream(stream: AsyncIterable<Buffer>, name: string): Promise<{ format: InputFormat; stream: AsyncIterable<Buffer> }> {
  const it = stream[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size < 4096) {
    const n = await it.next();
    if (n.done) break;
    head.push(n.value);
    size += n.value.length;
  }
  const format = sniffFormat(Buffer.concat(head).toString('utf8'), name);
  async function* replay(): AsyncGenerator<Buffer> {
    for (const h of head) yield h;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield n.value;
    }
  }
  return { format, stream: replay() };
}

/**
 * --channel-grouping on one row: a non-empty channel cell wins; otherwise the
 * channel comes from source / medium / campaign (a combined `source / medium`
 * cell fills whichever of the two is absent).
 */
function groupRow(row: Row, grouper: ChannelGrouper, log: GroupingLog): void {
  if (row.channel !== null) return;
  let source = row.source;
  let medium = row.medium;
  if (row.sourceMedium !== null) {
    const sm = splitSourceMedium(row.sourceMedium);
    source ??= sm.source;
    medium ??= sm.medium;
  }
  const c = grouper.classify({ source, medium, campaign: row.campaign });
  row.channel = c.channel;
  log.add(source, medium, c);
}
