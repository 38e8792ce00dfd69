import { hyp2f1Ladder } from './dist/models/clv/hyp2f1-ladder.js';
const a0=0.79,b0=0.1,r=0.05,z=0.01; const A=a0+b0-1-r,B=a0-1,c0=a0+b0-1;
const xmax=130;
const xs = Float64Array.from({ length: xmax + 1 }, (_, i) => i);
const ids = Int32Array.from({ length: xmax + 1 }, (_, i) => i);
const out = new Float64Array(xmax + 1);
hyp2f1Ladder(A, B, c0, z, xs, ids, 0, xmax + 1, out);
console.log(out.slice(0,4), out.slice(125));
