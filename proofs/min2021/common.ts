// Shared pieces of the Min et al. 2021 symbolic proofs: instance shapes, exact rational data
// (W, Φ from Cayley transforms, Σ_x^{1/2} rational diagonal), the symbolic matrices of the model,
// and the mapping of identity-check results to outcomes.
import fc from 'fast-check';
import { fail, pass, type CheckContext, type Outcome, type Tier } from '../../src/core/claim.js';
import { Rng } from '../../src/random/rng.js';
import {
  cayleyOrthogonal,
  constMatrix,
  diagMatrix,
  flatten,
  identitiesHold,
  matMul,
  matSub,
  matSymbols,
  ratCols,
  ratMatrixExprs,
  Rational,
  symDiag,
  symMatrix,
  transpose,
  type ExprMatrix,
  type IdentitiesResult,
  type IdentityOptions,
  type RatMatrix,
} from '../../src/symbolic/index.js';

/** Sizes of one symbolic instance (n ≥ r, D > n as in the paper's regime D > n ≥ r). */
export interface SymInstance {
  r: number;
  m: number;
  h: number;
  n: number;
  D: number;
  seed: number;
}

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/**
 * r, m, h ∈ 1..3 (all regimes h < r, h < m, h ≥ m + r occur), n ∈ {r, r+1} (r = n and r < n),
 * D ∈ {n+1, n+2}. `small` caps the sizes for the claims whose expressions grow fastest.
 */
export function sizesArb(opts: { rMin?: number; rMax?: number; mMax?: number; hMax?: number; sameRM?: boolean } = {}): fc.Arbitrary<SymInstance> {
  const rMax = opts.rMax ?? 3;
  return fc
    .record({
      r: fc.integer({ min: opts.rMin ?? 1, max: rMax }),
      m: fc.integer({ min: 1, max: opts.mMax ?? 3 }),
      h: fc.integer({ min: 1, max: opts.hMax ?? 3 }),
      dn: fc.integer({ min: 0, max: 1 }),
      dD: fc.integer({ min: 1, max: 2 }),
      seed: seedArb,
    })
    .map(({ r, m, h, dn, dD, seed }) => {
      const mm = opts.sameRM ? r : m;
      const n = r + dn;
      return { r, m: mm, h, n, D: n + dD, seed };
    });
}

/** Just a seed (scalar identities). */
export const seedOnlyArb: fc.Arbitrary<{ seed: number }> = fc.record({ seed: seedArb });

/**
 * Random evaluation points per identity. A false polynomial identity of degree d survives one
 * uniformly drawn point of S^k with probability ≤ d/|S| (Schwartz–Zippel); our points are rationals
 * p/q with q ≤ 1000 in [−2, 2], |S| ≈ 1.2·10⁶, and every claim has degree ≤ 8, so even one point
 * bounds the error by ~10⁻⁵; more points multiply independent bounds.
 */
export function pointsFor(tier: Tier): number {
  return tier === 'ci' ? 2 : tier === 'default' ? 3 : 5;
}

export function idOpts(inst: { seed: number }, ctx: CheckContext, extra: IdentityOptions = {}): IdentityOptions {
  return { points: pointsFor(ctx.tier), seed: inst.seed ^ 0x9e3779b1, simplify: false, ...extra };
}

export const SZ_NOTE =
  'Probabilistic proof (Schwartz–Zippel): both sides are polynomials (or rational functions) in the listed symbols; they are evaluated exactly, on bigint rationals, at independent random rational points (denominators ≤ 1000, values in [−2, 2]); a false identity of degree d passes a point with probability ≤ d/|S| ≈ d·10⁻⁶.';

/** Exact rational data in the paper's SVD form (4): X = W Σ_x^{1/2} Φ1ᵀ with orthonormal W, [Φ1 Φ2]. */
export interface ExactData {
  W: RatMatrix; // n×r, WᵀW = I_r
  Phi: RatMatrix; // D×D orthogonal
  Phi1: RatMatrix; // D×r
  Phi2: RatMatrix; // D×(D−r)
  s: Rational[]; // diagonal of Σ_x^{1/2}, positive
  X: RatMatrix; // n×D
}

export function exactData(inst: SymInstance): ExactData {
  const rng = new Rng(inst.seed);
  const W = ratCols(cayleyOrthogonal(rng, inst.n), 0, inst.r);
  const Phi = cayleyOrthogonal(rng, inst.D);
  const Phi1 = ratCols(Phi, 0, inst.r);
  const Phi2 = ratCols(Phi, inst.r, inst.D);
  // Σ_x^{1/2} entries in [1/2, 3] with denominators ≤ 4; generically distinct (Σ_x ≠ multiple of I).
  const s = Array.from({ length: inst.r }, () => new Rational(BigInt(rng.int(2, 12)), BigInt(rng.int(1, 4))));
  const Sx = s.map((v, i) => s.map((_, j) => (i === j ? v : Rational.ZERO)));
  const X = matRat(matRat(W, Sx), transposeRat(Phi1));
  return { W, Phi, Phi1, Phi2, s, X };
}

function transposeRat(a: RatMatrix): RatMatrix {
  return a[0].map((_, j) => a.map((row) => row[j]));
}
function matRat(a: RatMatrix, b: RatMatrix): RatMatrix {
  return a.map((row) => b[0].map((_, j) => row.reduce((acc, v, k) => acc.add(v.mul(b[k][j])), Rational.ZERO).reduced()));
}

/** The exact data as expression matrices. */
export function dataExprs(d: ExactData): { W: ExprMatrix; Phi1: ExprMatrix; Phi2: ExprMatrix; S: ExprMatrix; Sinv: ExprMatrix; Sig: ExprMatrix; X: ExprMatrix } {
  return {
    W: ratMatrixExprs(d.W),
    Phi1: ratMatrixExprs(d.Phi1),
    Phi2: ratMatrixExprs(d.Phi2),
    S: diagMatrix(d.s.map((v) => v.toExpr())),
    Sinv: diagMatrix(d.s.map((v) => Rational.ONE.div(v).toExpr())),
    Sig: diagMatrix(d.s.map((v) => v.mul(v).toExpr())),
    X: ratMatrixExprs(d.X),
  };
}

/**
 * The symbols of the reparametrized flow (7): V (m×h), U1 (r×h) state; P = WᵀY (r×m) and the
 * diagonal S = Σ_x^{1/2} = diag(s_1..s_r) as free constant symbols, so each identity is proved for
 * all data at once, not for one data set.
 */
export function flow7Symbols(inst: Pick<SymInstance, 'r' | 'm' | 'h'>) {
  const V = symMatrix('V', inst.m, inst.h);
  const U1 = symMatrix('U1', inst.r, inst.h);
  const P = symMatrix('P', inst.r, inst.m);
  const S = symDiag('s', inst.r);
  const Sig = matMul(S, S);
  // (6) E = WᵀY − Σ_x^{1/2} U1 Vᵀ
  const E = matSub(P, matMul(matMul(S, U1), transpose(V)));
  // (7) V̇ = Eᵀ Σ_x^{1/2} U1, U̇1 = Σ_x^{1/2} E V
  const Vdot = matMul(matMul(transpose(E), S), U1);
  const U1dot = matMul(matMul(S, E), V);
  const state = [...matSymbols(V), ...matSymbols(U1)];
  const rhs = [...flatten(Vdot), ...flatten(U1dot)];
  const params = [...matSymbols(P), ...Array.from({ length: inst.r }, (_, i) => `s_${i + 1}`)];
  return { V, U1, P, S, Sig, E, Vdot, U1dot, state, rhs, params };
}

/** Named intermediate matrix: returns its symbolic stand-in and the definitions to pass as defs. */
export function defineMatrix(name: string, m: ExprMatrix): { sym: ExprMatrix; defs: [string, string][] } {
  const sym = symMatrix(name, m.length, m[0]?.length ?? 0);
  const defs: [string, string][] = flatten(sym).map((s, k) => [s, flatten(m)[k]]);
  return { sym, defs };
}

/** Matrix identity A = B entry-wise. */
export function matIdentity(a: ExprMatrix, b: ExprMatrix, vars: string[], opts: IdentityOptions): IdentitiesResult {
  if (a.length !== b.length || (a[0]?.length ?? 0) !== (b[0]?.length ?? 0)) {
    throw new Error(`dimension mismatch ${a.length}×${a[0]?.length ?? 0} vs ${b.length}×${b[0]?.length ?? 0}`);
  }
  return identitiesHold(flatten(a), flatten(b), vars, opts);
}

/** Outcome of an identity check: pass iff every entry holds (margin 0), else fail. */
export function identityOutcome(what: string, r: IdentitiesResult | { holds: boolean; detail?: string; maxResidual: number; method: string }): Outcome {
  if (r.holds) return pass(0, `${what}: holds (${r.detail ?? r.method})`);
  return fail(Number.POSITIVE_INFINITY, `${what}: does not hold — ${r.detail ?? ''}`, { maxResidual: r.maxResidual, method: r.method });
}

/**
 * Run a check that may build a dimensionally invalid formula: a dimension mismatch is a finding
 * (the formula cannot be right), reported as a failure rather than a crash.
 */
export function guardDims(what: string, f: () => Outcome): Outcome {
  try {
    return f();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/dimension mismatch|row counts differ|column counts differ|not square/.test(msg)) {
      return fail(Number.POSITIVE_INFINITY, `${what}: dimensionally invalid (${msg})`);
    }
    throw e;
  }
}

export { constMatrix };
