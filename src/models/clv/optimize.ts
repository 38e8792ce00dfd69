/**
 * Maximum likelihood without derivatives: Nelder–Mead on the logarithms of the
 * (positive) parameters, restarted from its own optimum until a restart no
 * longer improves (a collapsed simplex is the classic false convergence), and
 * from several starting points; BFGS where the gradient is known; the Hessian
 * from central differences of the gradient for standard errors. No npm package fits: the maintained optimisers (ml-*,
 * fmin, optimization-js) are either unmaintained, gradient-only or lack
 * restarts and convergence reporting, and Nelder–Mead is 60 lines. Pure.
 */

export interface MinimizeResult {
  /** The minimiser (in the space minimised: log-parameters for fitPositive). */
  x: number[];
  /** f(x). */
  value: number;
  /** Function evaluations used. */
  evaluations: number;
  /** Whether the simplex met the tolerances before the evaluation budget ran out. */
  converged: boolean;
}

export interface MinimizeOptions {
  /** Stop when the spread of f over the simplex is below this (absolute + relative to |f|). Default 1e-10. */
  ftol?: number;
  /** … and the simplex's largest edge is below this (log-parameters: relative precision). Default 1e-6. */
  xtol?: number;
  /** Evaluation budget of one run. Default 1500 × dimension. */
  maxEvaluations?: number;
  /** Initial simplex step. Default 0.5. */
  step?: number;
  /** A point the caller will refuse anyway (e.g. at a parameter wall): its run is not restarted, and a second such run ends the search. */
  abandon?: (x: readonly number[]) => boolean;
}

/** One Nelder–Mead run (standard coefficients 1, 2, ½, ½). f may return +∞ or NaN (treated as +∞). */
export function nelderMead(f: (x: number[]) => number, x0: readonly number[], opts: MinimizeOptions = {}): MinimizeResult {
  const n = x0.length;
  const ftol = opts.ftol ?? 1e-10;
  const xtol = opts.xtol ?? 1e-6;
  const max = opts.maxEvaluations ?? 1500 * n;
  const step = opts.step ?? 0.5;
  let evaluations = 0;
  const fx = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] = p[i]! + step;
    pts.push(p);
  }
  let vals = pts.map(fx);
  const combine = (c: number[], w: number[], t: number): number[] => c.map((ci, i) => ci + t * (w[i]! - ci));
  let converged = false;
  while (evaluations < max) {
    const order = vals.map((_, i) => i).sort((i, j) => vals[i]! - vals[j]!);
    const sorted = order.map((i) => pts[i]!);
    vals = order.map((i) => vals[i]!);
    pts.splice(0, pts.length, ...sorted);
    const best = vals[0]!;
    const worst = vals[n]!;
    let size = 0;
    for (let i = 1; i <= n; i++) for (let k = 0; k < n; k++) size = Math.max(size, Math.abs(pts[i]![k]! - pts[0]![k]!));
    if (Number.isFinite(worst) && worst - best <= ftol * (1 + Math.abs(best)) && size <= xtol) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) centroid[k] = centroid[k]! + pts[i]![k]! / n;
    const reflected = combine(centroid, pts[n]!, -1);
    const fr = fx(reflected);
    if (fr < best) {
      const expanded = combine(centroid, pts[n]!, -2);
      const fe = fx(expanded);
      if (fe < fr) [pts[n], vals[n]] = [expanded, fe];
      else [pts[n], vals[n]] = [reflected, fr];
    } else if (fr < vals[n - 1]!) {
      [pts[n], vals[n]] = [reflected, fr];
    } else {
      const outside = fr < worst;
      const contracted = combine(centroid, outside ? reflected : pts[n]!, 0.5);
      const fc = fx(contracted);
      if (fc < (outside ? fr : worst)) [pts[n], vals[n]] = [contracted, fc];
      else {
        for (let i = 1; i <= n; i++) {
          pts[i] = combine(pts[0]!, pts[i]!, 0.5);
          vals[i] = fx(pts[i]!);
        }
      }
    }
  }
  let bi = 0;
  for (let i = 1; i <= n; i++) if (vals[i]! < vals[bi]!) bi = i;
  return { x: pts[bi]!, value: vals[bi]!, evaluations, converged };
}

/**
 * Minimises f from each start, restarting every run from its optimum (fresh
 * simplex) until a restart improves f by less than the tolerance; returns the
 * best. converged = the best run met its tolerances and its last restart
 * confirmed the optimum.
 */
export function minimizeWithRestarts(f: (x: number[]) => number, starts: readonly (readonly number[])[], opts: MinimizeOptions = {}): MinimizeResult {
  let best: MinimizeResult | null = null;
  let evaluations = 0;
  for (const start of starts) {
    let run = nelderMead(f, start, opts);
    evaluations += run.evaluations;
    let confirmed = false;
    const abandoned = opts.abandon?.(run.x) ?? false;
    for (let restart = 0; restart < 8 && Number.isFinite(run.value) && !abandoned; restart++) {
      const again = nelderMead(f, run.x, { ...opts, step: 0.1 });
      evaluations += again.evaluations;
      const improved = run.value - again.value;
      const better = again.value <= run.value ? again : run;
      run = { ...better, converged: again.converged && run.converged };
      if (improved <= 1e-8 * (1 + Math.abs(run.value))) {
        confirmed = true;
        break;
      }
    }
    run = { ...run, converged: run.converged && confirmed };
    const agrees = best !== null && Math.abs(best.value - run.value) <= 1e-6 * (1 + Math.abs(run.value));
    const bothAbandoned = abandoned && best !== null && (opts.abandon?.(best.x) ?? false);
    if (best === null || run.value < best.value) best = run;
    // A converged run confirmed by its restart, two starts that reach the same optimum, or two that
    // both end where the caller refuses: the other starts are not needed.
    if ((run.converged && !abandoned) || agrees || bothAbandoned) break;
  }
  if (best === null) throw new RangeError('minimizeWithRestarts: no starting point');
  return { ...best, evaluations };
}

/** f and its gradient at a point (f may be +∞ or NaN: treated as +∞). */
export type ValueGradient = (x: number[]) => { value: number; gradient: number[] };

/**
 * One BFGS run with a backtracking (Armijo) line search: for smooth f with an
 * analytic gradient, tens of evaluations where Nelder–Mead needs hundreds.
 * Converged when max |∂f/∂x_i| ≤ gtol · (1 + |f|), or when a step can no longer
 * lower f by more than its rounding (1e-12 relative) with the gradient already
 * below 1000 · gtol · (1 + |f|) (sums over a million customers carry rounding
 * of that order). A step never moves a coordinate by more than `maxStep`.
 */
export function bfgs(fg: ValueGradient, x0: readonly number[], opts: { gtol?: number; maxIterations?: number; maxStep?: number } = {}): MinimizeResult {
  const n = x0.length;
  const gtol = opts.gtol ?? 1e-9;
  const maxStep = opts.maxStep ?? 2;
  let evaluations = 0;
  const at = (x: number[]): { value: number; gradient: number[] } => {
    evaluations++;
    const r = fg(x);
    return Number.isFinite(r.value) && r.gradient.every(Number.isFinite) ? r : { value: Infinity, gradient: r.gradient };
  };
  let x = x0.slice();
  let cur = at(x);
  if (!Number.isFinite(cur.value)) return { x, value: Infinity, evaluations, converged: false };
  const identity = (): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let H = identity();
  const small = (g: number[], f: number, k: number): boolean => g.every((v) => Math.abs(v) <= k * gtol * (1 + Math.abs(f)));
  for (let it = 0; it < (opts.maxIterations ?? 200); it++) {
    const g = cur.gradient;
    if (small(g, cur.value, 1)) return { x, value: cur.value, evaluations, converged: true };
    let d = H.map((row) => -row.reduce((s, h, j) => s + h * g[j]!, 0));
    let slope = d.reduce((s, v, i) => s + v * g[i]!, 0);
    if (!(slope < 0)) {
      H = identity();
      d = g.map((v) => -v);
      slope = -g.reduce((s, v) => s + v * v, 0);
    }
    const longest = Math.max(...d.map(Math.abs));
    let t = longest > maxStep ? maxStep / longest : 1;
    let next: { value: number; gradient: number[] } | null = null;
    let xn = x;
    for (let k = 0; k < 50; k++, t /= 2) {
      xn = x.map((v, i) => v + t * d[i]!);
      const trial = at(xn);
      if (trial.value <= cur.value + 1e-4 * t * slope) {
        next = trial;
        break;
      }
    }
    if (next === null) return { x, value: cur.value, evaluations, converged: small(g, cur.value, 1000) };
    // A decrease at f's rounding floor: the gradient is as small as its own rounding lets it be.
    if (cur.value - next.value <= 1e-12 * (1 + Math.abs(cur.value)) && small(next.gradient, next.value, 1000)) {
      return { x: xn, value: next.value, evaluations, converged: true };
    }
    const sv = xn.map((v, i) => v - x[i]!);
    const yv = next.gradient.map((v, i) => v - g[i]!);
    const sy = sv.reduce((s, v, i) => s + v * yv[i]!, 0);
    if (sy > 1e-12 * Math.sqrt(sv.reduce((s, v) => s + v * v, 0) * yv.reduce((s, v) => s + v * v, 0))) {
      if (it === 0) {
        // Scale the first inverse Hessian to the curvature seen (Nocedal & Wright 6.20).
        const scale = sy / yv.reduce((s, v) => s + v * v, 0);
        H = H.map((row) => row.map((h) => h * scale));
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      const Hy = H.map((row) => row.reduce((s, h, j) => s + h * yv[j]!, 0));
      const yHy = yv.reduce((s, v, i) => s + v * Hy[i]!, 0);
      H = H.map((row, i) => row.map((h, j) => h - rho * (sv[i]! * Hy[j]! + Hy[i]! * sv[j]!) + (rho * rho * yHy + rho) * sv[i]! * sv[j]!));
    }
    x = xn;
    cur = next;
  }
  return { x, value: cur.value, evaluations, converged: false };
}

/**
 * BFGS from each start until one converges away from where the caller refuses
 * (`abandon`); two starts that both end where the caller refuses also end the
 * search. Returns the best run; converged = that run converged.
 */
export function minimizeSmooth(fg: ValueGradient, starts: readonly (readonly number[])[], opts: Pick<MinimizeOptions, 'abandon'> = {}): MinimizeResult {
  let best: MinimizeResult | null = null;
  let evaluations = 0;
  let abandonedRuns = 0;
  for (const start of starts) {
    const run = bfgs(fg, start);
    evaluations += run.evaluations;
    const abandoned = opts.abandon?.(run.x) ?? false;
    if (abandoned) abandonedRuns++;
    if (best === null || run.value < best.value) best = run;
    if ((run.converged && !abandoned) || abandonedRuns >= 2) break;
  }
  if (best === null) throw new RangeError('minimizeSmooth: no starting point');
  return { ...best, evaluations };
}

/**
 * The Hessian of f at x by central differences of its gradient, symmetrised:
 * H_ij = (∂_j f(x + h_i) − ∂_j f(x − h_i)) / 2h_i, h_i = relStep · max(|x_i|, 1e-3).
 * Far less rounding than second differences of f (whose error grows as |f|/h²,
 * and an ill-conditioned Hessian's inverse amplifies it).
 */
export function hessianFromGradient(grad: (x: number[]) => readonly number[], x: readonly number[], relStep = 1e-5): number[][] {
  const n = x.length;
  const rows = x.map((v, i) => {
    const h = relStep * Math.max(Math.abs(v), 1e-3);
    const p = x.slice();
    p[i] = v + h;
    const gp = grad(p);
    p[i] = v - h;
    const gm = grad(p);
    return gp.map((g, j) => (g - gm[j]!) / (2 * h));
  });
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (rows[i]![j]! + rows[j]![i]!) / 2));
}

/** Cholesky factor L (lower, A = L Lᵀ) of a symmetric matrix, or null when it is not positive definite. */
export function cholesky(A: readonly (readonly number[])[]): number[][] | null {
  const n = A.length;
  const L: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        if (!(s > 0)) return null;
        L[i]![i] = Math.sqrt(s);
      } else L[i]![j] = s / L[j]![j]!;
    }
  }
  return L;
}

/** The inverse of a positive definite matrix through its Cholesky factor, or null when it is not positive definite. */
export function invertPositiveDefinite(A: readonly (readonly number[])[]): number[][] | null {
  const L = cholesky(A);
  if (L === null) return null;
  const n = A.length;
  const inv: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let col = 0; col < n; col++) {
    // Solve L y = e_col, then Lᵀ x = y.
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let s = i === col ? 1 : 0;
      for (let k = 0; k < i; k++) s -= L[i]![k]! * y[k]!;
      y[i] = s / L[i]![i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i]!;
      for (let k = i + 1; k < n; k++) s -= L[k]![i]! * inv[k]![col]!;
      inv[i]![col] = s / L[i]![i]!;
    }
  }
  return inv;
}
