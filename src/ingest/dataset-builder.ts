/**
 * Typed rows → the in-memory Dataset, in one pass: line items merged by
 * order id (continuation lines carry no value), cancelled rows removed,
 * channels folded, customers interned.
 */
import { UNKNOWN_CHANNEL, type Dataset, type NpsAnswer, type OrderTable, type SpendRow, type TrafficRow } from '../model.js';
import { ChannelTable } from './channels.js';
import type { Row, RowDecoder } from './decode.js';
import { grow } from './hash-tables.js';
import { CustomerIndex } from './customer-index.js';
import { Interner } from './interner.js';
import { CHANNEL, CUSTOMER, GREATER_ID, ID, LineCodes, OrderLine, SAME_ID, STATUS } from './fast-orders/order-line.js';
import { roundOrderValue } from './parse-amount.js';
import type { FileCounts } from '../model/input-report.js';

export type { FileCounts };

export const DEFAULT_CANCELLED_STATUSES = ['cancelled', 'canceled', 'voided'];


export function newFileCounts(): FileCounts {
  return {
    rowsRead: 0,
    invalidRows: 0,
    droppedRows: 0,
    cancelledRows: 0,
    continuationLines: 0,
    mergedRows: 0,
    lineConflicts: 0,
    conflicts: { date: 0, customer: 0, channel: 0 },
    orders: 0,
    zeroValueOrders: 0,
    outside: { rows: 0, first: Infinity, last: -Infinity, why: '', dates: '' },
    firstTime: Infinity,
    lastTime: -Infinity,
    channels: new Set(),
    converted: {},
  };
}

export interface BuilderSettings {
  aliases: Record<string, string>;
  cancelledStatuses: string[];
}

/** Where the builder reports a row it refuses (the RowDecoder of the file). */
export interface RowRejecter {
  reject(line: number, field: 'date' | 'revenue', problem: string): void;
}

/**
 * Orders column by column while they are read; the OrderTable of the Dataset.
 * Order ids are kept as interned keys (4 bytes an order) and read back as
 * strings only for acquisition tie-breaks.
 */
class OrderColumns {
  length = 0;
  time = new Float64Array(1024);
  value = new Float64Array(1024);
  channel = new Int32Array(1024);
  customer = new Int32Array(1024);
  idKey = new Int32Array(1024);

  /** Room for n orders in all (one exact resize instead of the remaining growth steps). */
  reserve(n: number): void {
    if (n <= this.time.length) return;
    this.time = grow(this.time, n, true);
    this.value = grow(this.value, n, true);
    this.channel = grow(this.channel, n, true);
    this.customer = grow(this.customer, n, true);
    this.idKey = grow(this.idKey, n, true);
  }

  push(time: number, value: number, channel: number, customer: number, idKey: number): number {
    const i = this.length++;
    if (i >= this.time.length) {
      this.time = grow(this.time, i + 1);
      this.value = grow(this.value, i + 1);
      this.channel = grow(this.channel, i + 1);
      this.customer = grow(this.customer, i + 1);
      this.idKey = grow(this.idKey, i + 1);
    }
    this.time[i] = time;
    this.value[i] = value;
    this.channel[i] = channel;
    this.customer[i] = customer;
    this.idKey[i] = idKey;
    return i;
  }

  table(idOf: (k: number) => string): OrderTable {
    const n = this.length;
    const idKey = this.idKey.subarray(0, n);
    return {
      length: n,
      time: this.time.subarray(0, n),
      value: this.value.subarray(0, n),
      channel: this.channel.subarray(0, n),
      customer: this.customer.subarray(0, n),
      orderId: (i) => (idKey[i]! < 0 ? '' : idOf(idKey[i]!)),
    };
  }
}

export class DatasetBuilder {
  readonly channels: ChannelTable;
  /** Customer ids (by text, or by the keys of the fast path's batches). */
  readonly customers = new CustomerIndex();
  private readonly orders = new OrderColumns();
  /** Every order id seen (orders and cancelled rows alike). */
  private readonly ids = new Interner({ sorted: true });
  /** Per id key: 1 + the index of its order, or 0 while it has none. */
  private orderOfId = new Int32Array(1024);
  /** Per id key: 1 when a cancelled row named it before any order did. */
  private cancelledId = new Uint8Array(1024);
  /** Raw status values seen, and whether each is a cancelled status. */
  private readonly statuses = new Interner();
  private statusCancelled = new Uint8Array(16);
  private readonly cancelled: Set<string>;
  private spend: SpendRow[] | null = null;
  private traffic: TrafficRow[] | null = null;
  private nps: NpsAnswer[] | null = null;
  private hasCustomerIds = false;
  private readonly scratch = new OrderLine();
  /** The id key of the last orders line (for OrderLine.idOrder). */
  private lastIdKey = -1;
  private readonly noCodes = new LineCodes();

  constructor(settings: BuilderSettings) {
    this.channels = new ChannelTable(settings.aliases);
    this.cancelled = new Set(settings.cancelledStatuses.map((s) => s.trim().toLowerCase()));
  }

  /** Customer index of a customer id (`text[start, end)`), interning it; -1 when blank (end < 0). */
  private customerOf(text: string, start: number, end: number): number {
    return end < 0 ? -1 : this.customers.ofText(text, start, end);
  }

  /** Customer index of the line's customer (by its key when it has one); -1 when blank. */
  private customerOfLine(l: OrderLine): number {
    if (l.customerKey >= 0) return this.customers.ofKeyed(l.customerKey);
    return this.customerOf(l.text[CUSTOMER]!, l.start[CUSTOMER]!, l.end[CUSTOMER]!);
  }

  private isCancelled(text: string, start: number, end: number): boolean {
    const before = this.statuses.size;
    const k = this.statuses.intern(text, start, end);
    if (k >= before) {
      if (k >= this.statusCancelled.length) this.statusCancelled = grow(this.statusCancelled, k + 1);
      this.statusCancelled[k] = this.cancelled.has(text.slice(start, end).toLowerCase()) ? 1 : 0;
    }
    return this.statusCancelled[k] === 1;
  }

  /** Whether the line is cancelled by its status (a status code's answer is kept in `codes`). */
  private cancelledLine(l: OrderLine, codes: LineCodes): boolean {
    const end = l.end[STATUS]!;
    if (end < 0) return false;
    const c = l.statusCode;
    if (c < 0) return this.isCancelled(l.text[STATUS]!, l.start[STATUS]!, end);
    if (c >= codes.status.length) codes.status = grow(codes.status, c + 1);
    let v = codes.status[c]!;
    if (v === 0) {
      const t = codes.statusText[c]!;
      v = codes.status[c] = this.isCancelled(t, 0, t.length) ? 2 : 1;
    }
    return v === 2;
  }

  /** Channel index of the line's (non-blank) channel value (a channel code's answer is kept in `codes`). */
  private channelOfLine(l: OrderLine, codes: LineCodes): number {
    const c = l.channelCode;
    if (c < 0) return this.channels.resolveRange(l.text[CHANNEL]!, l.start[CHANNEL]!, l.end[CHANNEL]!);
    if (c >= codes.channel.length) codes.channel = grow(codes.channel, c + 1);
    let v = codes.channel[c]!;
    if (v === 0) {
      const t = codes.channelText[c]!;
      v = codes.channel[c] = 1 + this.channels.resolveRange(t, 0, t.length);
    }
    return v - 1;
  }

  private idKeyOf(l: OrderLine): number {
    const end = l.end[ID]!;
    if (end < 0) return (this.lastIdKey = -1);
    const order = l.idOrder;
    const last = this.lastIdKey;
    if (order === SAME_ID && last >= 0) return last;
    const text = l.text[ID]!;
    const start = l.start[ID]!;
    const k = order === GREATER_ID && last >= 0 ? this.ids.internAbove(text, start, end, last) : this.ids.intern(text, start, end);
    this.lastIdKey = k;
    if (k >= this.orderOfId.length) {
      this.orderOfId = grow(this.orderOfId, k + 1);
      this.cancelledId = grow(this.cancelledId, k + 1);
    }
    return k;
  }

  private seen(counts: FileCounts, time: number, channel: number): void {
    if (time < counts.firstTime) counts.firstTime = time;
    if (time > counts.lastTime) counts.lastTime = time;
    if (channel >= 0) counts.channels.add(channel);
  }

  /**
   * The reader's estimate of how many orders (and order ids) the whole file
   * holds, from the share read so far: the columns are sized once, so a large
   * file is not copied through every growth step (time, and peak memory held
   * by the discarded copies until they are collected).
   */
  expectOrders(n: number): void {
    const ids = Math.ceil((n * Math.max(1, this.ids.size)) / Math.max(1, this.orders.length));
    this.orders.reserve(n);
    this.ids.reserve(ids);
    // Customers grow with orders too: one table size instead of every rehash on the way.
    this.customers.reserve(Math.ceil((n * this.customers.size) / Math.max(1, this.orders.length)));
    if (ids > this.orderOfId.length) {
      this.orderOfId = grow(this.orderOfId, ids, true);
      this.cancelledId = grow(this.cancelledId, ids, true);
    }
  }

  /** Marks which optional columns the orders input has. */
  beginOrders(hasCustomerIds: boolean): void {
    this.hasCustomerIds ||= hasCustomerIds;
  }

  addOrders(rows: Row[], dec: RowDecoder, counts: FileCounts): void {
    const l = this.scratch;
    for (const row of rows) this.addOrderLine(l.fromRow(row), dec, counts);
  }

  /**
   * One orders line: cancelled rows are counted and dropped (and their id
   * remembered, so the order's other lines go too); a line whose id names an
   * earlier order adds its value to it (a continuation line without a value is
   * counted); any other line starts an order.
   */
  addOrderLine(l: OrderLine, dec: RowRejecter, counts: FileCounts, codes: LineCodes = this.noCodes): void {
    codes.learn(l);
    const { end } = l;
    const cancelled = this.cancelledLine(l, codes);
    const idKey = this.idKeyOf(l);
    const orders = this.orders;
    if (cancelled) {
      counts.cancelledRows++;
      if (idKey >= 0 && this.orderOfId[idKey] === 0) this.cancelledId[idKey] = 1;
      return;
    }
    if (idKey >= 0) {
      const idx = this.orderOfId[idKey]! - 1;
      if (idx >= 0) {
        if (Number.isNaN(l.amount)) {
          counts.continuationLines++;
          return;
        }
        orders.value[idx] = roundOrderValue(orders.value[idx]! + l.amount);
        counts.mergedRows++;
        const date = !Number.isNaN(l.time) && l.time !== orders.time[idx];
        // A customer named here for the first time gets its index now, as on an order's first line.
        const customer = end[CUSTOMER]! >= 0 && this.customerOfLine(l) !== orders.customer[idx];
        const channel = end[CHANNEL]! >= 0 && this.channelOfLine(l, codes) !== orders.channel[idx];
        if (date || customer || channel) {
          counts.lineConflicts++;
          if (date) counts.conflicts.date++;
          if (customer) counts.conflicts.customer++;
          if (channel) counts.conflicts.channel++;
        }
        return;
      }
      if (end[STATUS]! < 0 && this.cancelledId[idKey] === 1) {
        counts.cancelledRows++;
        return;
      }
    }
    if (Number.isNaN(l.time)) {
      dec.reject(l.line, 'date', 'the date is empty');
      return;
    }
    if (Number.isNaN(l.amount)) {
      dec.reject(l.line, 'revenue', 'the revenue is empty');
      return;
    }
    const channel = end[CHANNEL]! >= 0 ? this.channelOfLine(l, codes) : this.channels.resolve(null);
    const i = orders.push(l.time, l.amount, channel, this.customerOfLine(l), idKey);
    if (idKey >= 0) this.orderOfId[idKey] = i + 1;
    counts.orders++;
    this.seen(counts, l.time, channel);
  }

  /**
   * `addOrderLine` of n bare continuation lines right after the last line, at
   * lines line … line + n − 1: each has the last line's (non-blank) id and no
   * date, amount, customer, channel or status (fast-orders/line-batches.ts sends them
   * as a count).
   */
  addBareContinuations(n: number, line: number, dec: RowRejecter, counts: FileCounts): void {
    const idKey = this.lastIdKey;
    if (this.orderOfId[idKey]! > 0) counts.continuationLines += n;
    else if (this.cancelledId[idKey] === 1) counts.cancelledRows += n;
    else for (let j = 0; j < n; j++) dec.reject(line + j, 'date', 'the date is empty');
  }

  addSpend(rows: Row[], dec: RowDecoder, counts: FileCounts): void {
    const out = (this.spend ??= []);
    for (const row of rows) {
      if (!this.requireDayChannelAmount(row, dec, 'spend')) continue;
      const channel = this.channels.resolve(row.channel);
      out.push({ time: row.time, channel, spend: row.amount });
      this.seen(counts, row.time, channel);
    }
  }

  addTraffic(rows: Row[], dec: RowDecoder, counts: FileCounts): void {
    const out = (this.traffic ??= []);
    for (const row of rows) {
      if (!this.requireDayChannelAmount(row, dec, 'sessions')) continue;
      if (row.amount < 0) {
        dec.reject(row.line, 'sessions', `sessions cannot be negative (${row.amount})`, String(row.amount));
        continue;
      }
      const channel = this.channels.resolve(row.channel);
      out.push({ time: row.time, channel, sessions: row.amount });
      this.seen(counts, row.time, channel);
    }
  }

  addNps(rows: Row[], dec: RowDecoder, counts: FileCounts): void {
    const out = (this.nps ??= []);
    for (const row of rows) {
      if (Number.isNaN(row.time)) {
        dec.reject(row.line, 'date', 'the date is empty');
        continue;
      }
      if (Number.isNaN(row.amount)) {
        dec.reject(row.line, 'score', 'the score is empty');
        continue;
      }
      if (!Number.isInteger(row.amount) || row.amount < 0 || row.amount > 10) {
        dec.reject(row.line, 'score', `NPS score ${row.amount} is outside the integers 0–10`, String(row.amount));
        continue;
      }
      const customer = row.customerId === null ? -1 : this.customerOf(row.customerId, 0, row.customerId.length);
      let channel = -1;
      if (row.channel !== null) channel = this.channels.resolve(row.channel);
      else if (customer < 0) channel = this.channels.resolve(UNKNOWN_CHANNEL);
      out.push({ time: row.time, channel, customer, score: row.amount });
      this.seen(counts, row.time, channel);
    }
  }

  private requireDayChannelAmount(row: Row, dec: RowDecoder, amountField: 'spend' | 'sessions'): boolean {
    if (Number.isNaN(row.time)) {
      dec.reject(row.line, 'date', 'the date is empty');
      return false;
    }
    if (row.channel === null) {
      dec.reject(row.line, 'channel', 'the channel is empty');
      return false;
    }
    if (Number.isNaN(row.amount)) {
      dec.reject(row.line, amountField, `the ${amountField} value is empty`);
      return false;
    }
    return true;
  }

  build(): Dataset {
    this.customers.release();
    return {
      channels: this.channels.names,
      orders: this.orders.table(this.ids.keys()),
      customerCount: this.customers.size,
      hasCustomerIds: this.hasCustomerIds,
      spend: this.spend,
      traffic: this.traffic,
      nps: this.nps,
    };
  }
}
