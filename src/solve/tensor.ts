// `solve` adapter for Yun et al.'s linear tensor networks f(x) = M(x)∘(v₁,…,v_L) with the squared loss:
// diagonal, circular convolution (filter sizes k_1..k_{L−1}, k_L = d) and fully connected.
// Predictions:
//   YUN-T5 / YUN-C5  diagonal, v_l(0) = w̄ (l < L) with nonzero entries, v_L(0) = 0 → argmin Q_{L,1,w̄}
//   YUN-T5 / YUN-C6  full-length conv, even data, even w̄ with F w̄ nonzero, v_L(0) = 0, with the
//                    corrected factor d^{(L−1)/2} (S = d^{(L−1)/2}Re F)
//   YUN-T6           L = 2, one data point, a_j² − b_j² > 0 → closed-form limit (any network)
//   YUN-T7           deep fc, α → 0: a limit, not testable on one case
// plus the references. The initial scale α of the papers is absorbed into w̄ (α = 1).
import { Matrix, SVD } from 'ml-matrix';
import type { FlowModel } from '../flow/types.js';
import { betaOf, dataTensor, flowRhs, makeNet, outputs, splitParams, type Arch } from '../models/tensorNets.js';
import { gT6, qGradient, solveIncreasing, solveT5, type T5Problem } from '../bias/yunTheory.js';
import { fmtNum, kappa, norm2, notTestable, referencePredictions, residualOf, yunT5Rule, yunT6Rule, type Prepared, type PredictionSpec } from './common.js';
import { lossFactor, type TensorCase } from './types.js';

/** 1-based modulo of the paper (line 98). */
const mod1 = (a: number, d: number): number => a - Math.floor((a - 1) / d) * d;

/** Even vectors (lines 665–669): x_k = x_{(2−k) mod d}, 1-based. Tolerance: rounding of the data. */
function isEven(x: ArrayLike<number>): boolean {
  const d = x.length;
  let scale = 0;
  for (let k = 0; k < d; k++) scale = Math.max(scale, Math.abs(x[k]));
  for (let k = 1; k <= d; k++) if (Math.abs(x[k - 1] - x[mod1(2 - k, d) - 1]) > 1e-12 * scale) return false;
  return true;
}

/** Re F of the unitary DFT, [F]_jk = d^{−1/2} exp(−2πi(j−1)(k−1)/d). */
function reDft(d: number): number[][] {
  return Array.from({ length: d }, (_, j) => Array.from({ length: d }, (_, k) => Math.cos((2 * Math.PI * j * k) / d) / Math.sqrt(d)));
}

const matVec = (A: number[][], x: ArrayLike<number>): number[] => A.map((r) => r.reduce((s, v, k) => s + v * x[k], 0));

export function prepareTensor(c: TensorCase): Prepared {
  const { X, y } = c.data;
  const n = X.length;
  const d = X[0].length;
  const L = c.model.depth;
  const arch: Arch =
    c.model.network === 'diagonal' ? { kind: 'diag', d, L } : c.model.network === 'conv' ? { kind: 'conv', d, ks: [...(c.model.filterSizes as number[]), d] } : { kind: 'fc', dims: [d, ...(c.model.widths as number[])] };
  const net = makeNet(arch, X, y, 'sq');
  const cL = lossFactor(c.loss, n);
  const theta0 = Float64Array.from(c.init.v.flat());
  const model: FlowModel = {
    dim: net.dim,
    lossFloor: 0,
    loss(th) {
      const f = outputs(net, th);
      let s = 0;
      for (let i = 0; i < n; i++) s += (f[i] - y[i]) ** 2;
      return cL * s;
    },
    grad(th, out) {
      // flowRhs is −∇(½Σr²); the gradient of c_L·Σr² is −2c_L times it.
      flowRhs(net, th, out);
      for (let i = 0; i < out.length; i++) out[i] *= -2 * cL;
    },
    // YUN-CQ1: ‖v_l‖² − ‖v_L‖² is conserved for every linear tensor network.
    invariants(th) {
      const vs = splitParams(net.shape, th);
      const nL = norm2(vs[L - 1]) ** 2;
      return Float64Array.from(vs.slice(0, L - 1), (v) => norm2(v) ** 2 - nL);
    },
  };
  const predictor = (th: Float64Array): Float64Array => betaOf(net, th);
  const tau = c.integrator.residualTol * (1 + norm2(y));
  const v = c.init.v;
  const predictions: PredictionSpec[] = [];

  // Common hypotheses of Theorem 5's corollaries: v_1 = … = v_{L−1} = w̄, v_L = 0.
  const t5Init = (): { ok: true } | { ok: false; reason: string; field: string } => {
    for (let l = 1; l < L - 1; l++) {
      const k = v[l].findIndex((x, i) => Math.abs(x - v[0][i]) > 1e-12 * Math.max(Math.abs(x), Math.abs(v[0][i])));
      if (k >= 0) return { ok: false, reason: `needs v_l(0) = αw̄ for every l < L, but init.v[${l}][${k}] = ${v[l][k]} ≠ init.v[0][${k}] = ${v[0][k]}`, field: `init.v[${l}][${k}]` };
    }
    const k = v[L - 1].findIndex((x) => x !== 0);
    if (k >= 0) return { ok: false, reason: `needs the last layer v_L(0) = 0, but init.v[${L - 1}][${k}] = ${v[L - 1][k]}`, field: `init.v[${L - 1}][${k}]` };
    return { ok: true };
  };

  const t5Prediction = (P: T5Problem, toBeta: (rho: number[]) => Float64Array) => () => {
    const sol = solveT5(P);
    if (!sol.converged) throw new Error(`dual Newton did not converge (residual ${fmtNum(sol.residual)})`);
    return { beta: toBeta(sol.rho), note: `dual Newton, ${sol.iterations} iterations` };
  };

  if (c.model.network === 'diagonal') {
    const init = t5Init();
    const zero = v[0].findIndex((x) => x === 0);
    const base = { title: '', applies: false, reason: '', agreement: yunT5Rule } as PredictionSpec;
    const mk = (claim: string, title: string): PredictionSpec => {
      const spec: PredictionSpec = { ...base, claim, title };
      if (!init.ok) Object.assign(spec, { reason: init.reason, field: init.field });
      else if (zero >= 0) Object.assign(spec, { reason: `needs w̄ with nonzero entries ([w̄]_j² ≥ λ > 0), but init.v[0][${zero}] = 0`, field: `init.v[0][${zero}]` });
      else {
        const P: T5Problem = { L, alpha: 1, eta: [...v[0]], A: X, y };
        Object.assign(spec, {
          applies: true,
          reason: `diagonal network (S = I), v_l(0) = w̄ for l < ${L}, v_${L}(0) = 0, min |w̄_j| = ${fmtNum(Math.min(...v[0].map(Math.abs)))}`,
          predict: t5Prediction(P, (rho) => Float64Array.from(rho)),
          kkt: (b: Float64Array) => kappa(X, qGradient(P, b)),
        });
      }
      return spec;
    };
    predictions.push(mk('YUN-C5', `Corollary 5: argmin Σ w̄_j² H_${L}(z_j/|w̄_j|^${L}) s.t. Xz = y`));
    predictions.push(mk('YUN-T5', 'Theorem 5 (Assumption 1 with S = I): minimum-Q interpolant'));
  } else if (c.model.network === 'conv') {
    const full = (c.model.filterSizes as number[]).every((k) => k === d);
    const init = t5Init();
    const mk = (claim: string, title: string): PredictionSpec => {
      const spec: PredictionSpec = { claim, title, applies: false, reason: '', agreement: yunT5Rule };
      const oddRow = X.findIndex((x) => !isEven(x));
      if (!full) Object.assign(spec, { reason: `needs a full-length convolution (every k_l = d = ${d}), but model.filterSizes = [${(c.model.filterSizes as number[]).join(', ')}]`, field: 'model.filterSizes' });
      else if (oddRow >= 0) Object.assign(spec, { reason: `needs even data (x_k = x_{(2−k) mod d}) so that S = d^{(L−1)/2}F acts as a real matrix, but data.X[${oddRow}] is not even`, field: `data.X[${oddRow}]` });
      else if (!init.ok) Object.assign(spec, { reason: init.reason, field: init.field });
      else if (!isEven(v[0])) Object.assign(spec, { reason: 'needs an even w̄ (then F w̄ is real), but init.v[0] is not even', field: 'init.v[0]' });
      else {
        const ReF = reDft(d);
        const eta = matVec(ReF, v[0]);
        const scale = Math.max(...eta.map(Math.abs));
        const j0 = eta.findIndex((e) => Math.abs(e) <= 1e-12 * scale);
        if (j0 >= 0) Object.assign(spec, { reason: `needs [F w̄]_j ≠ 0 for every j, but [F w̄]_${j0} = ${fmtNum(eta[j0])}`, field: 'init.v[0]' });
        else {
          const sc = Math.pow(d, (L - 1) / 2); // the factor the printed Corollary 6 omits (catalog erratum)
          const Se = ReF.map((r) => r.map((x) => sc * x)); // symmetric
          const A = X.map((x) => matVec(Se, x)); // Ã = X Sᵀ
          const P: T5Problem = { L, alpha: 1, eta, A, y };
          Object.assign(spec, {
            applies: true,
            reason: `full-length convolution, even data and even w̄, v_${L}(0) = 0 (with the corrected factor d^{(L−1)/2})`,
            predict: t5Prediction(P, (rho) => Float64Array.from(matVec(Se, rho))),
          });
        }
      }
      return spec;
    };
    predictions.push(mk('YUN-C6', 'Corollary 6 (corrected): full-length conv with even data → minimum-Q interpolant in Fourier space'));
    predictions.push(mk('YUN-T5', 'Theorem 5 (Assumption 1 with S = d^{(L−1)/2}Re F on even data)'));
  } else {
    predictions.push(notTestable('YUN-T5', 'Theorem 5 (orthogonally decomposable networks)', 'fully connected networks do not satisfy Assumption 1 (YUN-A3): no minimum-Q prediction'));
  }

  // YUN-T6: L = 2, one data point, a_j² − b_j² ≥ λ > 0 (any network).
  {
    const spec: PredictionSpec = { claim: 'YUN-T6', title: 'Theorem 6 (L = 2, one data point): closed-form limit for any initialization', applies: false, reason: '', agreement: yunT6Rule };
    if (L !== 2) Object.assign(spec, { reason: `needs depth L = 2, but model.depth = ${L}`, field: 'model.depth' });
    else if (n !== 1) Object.assign(spec, { reason: `needs a single data point, but data.X has n = ${n} rows`, field: 'data.X' });
    else {
      const T = dataTensor(arch, X[0]);
      const [k1, k2] = T.shape;
      const M = new Matrix(Array.from({ length: k1 }, (_, i) => Array.from(T.data.subarray(i * k2, (i + 1) * k2))));
      const svd = new SVD(M, { autoTranspose: true });
      const sAll = svd.diagonal;
      const smax = Math.max(...sAll);
      const keep = sAll.map((s, j) => [s, j] as const).filter(([s]) => s > 1e-12 * smax);
      const U1 = keep.map(([, j]) => svd.leftSingularVectors.getColumn(j));
      const U2 = keep.map(([, j]) => svd.rightSingularVectors.getColumn(j));
      const s = keep.map(([sv]) => sv);
      const dot = (p: number[], q: ArrayLike<number>) => p.reduce((acc, x, i) => acc + x * q[i], 0);
      const a = U1.map((u) => dot(u, v[0]));
      const b = U2.map((u) => dot(u, v[1]));
      const lam = Math.min(...a.map((aj, j) => aj * aj - b[j] * b[j]));
      if (!(lam > 0)) Object.assign(spec, { reason: `needs a_j² − b_j² ≥ λ > 0 for every singular pair of M(x) (a = U₁ᵀv̄₁, b = U₂ᵀv̄₂), but min_j(a_j² − b_j²) = ${fmtNum(lam)}`, field: 'init.v' });
      else {
        Object.assign(spec, {
          applies: true,
          reason: `L = 2, one data point, min_j(a_j² − b_j²) = ${fmtNum(lam)} > 0`,
          predict: () => {
            const nu = solveIncreasing((t) => gT6(s, a, b, t), y[0]); // α = 1: ν* = g⁻¹(y)
            const proj = (Us: number[][], w: ArrayLike<number>, coef: number[]) => {
              const out = Float64Array.from(w);
              Us.forEach((u, j) => {
                const cj = dot(u, w);
                for (let i = 0; i < out.length; i++) out[i] += (coef[j] - cj) * u[i];
              });
              return out;
            };
            const v1 = proj(U1, v[0], a.map((aj, j) => aj * Math.cosh(nu * s[j]) + b[j] * Math.sinh(nu * s[j])));
            const v2 = proj(U2, v[1], a.map((aj, j) => aj * Math.sinh(nu * s[j]) + b[j] * Math.cosh(nu * s[j])));
            return { beta: betaOf(net, Float64Array.from([...v1, ...v2])), note: `ν* = ${fmtNum(nu)}` };
          },
        });
      }
    }
    predictions.push(spec);
  }

  if (c.model.network === 'fc') {
    predictions.push(notTestable('YUN-T7', 'Theorem 7: deep fc, α → 0 → minimum-ℓ2', 'a limit over initial scales α → 0: one case cannot test it (compare the min-ℓ2 reference; run `biascheck verify --claim YUN-T7`)'));
  }
  predictions.push(...referencePredictions(X, y));

  return {
    info: { family: 'tensor', network: c.model.network, depth: L, n, d, layerSizes: net.shape, predictor: 'β_k = M(e_k)∘(v₁,…,v_L)', invariants: '‖v_l‖² − ‖v_L‖² (YUN-CQ1)' },
    model,
    theta0,
    predictor,
    residualNorm: (th) => norm2(residualOf(X, predictor(th), y)),
    residualThreshold: tau,
    lossTol: cL * tau * tau,
    predictions,
  };
}
