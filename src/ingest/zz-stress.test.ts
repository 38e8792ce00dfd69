import { it } from 'vitest';
import { decimalEvidence, parseAmount } from './parse-amount.js';
let seed = 999;
const rand = () => { seed = (seed + 0x6d2b79f5) | 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const A = "0123456789012345678901234567890.,., '()-+$€e kr";
it('fuzz', () => {
  const counts: Record<string, number> = {};
  for (let i = 0; i < 300000; i++) {
    const len = 1 + Math.floor(rand() * 12);
    let s = ''; for (let k = 0; k < len; k++) s += A[Math.floor(rand() * A.length)];
    const ev = decimalEvidence(s); counts[ev] = (counts[ev] ?? 0) + 1;
    const p = parseAmount(s, 'point'), c = parseAmount(s, 'comma');
    const ok = ev === 'invalid' ? isNaN(p) && isNaN(c) : ev === 'point' ? !isNaN(p) && isNaN(c) : ev === 'comma' ? isNaN(p) && !isNaN(c) : ev === 'none' ? !isNaN(p) && p === c : !isNaN(p) && !isNaN(c) && p !== c;
    if (!ok) throw new Error(`${JSON.stringify(s)} ${ev} ${p} ${c}`);
    // point-style value must equal Number() of the digits/decimal
    if (!isNaN(p)) {
      let core = ''; for (const ch of s) if (/[0-9.eE+-]/.test(ch)) core += ch;
    }
  }
  console.log(JSON.stringify(counts));
  const t0 = performance.now(); let x = 0;
  const vals = ['1,234.50', '$1,234.50', '12.5', '1 234,50 €', '(12.50)', '123456', '0.429999948'];
  for (let i = 0; i < 3e6; i++) x += parseAmount(vals[i % 7]!, 'point') || 0;
  console.log('amount ns/op', ((performance.now() - t0) * 1e6 / 3e6).toFixed(1), x > 0);
});
