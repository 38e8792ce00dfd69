/**
 * Small orders files (instants in UTC, with a Z) whose customers behave as BG/NBD assumes (heterogeneous
 * purchase rates and dropout), so the `clv` fit converges on a few hundred
 * customers. Deterministic. `correlated`: a customer's order value grows with
 * their purchase rate (frequency and spend correlated, against Gamma-Gamma's
 * assumption); otherwise values are independent of the rate.
 */
import { mulberry32 } from './prng.js';

export function clvOrdersCsv(opts: { customers: number; correlated?: boolean; seed?: number; hour?: number; value?: (i: number) => string }): string {
  const rand = mulberry32(opts.seed ?? 7);
  const start = Date.UTC(2023, 0, 1);
  const span = 365 * 86_400_000;
  const lines = ['order_id,customer_id,date,channel,revenue'];
  let id = 0;
  for (let c = 0; c < opts.customers; c++) {
    // λ per day: exponential-ish mix (mean ≈ 1/25); dropout p after each purchase ∈ [0.05, 0.6).
    const lambda = (-Math.log(1 - rand()) * rand() * 2) / 25 + 0.002;
    const dropout = 0.05 + 0.55 * rand() * rand();
    const channel = c % 2 === 0 ? 'web' : 'email';
    let t = start + Math.floor(rand() * span * 0.8);
    const hour = opts.hour ?? Math.floor(rand() * 24);
    while (t < start + span) {
      const day = new Date(Math.floor(t / 86_400_000) * 86_400_000 + hour * 3_600_000).toISOString().slice(0, 19) + 'Z';
      const base = opts.correlated ? 10 + 3000 * lambda : 20 + 40 * rand();
      const value = opts.value ? opts.value(id) : (base * (0.8 + 0.4 * rand())).toFixed(2);
      lines.push(`${++id},C${c},${day},${channel},${value}`);
      if (rand() < dropout) break;
      t += Math.ceil((-Math.log(1 - rand()) / lambda) * 86_400_000);
    }
  }
  return lines.join('\n') + '\n';
}
