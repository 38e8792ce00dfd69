// Orders files for scripts/bench.mjs, in the id shapes real exports have.
//
//   node scripts/bench-data.mjs <orders> <shape> <out.csv>    shape: int | hash | uuid
//
// Columns: Order ID,Customer,Order Date,Channel,Total,Note. One order is 1–3
// lines (about 30% have more than one; every line repeats the order's id,
// customer, date and channel and carries its own line total, so the order's
// value is the sum of its lines); ~4 orders per customer, ~3% guest orders
// (no customer), ~2% returns (a negative total, a separate order), six
// channels. Order ids grow with time: `1, 2, …` (int), `#1001, #1002, …`
// (hash, Shopify's order names) or random v4 UUIDs (uuid). 10% of lines carry
// a note with non-ASCII text, ~1% a quoted note holding a comma and quotes.
// Deterministic (fixed seed); plain Node, streamed with backpressure.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export const SHAPES = Object.freeze(['int', 'hash', 'uuid']);
export const BENCH_HEADER = 'Order ID,Customer,Order Date,Channel,Total,Note';
const CHANNELS = ['web', 'app', 'email', 'social', 'paid_search', 'store'];
const CHANNEL_WEIGHTS = [0.3, 0.18, 0.12, 0.1, 0.12, 0.18];
const NOTES = ['Café crème', 'Größe L · Farbe grün', 'Zustellung ins Büro', '配送希望日あり', 'Подарок', 'año nuevo', 'niño 🎁', 'Ærø'];
const QUOTED = ['"Gift, wrap ""please"""', '"Leave at door, ring twice"', '"Size ""M"", blue"'];
const START = Date.UTC(2023, 0, 1);
const SPAN_MS = 2 * 365 * 86_400_000;

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad2 = (n) => (n < 10 ? '0' : '') + n;
export function stamp(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

function uuid(rand) {
  const h = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += ((rand() * 16) | 0).toString(16);
    return s;
  };
  return `${h(8)}-${h(4)}-4${h(3)}-${'89ab'[(rand() * 4) | 0]}${h(3)}-${h(12)}`;
}

/** Chunks of the orders file (header first). */
export function* benchLines(orders, shape) {
  if (!SHAPES.includes(shape)) throw new Error(`unknown id shape ${shape} (${SHAPES.join(', ')})`);
  const rand = mulberry32(0x5eed15 + SHAPES.indexOf(shape));
  const customers = Math.max(1, Math.round(orders / 4));
  const prefChannel = new Uint8Array(customers);
  let acquired = 0;
  let out = `${BENCH_HEADER}\n`;
  const pick = () => {
    let r = rand();
    for (let c = 0; c < CHANNELS.length; c++) if ((r -= CHANNEL_WEIGHTS[c]) < 0) return c;
    return CHANNELS.length - 1;
  };
  for (let i = 0; i < orders; i++) {
    const ms = START + Math.floor(((i + rand()) / orders) * SPAN_MS / 1000) * 1000;
    let cust = '';
    let ch;
    if (rand() < 0.03) ch = pick();
    else {
      // A new customer while fewer have been acquired than the share of time
      // elapsed asks for; otherwise a returning one (recent ones more likely).
      let c;
      if (acquired < customers && (acquired === 0 || rand() < 0.3 || acquired < (customers * i) / orders)) {
        c = acquired++;
        prefChannel[c] = pick();
      } else c = acquired - 1 - Math.floor(acquired * rand() * rand());
      cust = `C${String(c + 1).padStart(7, '0')}`;
      ch = rand() < 0.7 ? prefChannel[c] : pick();
    }
    const id = shape === 'int' ? String(i + 1) : shape === 'hash' ? `#${1001 + i}` : uuid(rand);
    const ret = rand() < 0.02;
    const lines = ret ? 1 : rand() < 0.7 ? 1 : rand() < 0.7 ? 2 : 3;
    const head = `${id},${cust},${stamp(ms)},${CHANNELS[ch]},`;
    for (let l = 0; l < lines; l++) {
      const cents = (ret ? -1 : 1) * (500 + Math.floor(rand() * 15000));
      const r = rand();
      const note = r < 0.01 ? QUOTED[(r * 300) | 0] : r < 0.1 ? NOTES[(r * 80) | 0] : '';
      out += `${head}${(cents / 100).toFixed(2)},${note}\n`;
    }
    if (out.length > 1 << 16) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/** Writes the file; resolves when it is flushed. */
export async function writeBenchOrders(file, orders, shape) {
  const stream = createWriteStream(file);
  for (const chunk of benchLines(orders, shape)) if (!stream.write(chunk)) await once(stream, 'drain');
  stream.end();
  await once(stream, 'finish');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [orders, shape, out] = process.argv.slice(2);
  await writeBenchOrders(out, Number(orders), shape);
}
