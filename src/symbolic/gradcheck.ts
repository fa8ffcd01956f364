// A hand-written gradient against mathjs' symbolic derivative, at random points in float64.
import type { Rng } from '../random/rng.js';
import { compileExprs, gradientExprs } from './derivatives.js';

export interface GradientAgreement {
  /** max over points of ‖g_hand − g_sym‖_∞ / max(‖g_sym‖_∞, ‖g_hand‖_∞) (0 if both vanish). */
  maxRelErr: number;
  points: number;
}

/**
 * Compare `gradFn` (writes ∇L(x) into `out`) with the gradient of `lossExpr` obtained by mathjs
 * `derivative`, at `points` random points (standard normal coordinates by default, or `sample`).
 */
export function symbolicGradientAgrees(
  lossExpr: string,
  vars: string[],
  gradFn: (x: Float64Array, out: Float64Array) => void,
  rng: Rng,
  points = 5,
  opts: { sample?: (rng: Rng, dim: number) => Float64Array } = {},
): GradientAgreement {
  const sym = compileExprs(gradientExprs(lossExpr, vars, { simplify: false }), vars);
  const n = vars.length;
  let maxRelErr = 0;
  for (let p = 0; p < points; p++) {
    const x = opts.sample ? opts.sample(rng, n) : rng.normals(n);
    const out = new Float64Array(n);
    gradFn(x, out);
    const g = sym(x);
    let diff = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      diff = Math.max(diff, Math.abs(out[i] - g[i]));
      scale = Math.max(scale, Math.abs(g[i]), Math.abs(out[i]));
    }
    const rel = diff === 0 ? 0 : scale === 0 ? Number.POSITIVE_INFINITY : diff / scale;
    if (!(rel <= maxRelErr)) maxRelErr = Number.isNaN(rel) ? Number.POSITIVE_INFINITY : Math.max(maxRelErr, rel);
  }
  return { maxRelErr, points };
}
