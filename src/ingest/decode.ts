/**
 * Raw rows → typed rows of one role, using the column mapping and the
 * per-column decoders. Rows whose cells are pending (ambiguous until a later
 * value decides the column) are held back, in order, and released together.
 */
import { InputError, type RowProblem } from '../errors.js';
import type { Field, Role } from '../model.js';
import { DateColumn, EMPTY, INVALID, NumberColumn, OK, PENDING, isBlank, newCellResult, type ColumnDecoder } from './cells.js';
import type { ColumnMapping } from './columns.js';
import { roundOrderValue, type DecimalStyle } from './parse-amount.js';
import type { FieldValues, Preset } from './presets/preset.js';
import type { RawCell, RawRow } from './readers.js';

/** A typed row of any role; fields a role does not have stay NaN / null. */
export interface Row {
  line: number;
  /** Epoch ms UTC; NaN when empty. */
  time: number;
  /** revenue (orders), spend, sessions or score; NaN when empty. */
  amount: number;
  quantity: number;
  unitPrice: number;
  orderId: string | null;
  customerId: string | null;
  channel: string | null;
  status: string | null;
  /** ISO 4217 code of the amount (orders, spend), upper-cased; null when absent. */
  currency: string | null;
  /** Campaign fields (only read with --channel-grouping or an explicit mapping). */
  source: string | null;
  medium: string | null;
  campaign: string | null;
  sourceMedium: string | null;
  /** Cells still waiting for their column to decide. */
  pending: PendingCell[] | null;
}

type TextSlot = 'orderId' | 'customerId' | 'channel' | 'status' | 'currency' | 'source' | 'medium' | 'campaign' | 'sourceMedium';
const TEXT_SLOTS = new Set<string>(['orderId', 'customerId', 'channel', 'status', 'currency', 'source', 'medium', 'campaign', 'sourceMedium']);
const isTextSlot = (slot: string): slot is TextSlot => TEXT_SLOTS.has(slot);
/** Text slots the orders fast path does not read: a file with any of them goes through the row decoder. */
export const ROW_PATH_SLOTS = new Set<string>(['currency', 'source', 'medium', 'campaign', 'sourceMedium']);

type NumericSlot = 'time' | 'amount' | 'quantity' | 'unitPrice';

interface PendingCell {
  slot: NumericSlot;
  decoder: ColumnDecoder;
  value: number;
  alt: number;
}

/** The amount field of each role. */
export const AMOUNT_FIELD: Record<Role, Field> = { orders: 'revenue', spend: 'spend', traffic: 'sessions', nps: 'score' };

export interface DecodeOptions {
  file: string;
  decimalStyle: DecimalStyle | undefined;
  dateFormat: string | undefined;
  /** Reporting time zone: date cells without an offset are its wall time (default UTC). */
  timeZone?: string | undefined;
}

export interface NumericSpec {
  slot: NumericSlot;
  field: Field;
  index: number;
  constant: RawCell;
  decoder: ColumnDecoder;
}

export interface TextSpec {
  slot: TextSlot;
  field: Field;
  index: number;
  constant: RawCell;
}

export interface DecodeStats {
  rowsRead: number;
  invalidRows: number;
  droppedByPreset: number;
}

/**
 * Collects invalid-row problems: the first ones in file order in full, then
 * only a count. Problems can be found slightly out of line order (a batch is
 * decoded before the builder checks it; held-back rows are checked when
 * released), so the list keeps the lowest line numbers, not the first found.
 */
export class ProblemLog {
  readonly listed: RowProblem[] = [];
  total = 0;
  constructor(private readonly keep = 10) {}
  add(p: RowProblem): void {
    this.total++;
    const listed = this.listed;
    if (listed.length === this.keep && p.line >= listed[listed.length - 1]!.line) return;
    let i = listed.length;
    while (i > 0 && listed[i - 1]!.line > p.line) i--;
    listed.splice(i, 0, p);
    if (listed.length > this.keep) listed.pop();
  }
}

export class RowDecoder {
  readonly numeric: NumericSpec[] = [];
  readonly text: TextSpec[] = [];
  private readonly queue: Row[] = [];
  private readonly cell = newCellResult();
  readonly stats: DecodeStats = { rowsRead: 0, invalidRows: 0, droppedByPreset: 0 };
  private readonly extraIdx: Array<[string, number]> = [];

  constructor(
    readonly role: Role,
    readonly mapping: ColumnMapping,
    private readonly preset: Preset | undefined,
    private readonly opts: DecodeOptions,
    header: string[],
    private readonly problems: ProblemLog,
  ) {
    const add = (field: Field, slot: NumericSlot | TextSpec['slot']): void => {
      const m = mapping.fields[field];
      if (!m) {
        // A preset's adjust() may derive a text field the file has no column for (Shopify: status).
        if (preset?.adjust && (slot === 'status' || slot === 'channel' || slot === 'customerId' || slot === 'orderId')) {
          this.text.push({ slot, field, index: -1, constant: undefined });
        }
        return;
      }
      const constant = m.constant;
      const name = m.column ?? `${field} (--set)`;
      if (isTextSlot(slot)) {
        this.text.push({ slot, field, index: m.index, constant });
      } else {
        const decoder = slot === 'time' ? new DateColumn(name, opts.dateFormat, opts.timeZone) : new NumberColumn(name, opts.decimalStyle);
        this.numeric.push({ slot, field, index: m.index, constant, decoder });
      }
    };
    add('date', 'time');
    add(AMOUNT_FIELD[role], 'amount');
    if (role === 'orders') {
      add('quantity', 'quantity');
      add('unit_price', 'unitPrice');
      add('order_id', 'orderId');
      add('status', 'status');
    }
    add('customer_id', 'customerId');
    add('channel', 'channel');
    if (role === 'orders' || role === 'spend') add('currency', 'currency');
    add('source', 'source');
    add('medium', 'medium');
    add('campaign', 'campaign');
    add('source_medium', 'sourceMedium');
    for (const col of preset?.extraColumns ?? []) {
      const idx = header.findIndex((h) => h.trim().toLowerCase() === col.toLowerCase());
      this.extraIdx.push([col, idx]);
    }
  }

  /**
   * Whether the orders fast path (fast-orders/orders-reader.ts) may decode the
   * next row in place of `push`: no rows are held back (so file order is
   * kept), and no preset rewrites rows.
   */
  get fastPathOpen(): boolean {
    return this.queue.length === 0 && this.preset?.adjust === undefined;
  }

  /** Column name of a field, for messages. */
  columnOf(field: Field): string {
    const m = this.mapping.fields[field];
    return m?.column ?? (field === 'revenue' && this.mapping.revenueFromLineItems ? 'quantity × unit_price' : field);
  }

  /** Decodes a batch; typed rows ready for the builder are appended to `out` in file order. */
  push(batch: RawRow[], out: Row[]): void {
    for (const raw of batch) {
      this.stats.rowsRead++;
      const row = this.decodeRow(raw);
      if (row === null) continue;
      if (row.pending !== null || this.queue.length > 0) {
        this.queue.push(row);
        this.release(out);
      } else {
        out.push(row);
      }
    }
  }

  /** End of file: settles or fails the held-back rows. */
  finish(out: Row[]): void {
    if (this.queue.length === 0) return;
    for (const spec of this.numeric) {
      if (spec.decoder.undecided) {
        const a = spec.decoder.ambiguity();
        throw new InputError('AMBIGUOUS_COLUMN', `${this.opts.file}: column "${spec.decoder.column}": ${a.problem}`, { hint: a.hint });
      }
    }
    this.release(out);
  }

  private release(out: Row[]): void {
    for (const spec of this.numeric) if (spec.decoder.undecided) return;
    for (const row of this.queue) {
      if (row.pending) {
        for (const p of row.pending) row[p.slot] = p.decoder.settle(p.value, p.alt);
        row.pending = null;
        if (this.mapping.revenueFromLineItems) row.amount = lineRevenue(row.quantity, row.unitPrice);
      }
      out.push(row);
    }
    this.queue.length = 0;
  }

  private decodeRow(raw: RawRow): Row | null {
    const cells = raw.cells;
    let values: FieldValues | null = null;
    if (this.preset?.adjust) {
      values = {};
      for (const s of this.numeric) values[s.field] = s.index >= 0 ? cells[s.index] : s.constant;
      for (const s of this.text) values[s.field] = s.index >= 0 ? cells[s.index] : s.constant;
      const extra: Record<string, string | undefined> = {};
      for (const [name, idx] of this.extraIdx) {
        const v = idx >= 0 ? cells[idx] : undefined;
        extra[name] = v === undefined || v === null ? undefined : String(v);
      }
      if (!this.preset.adjust(values, extra)) {
        this.stats.droppedByPreset++;
        return null;
      }
    }
    const row = blankRow(raw.line);
    let invalid = false;
    const c = this.cell;
    for (const s of this.numeric) {
      const v = values ? values[s.field] : s.index >= 0 ? cells[s.index] : s.constant;
      const st = s.decoder.decode(v, c);
      if (st === OK) row[s.slot] = c.value;
      else if (st === PENDING) (row.pending ??= []).push({ slot: s.slot, decoder: s.decoder, value: c.value, alt: c.alt });
      else if (st === INVALID) {
        invalid = true;
        this.problems.add({
          file: this.opts.file,
          line: raw.line,
          column: s.decoder.column,
          value: String(v),
          problem: c.problem,
          ...(c.hint ? { hint: c.hint } : {}),
        });
        break;
      } else if (st === EMPTY) {
        // left NaN; the builder decides whether empty is allowed here
      }
    }
    if (invalid) {
      this.stats.invalidRows++;
      return null;
    }
    for (const s of this.text) {
      const v = values ? values[s.field] : s.index >= 0 ? cells[s.index] : s.constant;
      if (!isBlank(v)) row[s.slot] = s.slot === 'currency' ? String(v).trim().toUpperCase() : String(v).trim();
    }
    if (this.mapping.revenueFromLineItems && row.pending === null) row.amount = lineRevenue(row.quantity, row.unitPrice);
    return row;
  }

  /** Marks a row invalid after decoding (the builder's checks), counting it. */
  reject(line: number, field: Field, problem: string, value = '', hint?: string): void {
    this.stats.invalidRows++;
    this.problems.add({ file: this.opts.file, line, column: this.columnOf(field), value, problem, ...(hint ? { hint } : {}) });
  }
}

/** A row of line `line` with every field empty (one shape for every reader's rows). */
export function blankRow(line: number): Row {
  return {
    line,
    time: NaN,
    amount: NaN,
    quantity: NaN,
    unitPrice: NaN,
    orderId: null,
    customerId: null,
    channel: null,
    status: null,
    currency: null,
    source: null,
    medium: null,
    campaign: null,
    sourceMedium: null,
    pending: null,
  };
}

/** quantity × unit_price, rounded as every order value is (roundOrderValue). */
export function lineRevenue(quantity: number, unitPrice: number): number {
  return roundOrderValue(quantity * unitPrice);
}
