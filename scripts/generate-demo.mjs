#!/usr/bin/env node
/**
 * generate-demo.mjs: the synthetic demo data set for channelbench.
 *
 * Regenerate the committed demo files (byte-identical on every run):
 *
 *     node scripts/generate-demo.mjs [outDir]        # default: fixtures/demo (next to scripts/)
 *     npm run demo
 *
 * Plain Node 20 ESM, only `node:` built-ins. Everything is deterministic: one
 * fixed seed feeds mulberry32 PRNG streams, all date arithmetic is whole UTC days
 * from Date.UTC, and nothing reads the clock, Math.random() or the environment.
 *
 * The model: a retailer selling through six channels, five online (`web`, `app`,
 * `email`, `social`, `paid_search`) and one offline (`store`). The simulation
 * runs day by day from `start` to `end`:
 *
 * - Demand profile. Each day has a demand weight: month of year (low in Jan/Feb,
 *   high in Nov/Dec), a Black Friday to Cyber Monday spike, day of week, and a
 *   slow growth trend. Stores are closed on 25 Dec and 1 Jan and open Mon-Sat
 *   09:00-20:00 and Sun 10:00-17:00. Times are UTC, the retailer's local time.
 * - Acquisition. `customers` customers are acquired in total, spread over the
 *   days in proportion to the demand weight, with some daily noise. Each one's
 *   acquisition channel is drawn from fixed per-channel weights, and the
 *   customer's first purchase is made that day in that channel.
 * - Repeat purchases. The acquisition channel sets the customer type: the chance
 *   of ever coming back (paid_search and social bring many one-time buyers,
 *   email and app customers come back the most), how many more purchases follow,
 *   and the typical gap between them. Gaps are measured in demand time, so
 *   repeat orders pile up in Nov/Dec too. 30% of customers always buy in their
 *   acquisition channel. The other 70% buy some repeat orders in a second
 *   channel (for example store to web, or paid_search to web/email). Since
 *   about half of all customers never come back, about 28% of customers end up
 *   buying in two or more channels.
 * - Orders. About 40% have 2-4 line items. Unit prices come from a fixed price
 *   list, with a price level that depends on the channel (store and social are
 *   cheaper baskets, email and paid_search dearer ones). Only the first line of
 *   an order carries the date, customer, channel, status and total, as in a
 *   Shopify export. On top of the purchases come guest or anonymous orders
 *   (about 4%, no customer id), extra orders that were later cancelled (about 3%,
 *   status `cancelled` or `Cancelled`) and refunds (about 2%, a separate
 *   single-line order 2-14 days after a purchase in the same channel, quantity
 *   -1 and a negative total, status `refunded`). In the Channel column, store
 *   orders are spelled `Store` or `POS` and paid_search is sometimes spelled
 *   ` Paid Search `. The config's aliases fold these spellings together.
 * - Traffic and spend follow the orders actually simulated. Each online
 *   channel's daily sessions are its centred 15-day average of orders (with the
 *   demand profile taken out), divided by a channel conversion rate (1-5%).
 *   Daily spend (paid_search, social, email, app; store weekly on Mondays) is
 *   made the same way from a cost per new customer acquired in the channel
 *   plus a share of the channel's revenue, with a Nov/Dec cost premium. That
 *   gives CACs of roughly 35-80 and ROAS of 2-8. `web` has no spend, and
 *   `store` has no traffic.
 * - NPS. About 7% of purchases by known customers get a survey answer 2-7 days
 *   later for that purchase's channel. Each channel has its own score mix, with
 *   store and email highest and paid_search lowest.
 *
 * Programmatic use (for example a benchmark that needs 1M-10M orders):
 *
 *     import { orderLines, writeDemo, customersForOrders } from './generate-demo.mjs';
 *     const opts = { customers: customersForOrders(5_000_000) };
 *     for (const chunk of orderLines(opts)) out.write(chunk); // header, then one order (1-4 lines, '\n'-terminated) per chunk
 *     await writeDemo('bench/data/big', opts);                  // all four CSVs in one streaming pass, with backpressure
 *
 * Memory grows with the number of customers who still have a purchase pending,
 * never with the number of orders written.
 */

import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';

// ---------------------------------------------------------------------------
// Constants and model parameters
// ---------------------------------------------------------------------------

/** Canonical channel names, in report order. */
export const CHANNELS = Object.freeze(['web', 'app', 'email', 'social', 'paid_search', 'store']);
/** Channels that have traffic (sessions) rows. */
export const ONLINE_CHANNELS = Object.freeze(['web', 'app', 'email', 'social', 'paid_search']);
/** Channels that have spend rows (store: weekly, on Mondays). */
export const PAID_CHANNELS = Object.freeze(['paid_search', 'social', 'email', 'store', 'app']);

export const DEFAULT_OPTIONS = Object.freeze({
  seed: 20230101,
  customers: 6000,
  start: '2023-01-01',
  end: '2024-12-31',
});

export const ORDERS_HEADER = 'Order ID,Customer,Order Date,Channel,Status,Quantity,Unit Price,Total';
export const SPEND_HEADER = 'date,channel,spend';
export const TRAFFIC_HEADER = 'date,channel,sessions';
export const NPS_HEADER = 'date,channel,customer_id,score';

/**
 * All orders (every status) per acquired customer, measured on the default
 * two-year window. Use customersForOrders() to size a run; longer or shorter
 * windows give more or fewer orders per customer.
 */
export const ORDERS_PER_CUSTOMER = 3.5;

/**
 * Per-channel parameters.
 * acq: acquisition weight; retain: chance an acquired customer ever buys again;
 * cont: chance of yet another purchase after each repeat; gap: mean days between
 * purchases; unit: mean unit price; conv: conversion rate (orders/sessions);
 * cpa: spend per new customer acquired in the channel; share: further spend as a
 * share of the channel's revenue (retargeting, CRM, app re-engagement, in-store promotion);
 * nps: [promoter share, detractor share].
 */
const PARAMS = {
  web: { acq: 0.17, retain: 0.57, cont: 0.86, gap: 55, unit: 34, conv: 0.024, cpa: 0, share: 0, nps: [0.46, 0.22] },
  app: { acq: 0.13, retain: 0.75, cont: 0.9, gap: 34, unit: 31, conv: 0.042, cpa: 35, share: 0.08, nps: [0.52, 0.18] },
  email: { acq: 0.08, retain: 0.75, cont: 0.89, gap: 38, unit: 42, conv: 0.033, cpa: 20, share: 0.11, nps: [0.6, 0.13] },
  social: { acq: 0.17, retain: 0.36, cont: 0.72, gap: 75, unit: 24, conv: 0.012, cpa: 26, share: 0.11, nps: [0.38, 0.3] },
  paid_search: { acq: 0.24, retain: 0.34, cont: 0.7, gap: 80, unit: 38, conv: 0.029, cpa: 32, share: 0.1, nps: [0.32, 0.36] },
  store: { acq: 0.21, retain: 0.62, cont: 0.87, gap: 45, unit: 26, conv: 0, cpa: 20, share: 0.08, nps: [0.63, 0.12] },
};

/** Where a customer's "other" purchases go, by acquisition channel. */
const SECOND_CHANNEL = {
  web: { email: 0.35, app: 0.25, store: 0.2, paid_search: 0.12, social: 0.08 },
  app: { web: 0.45, email: 0.3, store: 0.2, social: 0.05 },
  email: { web: 0.5, app: 0.25, store: 0.2, paid_search: 0.05 },
  social: { web: 0.45, app: 0.25, email: 0.2, paid_search: 0.1 },
  paid_search: { web: 0.5, email: 0.25, app: 0.15, store: 0.1 },
  store: { web: 0.55, email: 0.2, app: 0.2, paid_search: 0.05 },
};

/** Channel mix of guest checkouts and anonymous store sales. */
const GUEST_CHANNEL = { store: 0.5, web: 0.3, paid_search: 0.09, social: 0.07, app: 0.04 };

const P_GUEST = 0.044; // guest orders spawned per customer purchase
const P_CANCEL = 0.031; // extra later-cancelled orders per purchase
const P_REFUND = 0.022; // refunds per customer purchase
const P_NPS = 0.077; // survey answers per customer purchase
const P_SWITCHER = 0.7; // share of customers who ever buy outside their acquisition channel
const P_MULTI_LINE = 0.4;

/** Price list (cents). Unit prices are drawn log-normally and snapped to it. */
const PRICE_POINTS = [
  399, 499, 799, 999, 1299, 1499, 1799, 1999, 2499, 2999, 3499, 3999, 4499, 4999, 5999, 6999, 7999, 8999,
  9999, 11999, 14999, 19999, 24999,
];

const MONTH_FACTOR = [0.82, 0.85, 0.95, 0.97, 1.0, 0.96, 0.9, 0.92, 1.0, 1.05, 1.32, 1.5];
const WEEKDAY_FACTOR = [1.02, 1.0, 0.95, 0.95, 0.98, 1.05, 1.1]; // Sun..Sat (getUTCDay order)
const DAY_MS = 86_400_000;

// Hour-of-day weights (0..23) for online orders, by channel.
const ONLINE_HOURS = {
  web: [3, 2, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 8, 8, 7, 7, 7, 8, 9, 11, 12, 11, 8, 5],
  app: [4, 3, 1, 1, 1, 1, 2, 4, 6, 6, 5, 5, 6, 6, 5, 5, 6, 8, 10, 12, 14, 14, 11, 7],
  email: [2, 1, 1, 1, 1, 1, 2, 5, 11, 12, 10, 8, 8, 7, 6, 6, 6, 7, 8, 9, 9, 8, 5, 3],
  social: [4, 3, 2, 1, 1, 1, 2, 3, 4, 5, 5, 6, 7, 6, 5, 5, 6, 7, 9, 11, 13, 13, 10, 7],
  paid_search: [2, 1, 1, 1, 1, 1, 2, 4, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8, 9, 10, 10, 9, 6, 4],
};

// ---------------------------------------------------------------------------
// PRNG and random helpers
// ---------------------------------------------------------------------------

/** mulberry32: a small, fast 32-bit seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derive an independent stream seed from the main seed and a label. */
function subSeed(seed, label) {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

function makeRandom(seed) {
  const next = mulberry32(seed);
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // inclusive
    chance: (p) => next() < p,
    normal() {
      // Box-Muller; 1 - u keeps the log argument in (0, 1]
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    lognormal: (sigma) => Math.exp(sigma * r.normal() - (sigma * sigma) / 2), // mean 1
    exp: () => -Math.log(1 - next()),
    pick(table) {
      // table: { keys: string[], cum: number[] } from weightTable()
      const x = next() * table.total;
      const { cum } = table;
      for (let i = 0; i < cum.length; i++) if (x < cum[i]) return table.keys[i];
      return table.keys[table.keys.length - 1];
    },
  };
  return r;
}

function weightTable(weights) {
  const keys = Object.keys(weights);
  const cum = [];
  let total = 0;
  for (const k of keys) {
    total += weights[k];
    cum.push(total);
  }
  return { keys, cum, total };
}

// ---------------------------------------------------------------------------
// Dates and formatting
// ---------------------------------------------------------------------------

function parseDay(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(s));
  if (!m) throw new Error(`invalid date ${JSON.stringify(s)}, expected yyyy-MM-dd`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new Error(`invalid date ${JSON.stringify(s)}`);
  }
  return ms;
}

const pad2 = (n) => (n < 10 ? '0' : '') + n;

function dayString(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Cents (integer) to a plain decimal string with 2 decimals, e.g. -2499 -> "-24.99". */
export function formatCents(cents) {
  if (!Number.isSafeInteger(cents)) throw new Error(`not an integer amount of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const frac = abs % 100;
  return `${sign}${(abs - frac) / 100}.${pad2(frac)}`;
}

/** RFC 4180 field quoting, only when needed. */
export function csvField(value) {
  if (value === undefined || value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function checkInt(n, what) {
  if (!Number.isSafeInteger(n)) throw new Error(`internal error: ${what} is ${n}`);
  return n;
}

// ---------------------------------------------------------------------------
// Calendar: demand profile, store opening hours
// ---------------------------------------------------------------------------

function isBlackWeekend(d) {
  // 4th Thursday of November (Thanksgiving) + Fri..Mon (Black Friday .. Cyber Monday)
  if (d.getUTCMonth() !== 10) return false;
  const first = new Date(Date.UTC(d.getUTCFullYear(), 10, 1)).getUTCDay();
  const thanksgiving = 1 + ((4 - first + 7) % 7) + 21;
  const day = d.getUTCDate();
  return day >= thanksgiving + 1 && day <= thanksgiving + 4;
}

function storeClosed(d) {
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  return (m === 11 && day === 25) || (m === 0 && day === 1);
}

/** Store opening hours [open, close) in hours, or null when closed. */
function storeHours(d) {
  if (storeClosed(d)) return null;
  return d.getUTCDay() === 0 ? [10, 17] : [9, 20];
}

function buildCalendar(startMs, endMs) {
  const days = Math.round((endMs - startMs) / DAY_MS) + 1;
  if (!(days >= 1)) throw new Error('end must not be before start');
  const dayStr = new Array(days);
  const profile = new Float64Array(days);
  const weekday = new Uint8Array(days);
  const hours = new Array(days);
  const cum = new Float64Array(days + 1);
  for (let i = 0; i < days; i++) {
    const ms = startMs + i * DAY_MS;
    const d = new Date(ms);
    dayStr[i] = dayString(ms);
    weekday[i] = d.getUTCDay();
    let p = MONTH_FACTOR[d.getUTCMonth()] * WEEKDAY_FACTOR[d.getUTCDay()];
    if (isBlackWeekend(d)) p *= 1.9;
    if (d.getUTCMonth() === 11 && d.getUTCDate() >= 26) p *= 0.8; // post-Christmas lull
    profile[i] = p;
    hours[i] = storeHours(d);
    cum[i + 1] = cum[i] + p;
  }
  const meanProfile = cum[days] / days;
  return { days, startMs, dayStr, profile, weekday, hours, cum, meanProfile };
}

// ---------------------------------------------------------------------------
// The simulation
// ---------------------------------------------------------------------------

function normalizeOptions(options = {}) {
  const o = { ...DEFAULT_OPTIONS, ...options };
  for (const k of Object.keys(o)) if (o[k] === undefined) o[k] = DEFAULT_OPTIONS[k];
  if (!Number.isSafeInteger(o.seed)) throw new Error('seed must be an integer');
  if (!Number.isSafeInteger(o.customers) || o.customers < 1) throw new Error('customers must be a positive integer');
  const startMs = parseDay(o.start);
  const endMs = parseDay(o.end);
  const estOrders = o.customers * ORDERS_PER_CUSTOMER * 1.2;
  const idWidth = o.idWidth ?? Math.max(6, String(Math.ceil(estOrders)).length);
  const customerIdWidth = o.customerIdWidth ?? Math.max(5, String(o.customers).length);
  return { ...o, startMs, endMs, idWidth, customerIdWidth };
}

/** The `customers` option that gives about `orders` orders (distinct Order IDs) on the default two-year window. */
export function customersForOrders(orders) {
  return Math.max(1, Math.round(orders / ORDERS_PER_CUSTOMER));
}

/**
 * The core simulation: yields records in date order per record type.
 *
 *   { type: 'order', id, customer, ms, channel, rawChannel, status, lines: [{ qty, cents }], totalCents }
 *   { type: 'nps', date, channel, customer, score }
 *   { type: 'spend', date, channel, cents }
 *   { type: 'traffic', date, channel, sessions }
 *
 * Orders and NPS answers of day d come when day d is simulated; spend and traffic
 * of day d come 7 days later (they use a centred moving average). Each record
 * type on its own is sorted by date (orders by date, then id).
 */
export function* records(options) {
  const o = normalizeOptions(options);
  const cal = buildCalendar(o.startMs, o.endMs);
  const { days } = cal;

  const rng = makeRandom(subSeed(o.seed, 'orders'));
  const rngAcq = makeRandom(subSeed(o.seed, 'acquisition'));
  const rngNps = makeRandom(subSeed(o.seed, 'nps'));
  const rngDaily = makeRandom(subSeed(o.seed, 'spend+traffic'));

  const acqTable = weightTable(Object.fromEntries(CHANNELS.map((c) => [c, PARAMS[c].acq])));
  const secondTables = Object.fromEntries(CHANNELS.map((c) => [c, weightTable(SECOND_CHANNEL[c])]));
  const guestTable = weightTable(GUEST_CHANNEL);
  const hourTables = Object.fromEntries(
    Object.entries(ONLINE_HOURS).map(([c, w]) => [c, weightTable(Object.fromEntries(w.map((x, h) => [h, x])))]),
  );
  const npsTables = Object.fromEntries(
    CHANNELS.map((c) => {
      const [pro, det] = PARAMS[c].nps;
      const pas = 1 - pro - det;
      const detW = [1, 1, 1, 2, 3, 5, 7];
      const detSum = detW.reduce((a, b) => a + b, 0);
      const w = {};
      detW.forEach((x, s) => (w[s] = (det * x) / detSum));
      w[7] = pas * 0.45;
      w[8] = pas * 0.55;
      w[9] = pro * 0.48;
      w[10] = pro * 0.52;
      return [c, weightTable(w)];
    }),
  );

  // New customers per day: exactly o.customers in total (systematic sampling over
  // noisy demand weights), so the customer count is what was asked for.
  const newPerDay = new Uint32Array(days);
  {
    const w = new Float64Array(days);
    let total = 0;
    for (let i = 0; i < days; i++) {
      const growth = 1 + (0.25 * i) / Math.max(1, days - 1);
      w[i] = cal.profile[i] * growth * rngAcq.lognormal(0.18);
      total += w[i];
    }
    const phi = rngAcq.next();
    let acc = 0;
    let prev = Math.floor(phi);
    for (let i = 0; i < days; i++) {
      acc += (w[i] / total) * o.customers;
      const cur = i === days - 1 ? Math.floor(o.customers + phi) : Math.floor(acc + phi);
      newPerDay[i] = cur - prev;
      prev = cur;
    }
  }

  // Scheduled events per day: purchases of known customers, refunds, NPS answers.
  const buckets = new Array(days);
  const schedule = (day, ev) => {
    if (day >= days) return false;
    (buckets[day] ??= []).push(ev);
    return true;
  };
  // Store events on closed days move to the next open day.
  const openDay = (day, channel) => {
    let d = day;
    while (channel === 'store' && d < days && cal.hours[d] === null) d++;
    return d;
  };

  let nextOrder = 1;
  let nextCustomer = 1;
  const custId = (n) => `C${String(n).padStart(o.customerIdWidth, '0')}`;
  const orderId = (n) => `ORD-${String(n).padStart(o.idWidth, '0')}`;

  const unitMu = Object.fromEntries(CHANNELS.map((c) => [c, Math.log(PARAMS[c].unit) - 0.18]));
  const snapPrice = (x) => {
    // nearest price point in log space
    const lx = Math.log(x * 100);
    let best = PRICE_POINTS[0];
    let bestD = Infinity;
    for (const p of PRICE_POINTS) {
      const dd = Math.abs(Math.log(p) - lx);
      if (dd < bestD) {
        bestD = dd;
        best = p;
      }
    }
    return best;
  };
  const makeLines = (channel) => {
    const n = rng.chance(P_MULTI_LINE) ? rng.int(2, 4) : 1;
    const lines = [];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const cents = snapPrice(Math.exp(unitMu[channel] + 0.6 * rng.normal()));
      const u = rng.next();
      const qty = u < 0.8 ? 1 : u < 0.95 ? 2 : 3;
      lines.push({ qty, cents });
      total += qty * cents;
    }
    return { lines, total };
  };
  const timeOfDay = (day, channel) => {
    // seconds since midnight
    if (channel === 'store') {
      const h = cal.hours[day];
      // busier around lunch and late afternoon: average of two uniforms
      const span = (h[1] - h[0]) * 3600;
      const x = (rng.next() + rng.next()) / 2;
      return h[0] * 3600 + Math.min(span - 1, Math.floor(x * span));
    }
    const hour = Number(rng.pick(hourTables[channel]));
    return hour * 3600 + rng.int(0, 3599);
  };
  const rawChannel = (channel) => {
    if (channel === 'store') return rng.chance(0.5) ? 'Store' : 'POS';
    if (channel === 'paid_search') return rng.chance(0.12) ? ' Paid Search ' : 'paid_search';
    return channel;
  };
  const cancelledStatus = () => (rng.chance(0.3) ? 'Cancelled' : 'cancelled');

  // Day summaries for spend/traffic (centred moving average, +-7 days).
  const HALF = 7;
  const dayOrders = []; // per day: Float64Array per channel index (deseasonalised)
  const dayRevenue = [];
  const dayNew = [];
  const chIndex = Object.fromEntries(CHANNELS.map((c, i) => [c, i]));

  function* emitDaily(d) {
    // spend + traffic for day d, using days d-HALF .. d+HALF (clipped)
    const lo = Math.max(0, d - HALF);
    const hi = Math.min(days - 1, d + HALF);
    const n = hi - lo + 1;
    const avgOrders = new Float64Array(CHANNELS.length);
    const avgRevenue = new Float64Array(CHANNELS.length);
    const avgNew = new Float64Array(CHANNELS.length);
    for (let k = lo; k <= hi; k++) {
      for (let c = 0; c < CHANNELS.length; c++) {
        avgOrders[c] += dayOrders[k][c] / n;
        avgRevenue[c] += dayRevenue[k][c] / n;
        avgNew[c] += dayNew[k][c] / n;
      }
    }
    const date = cal.dayStr[d];
    const p = cal.profile[d];
    const month = new Date(cal.startMs + d * DAY_MS).getUTCMonth();
    const premium = month === 10 ? 1.12 : month === 11 ? 1.18 : 1;
    for (const channel of PAID_CHANNELS) {
      const c = chIndex[channel];
      // deseasonalised daily cost, in currency units
      const daily = avgNew[c] * PARAMS[channel].cpa + avgRevenue[c] * PARAMS[channel].share;
      let weight = p;
      if (channel === 'store') {
        if (cal.weekday[d] !== 1) continue; // weekly, Mondays only: the coming week's budget
        weight = 0;
        for (let k = d; k < Math.min(days, d + 7); k++) weight += cal.profile[k];
      }
      const cents = Math.round(daily * weight * 100 * premium * rngDaily.lognormal(0.12));
      yield { type: 'spend', date, channel, cents: checkInt(Math.max(0, cents), 'spend') };
    }
    for (const channel of ONLINE_CHANNELS) {
      const c = chIndex[channel];
      const sessions = Math.round(((avgOrders[c] * p) / PARAMS[channel].conv) * rngDaily.lognormal(0.08));
      yield { type: 'traffic', date, channel, sessions: checkInt(Math.max(1, sessions), 'sessions') };
    }
  }

  for (let d = 0; d < days; d++) {
    const dayMs = cal.startMs + d * DAY_MS;
    const todays = []; // { sec, seq, customer, channel, status, lines, total }
    const answers = [];
    const newByCh = new Float64Array(CHANNELS.length);
    let seq = 0;
    const addOrder = (customer, channel, status, lines, total) => {
      todays.push({ sec: timeOfDay(d, channel), seq: seq++, customer, channel, status, lines, total });
    };

    const purchase = (cust, channel) => {
      const { lines, total } = makeLines(channel);
      addOrder(cust ? custId(cust.n) : '', channel, 'paid', lines, total);
      if (rng.chance(P_CANCEL)) {
        const x = makeLines(channel);
        addOrder(cust ? custId(cust.n) : '', channel, cancelledStatus(), x.lines, x.total);
      }
      if (!cust) return;
      if (rng.chance(P_GUEST)) {
        const gch = rng.pick(guestTable);
        if (gch !== 'store' || cal.hours[d] !== null) purchase(null, gch);
      }
      if (rng.chance(P_REFUND)) {
        const line = lines[rng.int(0, lines.length - 1)];
        schedule(openDay(d + rng.int(2, 14), channel), { k: 'R', n: cust.n, channel, cents: line.cents });
      }
      if (rngNps.chance(P_NPS)) {
        schedule(d + rngNps.int(2, 7), { k: 'N', n: cust.n, channel });
      }
      // next purchase
      if (cust.remaining > 0) {
        cust.remaining--;
        const gap = Math.max(1, cust.gap * (rng.exp() + rng.exp()) * 0.5) * cal.meanProfile;
        const target = cal.cum[d + 1] + gap;
        // smallest day e with cum[e + 1] > target
        let lo = d + 1;
        let hi = days;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cal.cum[mid + 1] > target) hi = mid;
          else lo = mid + 1;
        }
        if (lo < days) {
          let channel2 = cust.acq;
          if (cust.switchP > 0 && rng.chance(cust.switchP)) {
            channel2 = rng.chance(0.8) ? cust.second : rng.pick(secondTables[cust.acq]);
          }
          schedule(openDay(lo, channel2), { k: 'P', cust, channel: channel2 });
        }
      }
    };

    // 1. new customers, first purchase in the acquisition channel
    for (let i = 0; i < newPerDay[d]; i++) {
      const acq = rng.pick(acqTable);
      newByCh[chIndex[acq]] += 1;
      const p = PARAMS[acq];
      let remaining = 0;
      if (rng.chance(p.retain)) {
        remaining = 1;
        while (rng.chance(p.cont) && remaining < 200) remaining++;
      }
      const cust = {
        n: nextCustomer++,
        acq,
        second: rng.pick(secondTables[acq]),
        switchP: rng.chance(P_SWITCHER) ? 0.3 + 0.5 * rng.next() : 0,
        remaining,
        gap: p.gap * rng.lognormal(0.45),
      };
      const first = openDay(d, acq);
      if (first === d) purchase(cust, acq);
      else schedule(first, { k: 'P', cust, channel: acq });
    }

    // 2. scheduled events
    const evs = buckets[d] ?? [];
    buckets[d] = undefined;
    for (const ev of evs) {
      if (ev.k === 'P') purchase(ev.cust, ev.channel);
      else if (ev.k === 'R') {
        addOrder(custId(ev.n), ev.channel, 'refunded', [{ qty: -1, cents: ev.cents }], -ev.cents);
      } else if (ev.k === 'N') {
        answers.push({ type: 'nps', date: cal.dayStr[d], channel: ev.channel, customer: custId(ev.n), score: Number(rngNps.pick(npsTables[ev.channel])) });
      }
    }

    // 3. emit orders sorted by time; ids increase with time
    todays.sort((a, b) => a.sec - b.sec || a.seq - b.seq);
    const ordersByCh = new Float64Array(CHANNELS.length);
    const revenueByCh = new Float64Array(CHANNELS.length);
    for (const t of todays) {
      const rec = {
        type: 'order',
        id: orderId(nextOrder++),
        customer: t.customer,
        ms: dayMs + t.sec * 1000,
        channel: t.channel,
        rawChannel: rawChannel(t.channel),
        status: t.status,
        lines: t.lines,
        totalCents: checkInt(t.total, 'total'),
      };
      if (t.status === 'paid') {
        ordersByCh[chIndex[t.channel]] += 1;
        revenueByCh[chIndex[t.channel]] += t.total / 100;
      }
      yield rec;
    }
    for (const a of answers) yield a;

    // 4. daily summaries (deseasonalised) and delayed spend/traffic
    const p = cal.profile[d];
    dayOrders.push(ordersByCh.map((x) => x / p));
    dayRevenue.push(revenueByCh.map((x) => x / p));
    dayNew.push(newByCh.map((x) => x / p));
    if (d - HALF >= 0) yield* emitDaily(d - HALF);
  }
  for (let d = Math.max(0, days - HALF); d < days; d++) yield* emitDaily(d);
}

// ---------------------------------------------------------------------------
// CSV line generators (each yielded string is one line ending in '\n')
// ---------------------------------------------------------------------------

function orderRecordLines(r, dayStrCache) {
  const dayMs = r.ms - (r.ms % DAY_MS);
  let ds = dayStrCache.get(dayMs);
  if (ds === undefined) {
    dayStrCache.clear();
    ds = dayString(dayMs);
    dayStrCache.set(dayMs, ds);
  }
  const sec = (r.ms - dayMs) / 1000;
  const hh = Math.floor(sec / 3600);
  const mm = Math.floor((sec % 3600) / 60);
  const ss = sec % 60;
  const when = `${ds} ${pad2(hh)}:${pad2(mm)}:${pad2(ss)}`;
  const id = csvField(r.id);
  let out = '';
  r.lines.forEach((l, i) => {
    if (i === 0) {
      out += `${id},${csvField(r.customer)},${when},${csvField(r.rawChannel)},${csvField(r.status)},${l.qty},${formatCents(l.cents)},${formatCents(r.totalCents)}\n`;
    } else {
      out += `${id},,,,,${l.qty},${formatCents(l.cents)},\n`;
    }
  });
  return out;
}

/** Lines of orders.csv (header first). Each yielded string is one order: 1-4 lines, each ending in '\n'. */
export function* orderLines(options) {
  yield `${ORDERS_HEADER}\n`;
  const cache = new Map();
  for (const r of records(options)) if (r.type === 'order') yield orderRecordLines(r, cache);
}

/** Lines of spend.csv (header first), each ending in '\n'. */
export function* spendLines(options) {
  yield `${SPEND_HEADER}\n`;
  for (const r of records(options)) if (r.type === 'spend') yield `${r.date},${r.channel},${formatCents(r.cents)}\n`;
}

/** Lines of traffic.csv (header first), each ending in '\n'. */
export function* trafficLines(options) {
  yield `${TRAFFIC_HEADER}\n`;
  for (const r of records(options)) if (r.type === 'traffic') yield `${r.date},${r.channel},${r.sessions}\n`;
}

/** Lines of nps.csv (header first), each ending in '\n'. */
export function* npsLines(options) {
  yield `${NPS_HEADER}\n`;
  for (const r of records(options)) if (r.type === 'nps') yield `${r.date},${r.channel},${r.customer},${r.score}\n`;
}

function lineOf(r, cache) {
  switch (r.type) {
    case 'order':
      return ['orders.csv', orderRecordLines(r, cache)];
    case 'spend':
      return ['spend.csv', `${r.date},${r.channel},${formatCents(r.cents)}\n`];
    case 'traffic':
      return ['traffic.csv', `${r.date},${r.channel},${r.sessions}\n`];
    case 'nps':
      return ['nps.csv', `${r.date},${r.channel},${r.customer},${r.score}\n`];
    default:
      throw new Error(`unknown record type ${r.type}`);
  }
}

// ---------------------------------------------------------------------------
// Static files
// ---------------------------------------------------------------------------

/** Contents of channelbench.config.json for the demo. */
export function configJson() {
  const config = {
    channels: { aliases: { POS: 'store', Store: 'store', 'Paid Search': 'paid_search' } },
    settings: {
      margin: 0.4,
      retention_days: 90,
      clv_horizon_days: 365,
      cancelled_statuses: ['cancelled', 'canceled', 'voided'],
      week_start: 'monday',
      locale: 'en-US',
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Contents of the demo README.md. */
export function readme(options) {
  const o = normalizeOptions(options);
  return `# channelbench demo data (synthetic)

Every file here is **synthetic**: it is made up by \`scripts/generate-demo.mjs\` and
describes no real retailer, customer or person. The retailer sells through six
channels: \`web\`, \`app\`, \`email\`, \`social\` and \`paid_search\` online, and
\`store\` offline. The data covers ${o.start} to ${o.end} (UTC) with about
${o.customers} customers (seed ${o.seed}).

| file | contents |
|---|---|
| \`orders.csv\` | Order lines, Shopify style: \`Order ID,Customer,Order Date,Channel,Status,Quantity,Unit Price,Total\`. Date, customer, channel, status and total appear on an order's first line only. Includes guest orders (empty customer), \`cancelled\`/\`Cancelled\` orders, and \`refunded\` returns (quantity -1, negative total). Store orders are spelled \`Store\` or \`POS\`, and paid search is sometimes spelled \` Paid Search \`. |
| \`spend.csv\` | \`date,channel,spend\`: daily marketing spend for \`paid_search\`, \`social\`, \`email\` and \`app\`, and weekly (Mondays) for \`store\`. \`web\` has no spend. |
| \`traffic.csv\` | \`date,channel,sessions\`: daily sessions for the online channels (no \`store\`). |
| \`nps.csv\` | \`date,channel,customer_id,score\`: survey answers (0-10) a few days after a purchase. |
| \`channelbench.config.json\` | Channel aliases (\`POS\`/\`Store\` → \`store\`, \`Paid Search\` → \`paid_search\`) and settings (margin 0.4, 90-day retention, 365-day CLV). |

Try it:

\`\`\`sh
channelbench report --data fixtures/demo --config fixtures/demo/channelbench.config.json --period quarter
\`\`\`

Regenerate the files (deterministic, so the output is byte-identical every time):

\`\`\`sh
node scripts/generate-demo.mjs            # writes fixtures/demo/
node scripts/generate-demo.mjs /tmp/demo  # or any other directory
\`\`\`

The script's header comment describes the model. The script also exports
\`orderLines()\`, \`writeDemo()\` and related functions, so benchmarks can stream
much larger data sets from it.
`;
}

// ---------------------------------------------------------------------------
// Whole data sets
// ---------------------------------------------------------------------------

export const DEMO_FILES = Object.freeze([
  'orders.csv',
  'spend.csv',
  'traffic.csv',
  'nps.csv',
  'channelbench.config.json',
  'README.md',
]);

/**
 * Generate the whole demo in memory (fine for the demo, too big for millions of
 * orders: use writeDemo or the *Lines generators then).
 * @returns {Record<string, string>} file name -> contents
 */
export function generateDemo(options) {
  const parts = {
    'orders.csv': [`${ORDERS_HEADER}\n`],
    'spend.csv': [`${SPEND_HEADER}\n`],
    'traffic.csv': [`${TRAFFIC_HEADER}\n`],
    'nps.csv': [`${NPS_HEADER}\n`],
  };
  const cache = new Map();
  for (const r of records(options)) {
    const [file, text] = lineOf(r, cache);
    parts[file].push(text);
  }
  const out = {};
  for (const [file, chunks] of Object.entries(parts)) out[file] = chunks.join('');
  out['channelbench.config.json'] = configJson();
  out['README.md'] = readme(options);
  return out;
}

/**
 * Stream the whole data set into outDir in one simulation pass, with
 * backpressure. Memory stays flat in the number of orders.
 * @returns {Promise<Record<string, number>>} file name -> bytes written
 */
export async function writeDemo(outDir, options, { static: writeStatic = true } = {}) {
  mkdirSync(outDir, { recursive: true });
  const files = ['orders.csv', 'spend.csv', 'traffic.csv', 'nps.csv'];
  const headers = [ORDERS_HEADER, SPEND_HEADER, TRAFFIC_HEADER, NPS_HEADER];
  const sinks = {};
  const bytes = {};
  files.forEach((f, i) => {
    sinks[f] = { stream: createWriteStream(path.join(outDir, f)), buf: `${headers[i]}\n` };
    bytes[f] = 0;
  });
  const flush = async (f) => {
    const s = sinks[f];
    if (!s.buf) return;
    bytes[f] += Buffer.byteLength(s.buf);
    const ok = s.stream.write(s.buf);
    s.buf = '';
    if (!ok) await once(s.stream, 'drain');
  };
  const cache = new Map();
  for (const r of records(options)) {
    const [file, text] = lineOf(r, cache);
    const s = sinks[file];
    s.buf += text;
    if (s.buf.length >= 1 << 16) await flush(file);
  }
  for (const f of files) {
    await flush(f);
    const { stream } = sinks[f];
    stream.end();
    await once(stream, 'finish');
  }
  if (writeStatic) {
    for (const [f, text] of [
      ['channelbench.config.json', configJson()],
      ['README.md', readme(options)],
    ]) {
      const stream = createWriteStream(path.join(outDir, f));
      stream.end(text);
      await once(stream, 'finish');
      bytes[f] = Buffer.byteLength(text);
    }
  }
  return bytes;
}

// ---------------------------------------------------------------------------
// CLI entry point
// ---------------------------------------------------------------------------

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // default: <repo>/fixtures/demo wherever it is run from; an explicit outDir is relative to the cwd
  const defaultDir = fileURLToPath(new URL('../fixtures/demo', import.meta.url));
  const outDir = process.argv[2] ?? (path.relative(process.cwd(), defaultDir) || '.');
  writeDemo(outDir, DEFAULT_OPTIONS).then(
    (bytes) => {
      for (const f of DEMO_FILES) process.stdout.write(`${path.join(outDir, f)}  ${bytes[f]} bytes\n`);
    },
    (err) => {
      process.stderr.write(`generate-demo: ${err && err.message ? err.message : err}\n`);
      process.exitCode = 1;
    },
  );
}
