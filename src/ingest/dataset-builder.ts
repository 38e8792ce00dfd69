/**
 * Typed rows → the in-memory Dataset, in one pass: line items merged by
 * order id (continuation lines carry no value), cancelled rows removed,
 * channels folded, customers interned.
 */
import { UNKNOWN_CHANNEL, orderTable, type Dataset, type NpsAnswer, type Order, type SpendRow, type TrafficRow } from '../model.js';
import { ChannelTable } from './channels.js';
import type { Row, RowDecoder } from './decode.js';

export const DEFAULT_CANCELLED_STATUSES = ['cancelled', 'canceled', 'voided'];

/** What one input file contributed, for `validate` and the JSON report. */
export interface FileCounts {
  rowsRead: number;
  invalidRows: number;
  /** Rows the preset recognised as not data (e.g. a GA4 totals row). */
  droppedRows: number;
  cancelledRows: number;
  continuationLines: number;
  /** Later lines of an order whose date, customer or channel differ from its first line. */
  lineConflicts: number;
  /** Orders after the line-item merge (orders role only). */
  orders: number;
  firstTime: number;
  lastTime: number;
  channels: Set<number>;
}

export function newFileCounts(): FileCounts {
  return {
    rowsRead: 0,
    invalidRows: 0,
    droppedRows: 0,
    cancelledRows: 0,
    continuationLines: 0,
    lineConflicts: 0,
    orders: 0,
    firstTime: Infinity,
    lastTime: -Infinity,
    channels: new Set(),
  };
}

export interface BuilderSettings {
  aliases: Record<string, string>;
  cancelledStatuses: string[];
}

export class DatasetBuilder {
  readonly channels: ChannelTable;
  private readonly customers = new Map<string, number>();
  private readonly orders: Order[] = [];
  private readonly orderIndex = new Map<string, number>();
  private readonly cancelledIds = new Set<string>();
  private readonly cancelled: Set<string>;
  private spend: SpendRow[] | null = null;
  private traffic: TrafficRow[] | null = null;
  private nps: NpsAnswer[] | null = null;
  private hasCustomerIds = false;

  constructor(settings: BuilderSettings) {
    this.channels = new ChannelTable(settings.aliases);
    this.cancelled = new Set(settings.cancelledStatuses.map((s) => s.trim().toLowerCase()));
  }

  /** The last id looked up, and its order index (lines of one order are usually adjacent). */
  private lastOrderId: string | null = null;
  private lastOrderIndex = -1;
  private lastCustomerId: string | null = null;
  private lastCustomer = -1;

  private customer(id: string | null): number {
    if (id === null) return -1;
    if (id === this.lastCustomerId) return this.lastCustomer;
    let k = this.customers.get(id);
    if (k === undefined) {
      k = this.customers.size;
      this.customers.set(id, k);
    }
    this.lastCustomerId = id;
    this.lastCustomer = k;
    return k;
  }

  private orderIndexOf(id: string): number | undefined {
    if (id === this.lastOrderId) return this.lastOrderIndex;
    const idx = this.orderIndex.get(id);
    if (idx !== undefined) {
      this.lastOrderId = id;
      this.lastOrderIndex = idx;
    }
    return idx;
  }

  private seen(counts: FileCounts, time: number, channel: number): void {
    if (time < counts.firstTime) counts.firstTime = time;
    if (time > counts.lastTime) counts.lastTime = time;
    if (channel >= 0) counts.channels.add(channel);
  }

  /** Marks which optional columns the orders input has. */
  beginOrders(hasCustomerIds: boolean): void {
    this.hasCustomerIds ||= hasCustomerIds;
  }

  addOrders(rows: Row[], dec: RowDecoder, counts: FileCounts): void {
    for (const row of rows) {
      const status = row.status;
      const id = row.orderId;
      if (status !== null && this.cancelled.has(status.toLowerCase())) {
        counts.cancelledRows++;
        if (id !== null && this.orderIndexOf(id) === undefined) this.cancelledIds.add(id);
        continue;
      }
      if (id !== null) {
        const idx = this.orderIndexOf(id);
        if (idx !== undefined) {
          const order = this.orders[idx]!;
          if (Number.isNaN(row.amount)) {
            counts.continuationLines++;
            continue;
          }
          // Rounded to 1e-9 like line revenue: 0.01 + 0.05 is 0.06, and lines that
          // cancel out make a zero-value order, not a 5e-17 "purchase".
          order.value = Math.round((order.value + row.amount) * 1e9) / 1e9;
          if (
            (!Number.isNaN(row.time) && row.time !== order.time) ||
            (row.customerId !== null && this.customer(row.customerId) !== order.customer) ||
            (row.channel !== null && this.channels.resolve(row.channel) !== order.channel)
          ) {
            counts.lineConflicts++;
          }
          continue;
        }
        if (status === null && this.cancelledIds.has(id)) {
          counts.cancelledRows++;
          continue;
        }
      }
      if (Number.isNaN(row.time)) {
        dec.reject(row, 'date', 'the date is empty');
        continue;
      }
      if (Number.isNaN(row.amount)) {
        dec.reject(row, 'revenue', 'the revenue is empty');
        continue;
      }
      const channel = this.channels.resolve(row.channel);
      if (id !== null) {
        this.orderIndex.set(id, this.orders.length);
        this.lastOrderId = id;
        this.lastOrderIndex = this.orders.length;
      }
      this.orders.push({ time: row.time, value: row.amount, channel, customer: this.customer(row.customerId), orderId: id ?? '' });
      counts.orders++;
      this.seen(counts, row.time, channel);
    }
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
        dec.reject(row, 'sessions', `sessions cannot be negative (${row.amount})`, String(row.amount));
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
        dec.reject(row, 'date', 'the date is empty');
        continue;
      }
      if (Number.isNaN(row.amount)) {
        dec.reject(row, 'score', 'the score is empty');
        continue;
      }
      if (!Number.isInteger(row.amount) || row.amount < 0 || row.amount > 10) {
        dec.reject(row, 'score', `NPS score ${row.amount} is outside the integers 0–10`, String(row.amount));
        continue;
      }
      const customer = this.customer(row.customerId);
      let channel = -1;
      if (row.channel !== null) channel = this.channels.resolve(row.channel);
      else if (customer < 0) channel = this.channels.resolve(UNKNOWN_CHANNEL);
      out.push({ time: row.time, channel, customer, score: row.amount });
      this.seen(counts, row.time, channel);
    }
  }

  private requireDayChannelAmount(row: Row, dec: RowDecoder, amountField: 'spend' | 'sessions'): boolean {
    if (Number.isNaN(row.time)) {
      dec.reject(row, 'date', 'the date is empty');
      return false;
    }
    if (row.channel === null) {
      dec.reject(row, 'channel', 'the channel is empty');
      return false;
    }
    if (Number.isNaN(row.amount)) {
      dec.reject(row, amountField, `the ${amountField} value is empty`);
      return false;
    }
    return true;
  }

  build(): Dataset {
    return {
      channels: this.channels.names,
      orders: orderTable(this.orders),
      customerCount: this.customers.size,
      hasCustomerIds: this.hasCustomerIds,
      spend: this.spend,
      traffic: this.traffic,
      nps: this.nps,
    };
  }
}
