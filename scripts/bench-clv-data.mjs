// Orders files for the `clv` case of scripts/bench.mjs: the same columns as
// scripts/bench-data.mjs (Order ID,Customer,Order Date,Channel,Total,Note), but
// customers who behave the way BG/NBD + Gamma-Gamma assume, so the fit has an
// optimum to find (the report bench's customers never drop out, and BG/NBD's
// dropout heterogeneity is then not identified: the fit is refused).
//
//   node scripts/bench-clv-data.mjs <orders> <out.csv>
//
// Each customer is acquired uniformly over two years on a channel; purchases
// follow a Poisson process with rate λ ~ Gamma(r, α) per day (r and α differ
// by channel); after each purchase the customer drops out with probability
// p ~ Beta(a, b); each purchase is worth Gamma(6, ν) with ν ~ Gamma(4, 15)
// (Gamma-Gamma, mean 30). ~4 orders per customer; customers are written until
// the file holds the requested number of orders. Deterministic (fixed seed).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { BENCH_HEADER, mulberry32, stamp } from './bench-data.mjs';

const CHANNELS = ['web', 'app', 'email', 'social', 'paid_search', 'store'];
const CHANNEL_WEIGHTS = [0.3, 0.18, 0.12, 0.1, 0.12, 0.18];
/** Per channel: purchase rate Gamma(r, α) (α in days), dropout Beta(a, b). */
const BEHAVIOUR = [
  { r: 1.0, alpha: 40, a: 1.0, b: 4 },
  { r: 1.5, alpha: 45, a: 1.2, b: 5 },
  { r: 0.8, alpha: 30, a: 0.9, b: 3 },
  { r: 0.6, alpha: 50, a: 1.5, b: 3 },
  { r: 1.2, alpha: 60, a: 0.8, b: 4 },
  { r: 2.0, alpha: 70, a: 1.0, b: 6 },
];
const START = Date.UTC(2023, 0, 1);
const SPAN_MS = 2 * 365 * 86_400_000;
const DAY_MS = 86_400_000;

/** Chunks of the orders file (header first). */
export function* clvBenchLines(orders) {
  const rand = mulberry32(0xc1f17);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  // Marsaglia–Tsang Gamma(shape, 1).
  const gamma = (shape) => {
    if (shape < 1) return gamma(shape + 1) * Math.pow(rand(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x;
      let v;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = rand();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const beta = (a, b) => {
    const x = gamma(a);
    return x / (x + gamma(b));
  };
  let out = `${BENCH_HEADER}\n`;
  let written = 0;
  for (let c = 1; written < orders; c++) {
    let r = rand();
    let ch = CHANNELS.length - 1;
    for (let k = 0; k < CHANNELS.length; k++) if ((r -= CHANNEL_WEIGHTS[k]) < 0) {
      ch = k;
      break;
    }
    const m = BEHAVIOUR[ch];
    const lambda = gamma(m.r) / m.alpha;
    const dropout = beta(m.a, m.b);
    const nu = gamma(4) / 15;
    const cust = `C${String(c).padStart(8, '0')}`;
    let t = START + Math.floor(rand() * SPAN_MS);
    while (t < START + SPAN_MS && written < orders) {
      written++;
      const value = Math.max(0.01, gamma(6) / nu);
      out += `${written},${cust},${stamp(t)},${CHANNELS[ch]},${value.toFixed(2)},\n`;
      if (rand() < dropout) break;
      t += Math.floor((-Math.log(1 - rand()) / lambda) * DAY_MS);
    }
    if (out.length > 1 << 16) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/** Writes the file; resolves when it is flushed. */
export async function writeClvBenchOrders(file, orders) {
  const stream = createWriteStream(file);
  for (const chunk of clvBenchLines(orders)) if (!stream.write(chunk)) await once(stream, 'drain');
  stream.end();
  await once(stream, 'finish');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [orders, out] = process.argv.slice(2);
  await writeClvBenchOrders(out, Number(orders));
}
