/**
 * Per (period × column) accumulators in flat typed arrays. Columns 0..C-1 are the
 * dataset's channels; column C collects survey answers that no channel can take
 * (they count only in the total row).
 */
export class CellGrid {
  /** Columns per period: channels + 1. */
  readonly width: number;
  readonly size: number;
  readonly orders: Float64Array;
  readonly revenue: Float64Array;
  readonly revenueSq: Float64Array;
  readonly returns: Float64Array;
  readonly customers: Float64Array;
  readonly returningCustomers: Float64Array;
  readonly newCustomers: Float64Array;
  readonly spend: Float64Array;
  /** Spend rows counted (a channel with none in P has no spend data, not zero cost). */
  readonly spendRows: Float64Array;
  readonly sessions: Float64Array;
  readonly trafficRows: Float64Array;
  readonly promoters: Float64Array;
  readonly detractors: Float64Array;
  readonly answers: Float64Array;
  /** Distinct customers across all channels, per period. */
  readonly totalCustomers: Float64Array;
  readonly totalReturningCustomers: Float64Array;

  constructor(
    readonly periodCount: number,
    readonly channelCount: number,
  ) {
    this.width = channelCount + 1;
    this.size = periodCount * this.width;
    const field = () => new Float64Array(this.size);
    this.orders = field();
    this.revenue = field();
    this.revenueSq = field();
    this.returns = field();
    this.customers = field();
    this.returningCustomers = field();
    this.newCustomers = field();
    this.spend = field();
    this.spendRows = field();
    this.sessions = field();
    this.trafficRows = field();
    this.promoters = field();
    this.detractors = field();
    this.answers = field();
    this.totalCustomers = new Float64Array(periodCount);
    this.totalReturningCustomers = new Float64Array(periodCount);
  }

  /** Flat index of (period, column). */
  cell(period: number, column: number): number {
    return period * this.width + column;
  }

  /** The column of answers no channel can take. */
  get unattributed(): number {
    return this.channelCount;
  }
}
