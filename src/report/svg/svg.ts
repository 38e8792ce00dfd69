/**
 * The few SVG primitives our charts need, written as strings. Our own module
 * rather than a chart library: the charts are small multiples and bars (about
 * 200 lines in all), the output must be byte-identical for the same report, and
 * every number is written with one fixed rounding rule, which a library that
 * measures text or emits ids would not promise.
 */

/** Escapes text for XML/HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : '&#39;'));
}

/**
 * A coordinate with one decimal, never `-0` or an exponent: the one rounding
 * rule of every number written into an SVG.
 * @example coord(12.345) // '12.3'
 */
export function coord(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

/** Attributes as ` key="value"` pairs, in the order given (deterministic). */
export function attrs(a: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    out += ` ${k}="${typeof v === 'number' ? coord(v) : esc(v)}"`;
  }
  return out;
}

export function el(name: string, a: Record<string, string | number | undefined>, body?: string): string {
  return body === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${body}</${name}>`;
}

/**
 * An accessible inline SVG: `role="img"`, a `<title>` (its name) and a `<desc>`
 * (what it shows, in words), referenced by id.
 */
export function svgRoot(id: string, width: number, height: number, title: string, desc: string, body: string, className = 'chart'): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ class: className, id, width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-t ${id}-d` })}>` +
    `<title id="${esc(id)}-t">${esc(title)}</title><desc id="${esc(id)}-d">${esc(desc)}</desc>${body}</svg>`
  );
}

/** Linear scale from [d0, d1] to [r0, r1]; a flat domain maps to the middle. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** A path through the points, broken at nulls (a missing figure is a gap, not a zero). */
export function linePath(points: readonly ({ x: number; y: number } | null)[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${coord(p.x)} ${coord(p.y)}`;
    pen = true;
  }
  return d;
}
