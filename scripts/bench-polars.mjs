// Polars peer for scripts/bench.mjs: every orders figure of `report` for one
// window (the whole history, as of T = data end) with Polars' lazy expression
// API, over an orders file of scripts/bench-data.mjs — the same rules as the
// DuckDB peer (scripts/bench-duckdb.mjs). POLARS_MAX_THREADS=2 is set by the
// caller. Prints the figures as JSON on stdout, wall time and peak RSS on
// stderr (a BENCH line).
//
// nodejs-polars' native package declares Node ≥ 22 but runs on Node 20; npm
// skips it as an optional dependency on Node 20, so scripts/bench.mjs installs
// it explicitly (`npm install --no-save --force nodejs-polars-<platform>@<version>`).
import pl from 'nodejs-polars';

const file = process.argv[2];
const t0 = performance.now();
const DAY_MS = 86_400_000;
const col = pl.col;
const lines = pl.scanCSV(file, {
  hasHeader: true,
  quoteChar: '"',
  schema: { 'Order ID': pl.Utf8, Customer: pl.Utf8, 'Order Date': pl.Utf8, Channel: pl.Utf8, Total: pl.Float64, Note: pl.Utf8 },
});
// Orders: lines sharing an id merged (value = sum), time in ms since the epoch.
const o = lines
  .select(
    col('Order ID').alias('id'),
    col('Customer').alias('cust'),
    col('Order Date').str.strptime(pl.Datetime('ms'), '%Y-%m-%d %H:%M:%S').cast(pl.Datetime('ms')).cast(pl.Int64).alias('ts'),
    col('Channel').str.strip().str.toLowerCase().alias('ch'),
    col('Total').alias('v'),
  )
  .groupBy('id')
  .agg(col('cust').first(), col('ts').min(), col('ch').first(), col('v').sum())
  .collectSync()
  .lazy();
const bounds = o.select(col('ts').max().alias('max'), col('ts').min().alias('min')).collectSync().toRecords()[0];
const tEnd = (Math.floor(Number(bounds.max) / DAY_MS) + 1) * DAY_MS;
const tStart = Math.floor(Number(bounds.min) / DAY_MS) * DAY_MS;
const p = o.filter(col('v').gt(0));
// Acquisition: first purchase by (time, id as a string: Polars compares UTF-8 bytes = code points).
const acq = p
  .filter(col('cust').isNotNull())
  .groupBy('cust')
  .agg(col('ch').sortBy(['ts', 'id']).first().alias('ach'), col('ts').min().alias('ats'));
const perCust = acq
  .join(o, { on: 'cust' })
  .filter(col('ts').gtEq(col('ats')))
  .groupBy(['cust', 'ach', 'ats'])
  .agg(
    col('v').gt(0).and(col('ts').lt(col('ats').plus(90 * DAY_MS))).sum().alias('p90'),
    col('v').filter(col('ts').lt(col('ats').plus(365 * DAY_MS))).sum().alias('v365'),
  );
const m90 = col('ats').ltEq(tEnd - 90 * DAY_MS);
const m365 = col('ats').ltEq(tEnd - 365 * DAY_MS);
const cohortAggs = [
  col('cust').count().alias('new_customers'),
  m90.sum().alias('m90'),
  m90.and(col('p90').gtEq(2)).sum().alias('r90'),
  m365.sum().alias('m365'),
  col('v365').filter(m365).sum().alias('v365'),
];
const moneyAggs = [
  col('v').filter(col('v').gt(0)).count().alias('orders'),
  col('v').filter(col('v').gt(0)).sum().alias('revenue'),
  col('v').filter(col('v').lt(0)).sum().mul(-1).alias('refunds'),
];
const custAggs = [col('cust').nUnique().alias('customers'), col('cust').filter(col('ats').lt(tStart)).nUnique().alias('returning')];
const pc = p.join(acq, { on: 'cust' });
const perChannel = (frame, aggs, key) => frame.groupBy(key).agg(...aggs).rename({ [key]: 'channel' });
const total = (frame, aggs) => frame.select(...aggs).withColumns(pl.lit('(all)').alias('channel'));
const [money, custs, cohort] = await Promise.all([
  pl.concat([perChannel(o, moneyAggs, 'ch'), total(o, moneyAggs)], { how: 'diagonal' }).collect(),
  pl.concat([perChannel(pc, custAggs, 'ch'), total(pc, custAggs)], { how: 'diagonal' }).collect(),
  pl.concat([perChannel(perCust, cohortAggs, 'ach'), total(perCust, cohortAggs)], { how: 'diagonal' }).collect(),
]);
const by = (df) => new Map(df.toRecords().map((r) => [r.channel, r]));
const c = by(custs);
const k = by(cohort);
const num = (x) => (x == null ? 0 : Number(x));
const div = (a, b) => (num(b) === 0 ? null : num(a) / num(b));
const rows = money.toRecords().map((m) => {
  const cr = c.get(m.channel) ?? {};
  const kr = k.get(m.channel) ?? {};
  return {
    channel: m.channel,
    orders: num(m.orders),
    revenue: num(m.revenue),
    refunds: num(m.refunds),
    net_revenue: num(m.revenue) - num(m.refunds),
    aov: div(m.revenue, m.orders),
    customers: num(cr.customers),
    new_customers: num(kr.new_customers),
    returning_rate: div(cr.returning, cr.customers),
    retention_rate: div(kr.r90, kr.m90),
    clv: div(kr.v365, kr.m365),
  };
});
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify(rows) + '\n');
process.stderr.write(`\nBENCH ${JSON.stringify({ code: 0, ms, maxRSS: process.resourceUsage().maxRSS * 1024 })}\n`);
