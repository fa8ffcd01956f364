// Round-4 mutation tests (docs/mutation.md, "round 4"): src/bias/yunKkt.ts, src/bias/yunLP.ts, and more below.
// Every expectation comes from an independent oracle written here: brute-force enumeration (NNLS active sets,
// LP vertices), closed forms (one-column least squares, angles between vectors), points built to satisfy the
// KKT system with chosen multipliers, and invariances. Nothing is compared with the function's own output.
import { describe, expect, it } from 'vitest';
import { Matrix, solve } from 'ml-matrix';
import { Rng } from '../src/random/rng.js';
import { absC, alignmentResidual, coefVar, flowMultiplierResidual, kktResidual, nnls, realC, type Cvec } from '../src/bias/yunKkt.js';
import { weightedL1, weightedMaxMarginL1, weightedMinL1Interp } from '../src/bias/yunLP.js';

const sq = (v: number[]) => v.reduce((s, x) => s + x * x, 0);
const nrm = (v: number[]) => Math.sqrt(sq(v));
const dotp = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

/** Least squares on the columns S by the normal equations (ml-matrix LU); null if singular. */
function lsOn(A: number[][], b: number[], S: number[]): number[] | null {
  if (S.length === 0) return [];
  const B = new Matrix(A.map((r) => S.map((j) => r[j])));
  const G = B.transpose().mmul(B);
  const rhs = B.transpose().mmul(Matrix.columnVector(b));
  try {
    const z = solve(G, rhs).to1DArray();
    return z.every(Number.isFinite) ? z : null;
  } catch {
    return null;
  }
}
const resOf = (A: number[][], b: number[], x: number[]) => nrm(b.map((bi, i) => bi - dotp(A[i], x)));

/** NNLS by enumerating every support: the best residual among supports whose LS solution is ≥ 0. */
function nnlsBrute(A: number[][], b: number[]): { x: number[]; residual: number } {
  const c = A[0].length;
  let best = { x: new Array<number>(c).fill(0), residual: nrm(b) };
  for (let mask = 1; mask < 1 << c; mask++) {
    const S = [...Array(c).keys()].filter((j) => mask & (1 << j));
    const z = lsOn(A, b, S);
    if (!z || z.some((v) => v < 0)) continue;
    const x = new Array<number>(c).fill(0);
    S.forEach((j, k) => (x[j] = z[k]));
    const r = resOf(A, b, x);
    if (r < best.residual - 1e-13) best = { x, residual: r };
  }
  return best;
}

describe('yunKkt: nnls against brute-force support enumeration', () => {
  it('random full-rank problems (tall, square, wide-ish): same minimiser and residual', () => {
    const rng = new Rng(4401);
    for (let t = 0; t < 60; t++) {
      const r = 3 + (t % 4);
      const c = 2 + (t % 3);
      const A = Array.from({ length: r }, () => Array.from({ length: c }, () => rng.normal()));
      const b = Array.from({ length: r }, () => rng.normal() * 2);
      const ref = nnlsBrute(A, b);
      const got = nnls(A, b);
      expect(got.residual).toBeCloseTo(ref.residual, 10);
      expect(Math.abs(got.residual - resOf(A, b, got.x))).toBeLessThan(1e-12);
      got.x.forEach((v, j) => {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(Math.abs(v - ref.x[j])).toBeLessThan(1e-8 * (1 + Math.abs(ref.x[j])));
      });
    }
  });
  it('a problem whose unconstrained LS step leaves the orthant (the inner interpolation step decides)', () => {
    // columns nearly parallel: adding the second makes the first negative in the LS solution
    const A = [[1, 1], [1, 1.2], [0, 0.1]];
    const b = [1, 0.5, 0];
    const ref = nnlsBrute(A, b);
    const got = nnls(A, b);
    expect(ref.x[1]).toBe(0); // the oracle's support
    expect(got.x[0]).toBeCloseTo(ref.x[0], 12);
    expect(got.x[1]).toBe(0);
    expect(got.residual).toBeCloseTo(ref.residual, 12);
    // random instances with strongly correlated columns, where such steps are frequent
    const rng = new Rng(4402);
    for (let t = 0; t < 40; t++) {
      const base = Array.from({ length: 5 }, () => rng.normal());
      const A2 = base.map((v) => [v, v + 0.3 * rng.normal(), v + 0.3 * rng.normal(), -v + 0.5 * rng.normal()]);
      const b2 = Array.from({ length: 5 }, () => rng.normal());
      const ref2 = nnlsBrute(A2, b2);
      const got2 = nnls(A2, b2);
      expect(got2.residual).toBeCloseTo(ref2.residual, 9);
      got2.x.forEach((v, j) => expect(Math.abs(v - ref2.x[j])).toBeLessThan(1e-7 * (1 + Math.abs(ref2.x[j]))));
    }
  });
  it('orthonormal columns: x = max(0, Aᵀb), and the iteration count is the number of positive entries', () => {
    // A = I_4 (one outer iteration adds one column; none is ever removed)
    const I = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]];
    const b = [3, -1, 0.5, 2];
    const got = nnls(I, b);
    expect(got.x).toEqual([3, 0, 0.5, 2]);
    expect(got.iterations).toBe(3);
    expect(got.residual).toBeCloseTo(1, 14);
    // order of additions: largest dual first; the maxIter cap stops after k additions
    const one = nnls(I, b, 1);
    expect(one.x).toEqual([3, 0, 0, 0]);
    expect(one.iterations).toBe(1);
    expect(one.residual).toBeCloseTo(Math.sqrt(1 + 0.25 + 4), 14);
    const two = nnls(I, b, 2);
    expect(two.x).toEqual([3, 0, 0, 2]);
    const none = nnls(I, b, 0);
    expect(none.x).toEqual([0, 0, 0, 0]);
    expect(none.iterations).toBe(0);
    expect(none.residual).toBeCloseTo(nrm(b), 14);
    // all entries ≤ 0: nothing is added
    const neg = nnls(I, [-1, -2, 0, -0.5]);
    expect(neg.x).toEqual([0, 0, 0, 0]);
    expect(neg.iterations).toBe(0);
  });
  it('the dual threshold 10·ε·max(1, r, c)·max|A|·max|b| (ε = 2.22e-16): entries below it are not added', () => {
    // A = I_2 ⇒ w = b; threshold = 10·2.22e-16·2·1·1 = 4.44e-15
    const below = nnls([[1, 0], [0, 1]], [1, 4.3e-15]);
    expect(below.x).toEqual([1, 0]);
    const above = nnls([[1, 0], [0, 1]], [1, 4.6e-15]);
    expect(above.x[1]).toBe(4.6e-15);
    // the scale factors: max|A| = 8, max|b| = 1 ⇒ threshold = 10·2.22e-16·2·8·1 = 3.552e-14 for w_2 = 8·b_2
    const A8 = [[8, 0], [0, 8]];
    expect(nnls(A8, [1, 4.3e-15]).x[1]).toBe(0); // w_2 = 3.44e-14 < 3.552e-14
    expect(nnls(A8, [1, 4.6e-15]).x[1]).toBeCloseTo(4.6e-15 / 8, 28); // w_2 = 3.68e-14 above
    // max(1, r, c) with r = 3 rows: threshold 10·2.22e-16·3 = 6.66e-15
    const A3 = [[1, 0], [0, 1], [0, 0]];
    expect(nnls(A3, [1, 6.5e-15, 0]).x[1]).toBe(0);
    expect(nnls(A3, [1, 6.8e-15, 0]).x[1]).toBe(6.8e-15);
    // tiny data is not thresholded away (scales are relative): b = 1e-200·(1, 0.5)
    const tiny = nnls([[1, 0], [0, 1]], [1e-200, 5e-201]);
    expect(tiny.x).toEqual([1e-200, 5e-201]);
  });
  it('degenerate inputs: no rows; a zero column; duplicate columns', () => {
    const e = nnls([], []);
    expect(e.x).toEqual([]);
    expect(e.residual).toBe(0);
    const z = nnls([[0, 1], [0, 1]], [2, 2]);
    expect(z.x[0]).toBe(0);
    expect(z.x[1]).toBeCloseTo(2, 14);
    expect(z.residual).toBeCloseTo(0, 14);
    // duplicate columns: the minimum residual is unique, the split is not
    const d = nnls([[1, 1, 0], [2, 2, 0], [0, 0, 1]], [1, 2, 3]);
    expect(d.residual).toBeLessThan(1e-13);
    expect(d.x[0] + d.x[1]).toBeCloseTo(1, 12);
    expect(d.x[2]).toBeCloseTo(3, 12);
  });
});

// ---------------------------------------------------------------------------------------------------
// kktResidual: points built to satisfy the KKT system with chosen multipliers, and closed forms for one
// active constraint (NNLS with one column: μ = max(0, ⟨r, h⟩/‖r‖²)).

const cabs = (re: number, im: number) => Math.hypot(re, im);
function randC(rng: Rng, m: number, complex: boolean): Cvec {
  return { re: Array.from({ length: m }, () => rng.normal()), im: Array.from({ length: m }, () => (complex ? rng.normal() : 0)) };
}
const cdotRe = (a: Cvec, q: Cvec) => a.re.reduce((s, v, j) => s + v * q.re[j] + a.im[j] * q.im[j], 0);

/** One-constraint oracle: rel over all nonzero j (scaled rows) and relJ on J (unscaled rows). */
function oneConstraintOracle(q: Cvec, margin: number, a: Cvec, pg: number, J: number[]) {
  const qn = { re: q.re.map((v) => v / margin), im: q.im.map((v) => v / margin) };
  const rows: number[] = [];
  const rhs: number[] = [];
  const rowsJ: number[] = [];
  const rhsJ: number[] = [];
  for (let j = 0; j < q.re.length; j++) {
    const m = cabs(qn.re[j], qn.im[j]);
    if (m === 0) continue;
    // pg|q|^{pg} e^{iφ} and |q| a_j
    const mag = pg * m ** pg;
    rhs.push((mag * qn.re[j]) / m, (mag * qn.im[j]) / m);
    rows.push(m * a.re[j], m * a.im[j]);
    if (J.includes(j)) {
      const magJ = pg * m ** (pg - 1);
      rhsJ.push((magJ * qn.re[j]) / m, (magJ * qn.im[j]) / m);
      rowsJ.push(a.re[j], a.im[j]);
    }
  }
  const lsFit = (r: number[], h: number[]) => {
    const mu = Math.max(0, dotp(r, h) / sq(r));
    const hn = nrm(h);
    return { mu, rel: hn > 0 ? nrm(h.map((v, k) => v - mu * r[k])) / hn : 0 };
  };
  return { s: lsFit(rows, rhs), J: lsFit(rowsJ, rhsJ) };
}

describe('yunKkt: kktResidual', () => {
  it('one active constraint, random complex points: rel, relJ, μ equal the one-column closed form', () => {
    const rng = new Rng(4410);
    for (let t = 0; t < 40; t++) {
      const m = 3 + (t % 4);
      const L = [2, 3, 4, 2.5][t % 4];
      const complex = t % 2 === 1;
      const gradient = t % 5 === 0 ? 'l1' : 'lp';
      const pg = gradient === 'l1' ? 1 : 2 / L;
      const q = randC(rng, m, complex);
      if (t % 3 === 0) {
        q.re[1] = 0;
        q.im[1] = 0; // a zero coordinate: skipped
      }
      const a = randC(rng, m, complex);
      let margin = cdotRe(a, q);
      if (margin < 0) {
        a.re = a.re.map((v) => -v);
        a.im = a.im.map((v) => -v);
        margin = -margin;
      }
      // a second, inactive constraint (normalised margin 3 > 1 + ε)
      const a2 = randC(rng, m, complex);
      const deltaSupport = [1e-3, 0.3, 0.6][t % 3];
      const r = kktResidual(q, [margin, 3 * margin], [a, a2], { L, epsActive: 0.5, deltaSupport, gradient: gradient as 'l1' | 'lp' });
      const mods = absC(q).map((v) => v / margin);
      const mx = Math.max(...mods);
      const J = mods.map((v, j) => (v >= deltaSupport * mx ? j : -1)).filter((j) => j >= 0);
      expect(r.support).toEqual(J);
      expect(r.active).toEqual([0]);
      const o = oneConstraintOracle(q, margin, a, pg, J);
      expect(r.rel).toBeCloseTo(o.s.rel, 10);
      expect(r.relJ).toBeCloseTo(o.J.rel, 10);
      expect(r.mu[0]).toBeCloseTo(o.s.mu, 10);
      expect(r.mu[1]).toBe(0);
      r.qn.re.forEach((v, j) => expect(v).toBeCloseTo(q.re[j] / margin, 12));
      r.qn.im.forEach((v, j) => expect(v).toBeCloseTo(q.im[j] / margin, 12));
      // off-support: |μ_J a_j| / pg for j ∉ J when |J| ≥ |A| = 1
      const off = q.re.map((_, j) => (J.includes(j) ? 0 : (o.J.mu * cabs(a.re[j], a.im[j])) / pg));
      expect(r.offSupport).toBeCloseTo(Math.max(0, ...off), 10);
    }
  });
  it('a point built to satisfy the KKT system with chosen multipliers μ = (0.4, 0.6)·S is exactly stationary', () => {
    const rng = new Rng(4411);
    for (const L of [2, 3, 5]) {
      const p = 2 / L;
      const m = 5;
      // normalised point q̃ with a zero coordinate (index 4)
      const qt = [0.8, -0.3, 1.7, -1.1, 0];
      const g = qt.map((v) => (v === 0 ? 0 : p * Math.abs(v) ** (p - 1) * Math.sign(v)));
      const S = dotp(g, qt); // = p Σ|q̃|^p
      const mu = [0.4 * S, 0.6 * S];
      // a1 random with a1ᵀq̃ = 1, a2 = (g − μ1 a1)/μ2 ⇒ a2ᵀq̃ = (S − μ1)/μ2 = 1; off-support entries of a free
      const r0 = Array.from({ length: m }, () => rng.normal());
      const k = (1 - dotp(r0, qt)) / sq(qt);
      const a1 = r0.map((v, j) => v + k * qt[j]);
      const a2 = g.map((gj, j) => (gj - mu[0] * a1[j]) / mu[1]);
      a2[4] = 0.25; // free (q̃_4 = 0)
      a1[4] = -0.5;
      const a3 = Array.from({ length: m }, () => rng.normal()); // made inactive below
      const scale = 2.5;
      const q = qt.map((v) => scale * v);
      const margins = [dotp(a1, q), dotp(a2, q), 0];
      margins[2] = 2 * scale; // a3's margin is given explicitly (normalised 2: inactive)
      expect(margins[0]).toBeCloseTo(scale, 12);
      expect(margins[1]).toBeCloseTo(scale, 12);
      const res = kktResidual(realC(q), margins, [realC(a1), realC(a2), realC(a3)], { L, epsActive: 1e-6, deltaSupport: 1e-3 });
      expect(res.active).toEqual([0, 1]);
      expect(res.support).toEqual([0, 1, 2, 3]);
      expect(res.rel).toBeLessThan(1e-12);
      expect(res.relJ).toBeLessThan(1e-12);
      expect(res.mu[0]).toBeCloseTo(mu[0], 10);
      expect(res.mu[1]).toBeCloseTo(mu[1], 10);
      expect(res.mu[2]).toBe(0);
      // off the support (j = 4): |μ1 a1_4 + μ2 a2_4| / p
      expect(res.offSupport).toBeCloseTo(Math.abs(mu[0] * -0.5 + mu[1] * 0.25) / p, 10);
      // the ℓ1 gradient (pg = 1) is not satisfied by these multipliers unless p = 1
      if (L !== 2) expect(kktResidual(realC(q), margins, [realC(a1), realC(a2), realC(a3)], { L, epsActive: 1e-6, deltaSupport: 1e-3, gradient: 'l1' }).rel).toBeGreaterThan(1e-3);
    }
  });
  it('active set: normalised margin ≤ 1 + ε inclusive, or unnormalised gap ≤ gapActive inclusive', () => {
    const q = realC([1, 1]);
    const a = [realC([1, 0]), realC([0, 1]), realC([1, 1]), realC([2, 1])];
    const margins = [4, 5, 6, 5.5];
    const opt = (epsActive: number, gapActive?: number) => kktResidual(q, margins, a, { L: 2, epsActive, deltaSupport: 1e-3, gapActive }).active;
    expect(opt(0.25)).toEqual([0, 1]); // 5/4 = 1.25 ≤ 1 + 0.25
    expect(opt(0.2)).toEqual([0]);
    expect(opt(0.5)).toEqual([0, 1, 2, 3]); // 6/4 = 1.5
    expect(opt(0, 1.5)).toEqual([0, 1, 3]); // gaps 0, 1, 2, 1.5
    expect(opt(0, 1)).toEqual([0, 1]);
    expect(opt(0, 0.99)).toEqual([0]);
    expect(opt(0)).toEqual([0]);
  });
  it('support: |q̃_j| ≥ δ·max inclusive; off-support bound is 0 when |J| < |A| or J is everything', () => {
    const q = realC([4, 1, 2, 0]);
    const a = [realC([0.25, 0, 0, 1]), realC([0, 1, 0, 1])];
    const r = kktResidual(q, [1, 1], a, { L: 2, epsActive: 0, deltaSupport: 0.25 });
    expect(r.support).toEqual([0, 1, 2]);
    expect(kktResidual(q, [1, 1], a, { L: 2, epsActive: 0, deltaSupport: 0.2500001 }).support).toEqual([0, 2]);
    // |J| = 1 < |A| = 2: not assessed
    const r1 = kktResidual(q, [1, 1], a, { L: 2, epsActive: 0, deltaSupport: 0.9 });
    expect(r1.support).toEqual([0]);
    expect(r1.offSupport).toBe(0);
    // J = everything (no zero coordinate, δ tiny): 0
    const r2 = kktResidual(realC([4, 1, 2]), [1], [realC([0.25, 1, 1])], { L: 2, epsActive: 0, deltaSupport: 1e-9 });
    expect(r2.support).toEqual([0, 1, 2]);
    expect(r2.offSupport).toBe(0);
    // |J| = |A| = 1 is assessed (one constraint a = (1, 3) at the ℓ1 vertex (1, 0): |μ a_2| = 3)
    const r3 = kktResidual(realC([1, 0]), [1], [realC([1, 3])], { L: 2, epsActive: 0, deltaSupport: 1e-3 });
    expect(r3.offSupport).toBeCloseTo(3, 12);
  });
  it('q = 0 with a given positive margin: the scaled residual has no terms and is 0', () => {
    expect(kktResidual(realC([0, 0]), [1], [realC([1, 2])], { L: 3, epsActive: 0, deltaSupport: 0.1 }).rel).toBe(0);
  });
  it('rejects a point that does not separate the data (min margin ≤ 0)', () => {
    const a = [realC([1, 0])];
    expect(() => kktResidual(realC([1, 0]), [0], a, { L: 2, epsActive: 0, deltaSupport: 0 })).toThrow(/separate/);
    expect(() => kktResidual(realC([1, 0]), [-1, 2], [...a, ...a], { L: 2, epsActive: 0, deltaSupport: 0 })).toThrow(/separate/);
    expect(() => kktResidual(realC([1, 0]), [Number.NaN], a, { L: 2, epsActive: 0, deltaSupport: 0 })).toThrow(/separate/);
    expect(() => kktResidual(realC([1, 0]), [1e-300], a, { L: 2, epsActive: 0, deltaSupport: 0 })).not.toThrow();
  });
  it('invariant under a common permutation of the coordinates of q and every a_i, and under q → sq (margins → s·margins)', () => {
    const rng = new Rng(4412);
    const q = randC(rng, 5, true);
    const a = [randC(rng, 5, true), randC(rng, 5, true)];
    const margins = [cdotRe(a[0], q), cdotRe(a[1], q)].map(Math.abs);
    const opts = { L: 3, epsActive: 10, deltaSupport: 0.1 };
    const base = kktResidual(q, margins, a, opts);
    const perm = [3, 0, 4, 1, 2];
    const P = (v: Cvec): Cvec => ({ re: perm.map((k) => v.re[k]), im: perm.map((k) => v.im[k]) });
    const rp = kktResidual(P(q), margins, a.map(P), opts);
    expect(rp.rel).toBeCloseTo(base.rel, 12);
    expect(rp.relJ).toBeCloseTo(base.relJ, 12);
    expect(rp.offSupport).toBeCloseTo(base.offSupport, 12);
    const s = 7.5;
    const rs = kktResidual({ re: q.re.map((v) => s * v), im: q.im.map((v) => s * v) }, margins.map((v) => s * v), a, opts);
    expect(rs.rel).toBeCloseTo(base.rel, 12);
    expect(rs.mu[0]).toBeCloseTo(base.mu[0], 10);
  });
});

describe('yunKkt: alignmentResidual, coefVar, flowMultiplierResidual, absC', () => {
  // alignmentResidual = tan of the angle between t = |u|⊙|q| and w = |q|^pe (projection residual / projection)
  const tanAngle = (t: number[], w: number[]) => {
    const c = dotp(t, w);
    return Math.sqrt(Math.max(0, sq(t) * sq(w) - c * c)) / c;
  };
  it('alignmentResidual is tan∠(|u|⊙|q|, |q|^pe), scale- and permutation-invariant', () => {
    const rng = new Rng(4420);
    for (let t = 0; t < 20; t++) {
      const u = randC(rng, 4, t % 2 === 0);
      const q = randC(rng, 4, t % 3 === 0);
      const pe = [2 / 3, 1, 0.5, 2][t % 4];
      const au = absC(u);
      const aq = q.re.map((v, j) => Math.hypot(v, q.im[j]));
      const want = tanAngle(au.map((v, j) => v * aq[j]), aq.map((v) => v ** pe));
      expect(alignmentResidual(u, q, pe)).toBeCloseTo(want, 10);
      const sc = (v: Cvec, s: number): Cvec => ({ re: v.re.map((x) => s * x), im: v.im.map((x) => s * x) });
      expect(alignmentResidual(sc(u, 3), sc(q, 0.2), pe)).toBeCloseTo(want, 10);
    }
    // exactly aligned: |u_j| = 2|q_j|^{pe−1}
    const q = realC([2, 0.5, 3]);
    const u = { re: [2 * 2 ** -0.5, 0, -2 * 3 ** -0.5], im: [0, 2 * 0.5 ** -0.5, 0] };
    expect(alignmentResidual(u, q, 0.5)).toBeLessThan(1e-15);
  });
  it('absC is the modulus; realC has zero imaginary part', () => {
    expect(absC({ re: [3, 0, -5], im: [4, -2, 12] })).toEqual([5, 2, 13]);
    expect(realC(Float64Array.of(1, -2))).toEqual({ re: [1, -2], im: [0, 0] });
  });
  it('coefVar: population sd / |mean|; 0 for fewer than two values', () => {
    expect(coefVar([1, 3])).toBeCloseTo(0.5, 15);
    expect(coefVar([-1, -3])).toBeCloseTo(0.5, 15);
    expect(coefVar([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(1.25) / 2.5, 15);
    expect(coefVar([2, 2, 2])).toBe(0);
    expect(coefVar([7])).toBe(0);
    expect(coefVar([])).toBe(0);
  });
  // flowMultiplierResidual = min_{κ ≥ 0} ‖r − κg‖/‖r‖ = sin∠(r, g) if ⟨r, g⟩ > 0, else 1
  function fmrOracle(q: Cvec, w: number[], a: Cvec[], pg: number): number {
    const r: number[] = [];
    const g: number[] = [];
    q.re.forEach((qr, j) => {
      const m = Math.hypot(qr, q.im[j]);
      if (m === 0) return;
      r.push(pg * m ** (pg - 1) * qr, pg * m ** (pg - 1) * q.im[j]);
      g.push(m * a.reduce((s, ai, i) => s + w[i] * ai.re[j], 0), m * a.reduce((s, ai, i) => s + w[i] * ai.im[j], 0));
    });
    const c = dotp(r, g);
    if (sq(r) === 0) return 0;
    if (!(c > 0) || sq(g) === 0) return 1;
    return Math.sqrt(Math.max(0, 1 - (c * c) / (sq(r) * sq(g))));
  }
  it('flowMultiplierResidual is sin∠(r, g) for ⟨r, g⟩ > 0 and 1 otherwise; invariant under q → sq', () => {
    const rng = new Rng(4421);
    for (let t = 0; t < 30; t++) {
      const m = 4;
      const q = randC(rng, m, t % 2 === 0);
      if (t % 4 === 1) {
        q.re[2] = 0;
        q.im[2] = 0;
      }
      const a = [randC(rng, m, t % 2 === 0), randC(rng, m, t % 2 === 0)];
      const w = [rng.uniform(), rng.uniform()];
      const pg = [2 / 3, 1, 0.4][t % 3];
      const want = fmrOracle(q, w, a, pg);
      expect(flowMultiplierResidual(q, w, a, pg)).toBeCloseTo(want, 10);
      const s = 0.3;
      expect(flowMultiplierResidual({ re: q.re.map((v) => s * v), im: q.im.map((v) => s * v) }, w, a, pg)).toBeCloseTo(want, 10);
    }
    // anti-aligned: κ clamps at 0 ⇒ 1; zero weights ⇒ 1; q = 0 ⇒ 0; exactly aligned ⇒ 0
    const q = realC([1, 2]);
    expect(flowMultiplierResidual(q, [1], [realC([-1, -1])], 1)).toBe(1);
    expect(flowMultiplierResidual(q, [0], [realC([1, 1])], 1)).toBe(1);
    expect(flowMultiplierResidual(realC([0, 0]), [1], [realC([1, 1])], 1)).toBe(0);
    // pg = 1: r_j = q_j, g_j = |q_j|·w·a_j ⇒ aligned when a_j = sign q_j (times a positive weight)
    expect(flowMultiplierResidual(realC([1, -2]), [0.7], [realC([1, -1])], 1)).toBeLessThan(1e-15);
    expect(flowMultiplierResidual(realC([1, -2]), [0.7], [realC([1, -0.5])], 1)).toBeCloseTo(fmrOracle(realC([1, -2]), [0.7], [realC([1, -0.5])], 1), 12);
  });
});

// ---------------------------------------------------------------------------------------------------
// yunLP: weighted ℓ1 LPs against vertex enumeration. An optimum of min Σc|ρ| s.t. Aρ = y (c > 0) is attained
// at a basic solution: support S with A_S of full column rank, |S| ≤ rank A; for Mz ≥ 1 at a z supported on S
// with |S| tight rows T, M_{T,S} nonsingular. Enumerate all of them and keep the best feasible cost.

function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const rec = (start: number, cur: number[]) => {
    if (cur.length === k) return void out.push(cur.slice());
    for (let i = start; i < n; i++) rec(i + 1, [...cur, i]);
  };
  rec(0, []);
  return out;
}
function solveSquare(M: number[][], b: number[]): number[] | null {
  try {
    const x = solve(new Matrix(M), Matrix.columnVector(b)).to1DArray();
    return x.every(Number.isFinite) && resOf(M, b, x) < 1e-9 * (1 + nrm(b)) ? x : null;
  } catch {
    return null;
  }
}
function interpBrute(A: number[][], y: number[], c: number[]): number {
  const n = A.length;
  const m = c.length;
  let best = Infinity;
  for (let k = 0; k <= Math.min(n, m); k++)
    for (const S of subsets(m, k)) {
      // LS on S, feasible if the equations hold
      const z = lsOn(A, y, S);
      if (!z) continue;
      const x = new Array<number>(m).fill(0);
      S.forEach((j, i) => (x[j] = z[i]));
      if (resOf(A, y, x) > 1e-9 * (1 + nrm(y))) continue;
      best = Math.min(best, x.reduce((s, v, j) => s + c[j] * Math.abs(v), 0));
    }
  return best;
}
function marginBrute(M: number[][], c: number[]): number {
  const n = M.length;
  const m = c.length;
  let best = Infinity;
  for (let k = 1; k <= Math.min(n, m); k++)
    for (const S of subsets(m, k))
      for (const T of subsets(n, k)) {
        const zS = solveSquare(T.map((i) => S.map((j) => M[i][j])), T.map(() => 1));
        if (!zS) continue;
        const z = new Array<number>(m).fill(0);
        S.forEach((j, i) => (z[j] = zS[i]));
        if (M.some((row) => dotp(row, z) < 1 - 1e-9)) continue;
        best = Math.min(best, z.reduce((s, v, j) => s + c[j] * Math.abs(v), 0));
      }
  return best;
}

describe('yunLP: weighted ℓ1 programs against vertex enumeration', () => {
  it('interpolation: optimal value = the best basic solution; the returned ρ is feasible with that cost', () => {
    const rng = new Rng(4430);
    for (let t = 0; t < 16; t++) {
      const n = 2 + (t % 2);
      const m = 4 + (t % 3);
      const A = Array.from({ length: n }, () => Array.from({ length: m }, () => (rng.uniform() < 0.2 ? 0 : rng.normal())));
      const y = Array.from({ length: n }, () => rng.normal() * 3);
      const c = Array.from({ length: m }, () => rng.logUniform(0.1, 10));
      const rho = weightedMinL1Interp(A, y, c);
      expect(rho).not.toBeNull();
      const want = interpBrute(A, y, c);
      expect(resOf(A, y, rho!)).toBeLessThan(1e-8 * (1 + nrm(y)));
      expect(weightedL1(rho!, c)).toBeCloseTo(want, 7);
      // hand-computed cost (independent of weightedL1)
      expect(rho!.reduce((s, v, j) => s + c[j] * Math.abs(v), 0)).toBeCloseTo(want, 7);
    }
  });
  it('interpolation closed forms: one equation picks the column with the best |a_j|/c_j; negative coefficients', () => {
    // min Σc|ρ| s.t. aᵀρ = y: ρ = y/a_k e_k with k = argmax |a_k|/c_k; cost |y|·c_k/|a_k|
    const rho = weightedMinL1Interp([[2, -5, 1, 0]], [10], [1, 2, 0.3, 0.01])!;
    // ratios |a|/c: 2, 2.5, 3.33…, 0 ⇒ k = 2, ρ_2 = 10
    expect(rho[0]).toBeCloseTo(0, 9);
    expect(rho[1]).toBeCloseTo(0, 9);
    expect(rho[2]).toBeCloseTo(10, 9);
    expect(rho[3]).toBeCloseTo(0, 9);
    const neg = weightedMinL1Interp([[2, -5, 1]], [-10], [1, 1, 1])!;
    expect(neg[1]).toBeCloseTo(2, 9); // −5·2 = −10
    expect(neg[0]).toBeCloseTo(0, 9);
    // an all-zero equation row: feasible with rhs 0, infeasible (null) otherwise
    const z0 = weightedMinL1Interp([[0, 0], [1, 1]], [0, 3], [1, 2])!;
    expect(z0[0]).toBeCloseTo(3, 9);
    expect(z0[1]).toBeCloseTo(0, 9);
    expect(weightedMinL1Interp([[0, 0], [1, 1]], [1, 3], [1, 2])).toBeNull();
    // inconsistent equations: null
    expect(weightedMinL1Interp([[1, 1], [1, 1]], [1, 2], [1, 1])).toBeNull();
    // exact decimal data survives the LP text format (17 significant digits)
    const r3 = weightedMinL1Interp([[3, 0], [0, 7]], [1, 1], [1, 1])!;
    expect(r3[0]).toBe(1 / 3);
    expect(r3[1]).toBe(1 / 7);
  });
  it('max margin: optimal value = the best vertex; feasible; default weights are all 1', () => {
    const rng = new Rng(4431);
    for (let t = 0; t < 14; t++) {
      const n = 2 + (t % 3);
      const m = 3 + (t % 2);
      const X = Array.from({ length: n }, () => Array.from({ length: m }, () => rng.normal()));
      const y = X.map(() => (rng.uniform() < 0.5 ? -1 : 1));
      const c = t % 2 === 0 ? undefined : Array.from({ length: m }, () => rng.logUniform(0.2, 5));
      const M = X.map((x, i) => x.map((v) => v * y[i]));
      const want = marginBrute(M, c ?? new Array<number>(m).fill(1));
      const z = weightedMaxMarginL1(X, y, c);
      if (!Number.isFinite(want)) {
        expect(z).toBeNull();
        continue;
      }
      expect(z).not.toBeNull();
      M.forEach((row) => expect(dotp(row, z!)).toBeGreaterThanOrEqual(1 - 1e-8));
      expect(weightedL1(z!, c)).toBeCloseTo(want, 7);
    }
  });
  it('max margin closed forms and infeasibility', () => {
    // one point x = (1, 3), y = +1: z = (0, 1/3); with weights (1, 6): ratio |x|/c = (1, 0.5) ⇒ z = (1, 0)
    const z1 = weightedMaxMarginL1([[1, 3]], [1])!;
    expect(z1[0]).toBeCloseTo(0, 9);
    expect(z1[1]).toBeCloseTo(1 / 3, 9);
    const z2 = weightedMaxMarginL1([[1, 3]], [1], [1, 6])!;
    expect(z2[0]).toBeCloseTo(1, 9);
    expect(z2[1]).toBeCloseTo(0, 9);
    // a label of 2 (the constraint is y·xᵀz ≥ 1 for any real y): z = (0, 1/6)
    const z4 = weightedMaxMarginL1([[1, 3]], [2])!;
    expect(z4[0]).toBeCloseTo(0, 9);
    expect(z4[1]).toBeCloseTo(1 / 6, 9);
    // label −1 flips the sign
    const z3 = weightedMaxMarginL1([[1, 3]], [-1])!;
    expect(z3[1]).toBeCloseTo(-1 / 3, 9);
    // x and −x with the same label: infeasible
    expect(weightedMaxMarginL1([[1, 2], [-1, -2]], [1, 1])).toBeNull();
    // a zero feature vector can never reach margin 1
    expect(weightedMaxMarginL1([[0, 0], [1, 0]], [1, 1])).toBeNull();
  });
  it('weightedL1: Σ c_j|z_j|, all weights 1 by default', () => {
    expect(weightedL1([1, -2, 0.5])).toBe(3.5);
    expect(weightedL1(Float64Array.of(1, -2, 0.5), [2, 0.5, 4])).toBe(5);
    expect(weightedL1([])).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------
// azuQhat (Azulay et al. 2021, Thm 2 / App. B): closed forms at exact points (δ = 0: S = |x|, q̂ = |x|^{3/2};
// x = 0: S = |δ|/2), the printed forms as identities, derivatives by central differences, Hessians of f by
// differences of grad, H_δ·(what it should invert), and the B, B⁻¹ pair.
import { Bmatrix, Hdelta, SminusHalf, Sdelta, gWarp, ghat, ghatPrinted, gradQDelta, p1Objective, qDeltaObjective, qhat, qhatPrime, qhatPrinted, qhatSecond, zOf } from '../src/bias/azuQhat.js';

describe('azuQhat: scalar functions', () => {
  it('S_δ, S − δ/2: closed forms, including the no-cancellation form for large δ', () => {
    expect(Sdelta(3, 8)).toBe(5); // sqrt(9 + 16)
    expect(Sdelta(-3, -8)).toBe(5);
    expect(SminusHalf(3, 8)).toBeCloseTo(1, 15); // 5 − 4
    expect(SminusHalf(0, 2)).toBe(0);
    // x = 1e-8, δ = 1e8: S − δ/2 = x²/(S + δ/2) ≈ 1e-16/1e8 = 1e-24 (the direct difference gives 0)
    expect(SminusHalf(1e-8, 1e8) / 1e-24).toBeCloseTo(1, 12);
    // δ < 0 with S + δ/2 = 0 (x = 0): 0 by the guard
    expect(SminusHalf(0, -2)).toBe(0);
    expect(SminusHalf(3, -8)).toBeCloseTo(9 / (5 - 4), 13);
  });
  it('q̂_δ: δ = 0 gives |x|^{3/2}; the printed and stable forms agree; q̂(0) = −(δ/2)^{3/2}·… closed form', () => {
    for (const x of [0.25, 1, 4, 9]) expect(qhat(x, 0)).toBeCloseTo(x ** 1.5, 13);
    // x = 0: S = δ/2, q̂ = (δ/2 − δ)·sqrt(δ) = −(δ/2)·sqrt δ
    expect(qhat(0, 4)).toBeCloseTo(-4, 14);
    // x = 3, δ = 8: S = 5, (5 − 8)·sqrt(9) = −9
    expect(qhat(3, 8)).toBeCloseTo(-9, 13);
    expect(qhatPrinted(3, 8)).toBeCloseTo(-9, 13); // (9 − 4·9)·sqrt(1)/3 = −9
    const rng = new Rng(4440);
    for (let t = 0; t < 20; t++) {
      const x = rng.logUniform(0.05, 20);
      const d = rng.logUniform(0.01, 10) * (t % 3 === 0 ? 0 : 1);
      expect(qhatPrinted(x, d)).toBeCloseTo(qhat(x, d), 9);
      // ĝ printed and stable forms; ĝ² = S + δ/2
      expect(ghatPrinted(x, d)).toBeCloseTo(ghat(x, d), 10);
      expect(ghat(x, d) ** 2).toBeCloseTo(Sdelta(x, d) + d / 2, 11);
      // q̂′ and q̂″ by central differences of q̂ and q̂′
      const h = 1e-5 * Math.max(1, x);
      expect(qhatPrime(x, d)).toBeCloseTo((qhat(x + h, d) - qhat(x - h, d)) / (2 * h), 6);
      expect(qhatSecond(x, d)).toBeCloseTo((qhatPrime(x + h, d) - qhatPrime(x - h, d)) / (2 * h), 5);
      // q̂′ = (3/2)·sqrt(S − δ/2)
      expect(qhatPrime(x, d)).toBeCloseTo(1.5 * Math.sqrt(SminusHalf(x, d)), 11);
    }
    // closed forms at x = 3, δ = 8: q̂′ = 1.5·3/3 = 1.5; q̂″ = 0.75·3/5 = 0.45
    expect(qhatPrime(3, 8)).toBeCloseTo(1.5, 14);
    expect(qhatSecond(3, 8)).toBeCloseTo(0.45, 14);
    expect(ghat(3, 8)).toBeCloseTo(3, 14);
    expect(ghatPrinted(3, 8)).toBeCloseTo(3, 14); // sqrt(1)·9/3
  });
  it('z of Theorem 2, g(w), and p1Objective = ‖w‖^{3/2} − (3/2)‖w̃(0)‖^{−1/2} w̃(0)ᵀw', () => {
    // w0 = (3, 4): ‖w0‖ = 5, δ = 0: S0 = 5, z = −1.5·w0/sqrt(5)
    const z = zOf([3, 4], 0);
    expect(z[0]).toBeCloseTo((-1.5 * 3) / Math.sqrt(5), 14);
    expect(z[1]).toBeCloseTo((-1.5 * 4) / Math.sqrt(5), 14);
    // δ = 24: S0 = sqrt(25 + 144) = 13, S0 + δ/2 = 25 ⇒ c = −factor/5
    const z2 = zOf([3, 4], 24, 2);
    expect(z2[0]).toBeCloseTo(-1.2, 14);
    expect(z2[1]).toBeCloseTo(-1.6, 14);
    expect(gWarp([3, 4], 24)).toBeCloseTo(7.5, 14); // 1.5·sqrt(25)
    const P = p1Objective([3, 4]);
    for (const w of [[1, 2], [-0.5, 0.25], [0, 0]]) {
      const nw = Math.hypot(w[0], w[1]);
      const want = nw ** 1.5 - 1.5 * 5 ** -0.5 * (3 * w[0] + 4 * w[1]);
      expect(P.f(Float64Array.from(w))).toBeCloseTo(want, 13);
    }
  });
});

describe('azuQhat: the objective q_{δ,w̃(0)} (gradient, Hessian, gradScale) and H_δ, B', () => {
  const fdGrad = (f: (w: Float64Array) => number, w: Float64Array, h = 1e-6) =>
    Array.from(w, (_, i) => {
      const a = Float64Array.from(w);
      const b = Float64Array.from(w);
      a[i] += h;
      b[i] -= h;
      return (f(a) - f(b)) / (2 * h);
    });
  it('grad = finite differences of f; hess = finite differences of grad; minimiser w = w̃(0) (grad = 0 there)', () => {
    const rng = new Rng(4441);
    for (let t = 0; t < 12; t++) {
      const d = 2 + (t % 3);
      const w0 = Float64Array.from({ length: d }, () => rng.normal());
      const delta = [0, 0.3, 2.5, -0.2][t % 4];
      const obj = qDeltaObjective(w0, delta);
      const w = Float64Array.from({ length: d }, () => rng.normal());
      const g = obj.grad(w);
      fdGrad(obj.f, w).forEach((v, i) => expect(g[i]).toBeCloseTo(v, 6));
      const H = obj.hess!(w);
      for (let j = 0; j < d; j++) {
        const col = fdGrad((v) => obj.grad(v)[j], w);
        col.forEach((v, i) => expect(H[j][i]).toBeCloseTo(v, 5));
      }
      // gradScale = (3/2)‖w‖/sqrt(S + δ/2) + ‖z‖ (the two terms' norms)
      const nw = Math.hypot(...w);
      const zz = zOf(w0, delta);
      expect(obj.gradScale!(w)).toBeCloseTo((1.5 * nw) / Math.sqrt(Sdelta(nw, delta) + delta / 2) + Math.hypot(...zz), 12);
      // ∇q(w̃(0)) = 0 (Theorem 2: the flow starts at the minimiser of q without constraints)
      if (delta >= 0) obj.grad(w0).forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-14));
      // gradQDelta wraps the same formula (zFactor 1 shifts by −z/3 relative to 1.5: z scales linearly)
      const g1 = gradQDelta(w, w0, delta, 1);
      const zf = zOf(w0, delta, 1);
      g1.forEach((v, i) => expect(v - zf[i]).toBeCloseTo(g[i] - zz[i], 12));
    }
  });
  it('w̃(0) = 0 gives z = 0; at δ = 0, w = 0 the gradient is 0, the Hessian 1e12·I and gradScale = ‖z‖', () => {
    const obj = qDeltaObjective([0, 0], 1);
    expect(Array.from(obj.grad(Float64Array.of(1, 0)))).toEqual([1.5 / Math.sqrt(Sdelta(1, 1) + 0.5), 0]);
    // w̃(0) = 0 at δ = 0 (z's formula would be 0·∞ there): q = ‖w‖^{3/2}, ∇q(1, 0) = (3/2, 0), q(1, 0) = 1
    const obj0 = qDeltaObjective([0, 0], 0);
    expect(Array.from(obj0.grad(Float64Array.of(1, 0)))).toEqual([1.5, 0]);
    expect(obj0.f(Float64Array.of(1, 0))).toBe(1);
    const gn = qDeltaObjective([0, 0], -2).grad(Float64Array.of(0, 3));
    expect(gn[0]).toBe(0);
    expect(gn[1]).toBeCloseTo((1.5 * 3) / Math.sqrt(Sdelta(3, -2) - 1), 14);
    const o0 = qDeltaObjective([3, 4], 0);
    const z = zOf([3, 4], 0);
    expect(Array.from(o0.grad(Float64Array.of(0, 0)))).toEqual(Array.from(z));
    expect(o0.hess!(Float64Array.of(0, 0))).toEqual([[1e12, 0], [0, 1e12]]);
    expect(o0.gradScale!(Float64Array.of(0, 0))).toBeCloseTo(Math.hypot(z[0], z[1]), 15);
    // δ < 0 at w = 0: S + δ/2 = 0 — grad has no ‖w‖ term, gradScale = ‖z‖
    const on = qDeltaObjective([3, 4], -2);
    const zn = zOf([3, 4], -2);
    expect(Array.from(on.grad(Float64Array.of(0, 0)))).toEqual(Array.from(zn));
    expect(on.gradScale!(Float64Array.of(0, 0))).toBeCloseTo(Math.hypot(zn[0], zn[1]), 15);
  });
  it('H_δ(w) (eq. 23) equals (3/2)·∇²q / g·… — checked as H_δ = (δ/2+S)^{-1}(I − wwᵀ/(2(δ/2+S)S)) with its eigen-pairs', () => {
    // eigenvectors: w (eigenvalue (1 − ‖w‖²/(2AS))/A) and w⊥ (eigenvalue 1/A), A = δ/2 + S
    const w = [3, 4];
    for (const delta of [24, 0.5, -1]) {
      const S = Sdelta(5, delta);
      const A = delta >= 0 ? delta / 2 + S : 25 / (S - delta / 2);
      const H = Hdelta(w, delta);
      const Hw = [H[0][0] * 3 + H[0][1] * 4, H[1][0] * 3 + H[1][1] * 4];
      const lamW = (1 - 25 / (2 * A * S)) / A;
      expect(Hw[0]).toBeCloseTo(lamW * 3, 13);
      expect(Hw[1]).toBeCloseTo(lamW * 4, 13);
      const Hp = [H[0][0] * -4 + H[0][1] * 3, H[1][0] * -4 + H[1][1] * 3];
      expect(Hp[0]).toBeCloseTo(-4 / A, 13);
      expect(Hp[1]).toBeCloseTo(3 / A, 13);
      expect(H[0][1]).toBe(H[1][0]);
    }
    // sizes: d × d
    expect(Hdelta(w, 1).length).toBe(2);
    Hdelta(w, 1).forEach((r) => expect(r.length).toBe(2));
    const hq = qDeltaObjective([1, 2, 3], 0.5).hess!(Float64Array.of(1, -1, 2));
    expect(hq.length).toBe(3);
    hq.forEach((r) => expect(r.length).toBe(3));
    // A = δ/2 + S without cancellation on both sides: |δ| = 1e8, ‖w‖ = 1e-3 (S − |δ|/2 = x²/(S + |δ|/2) ≈ 1e-14)
    // the w⊥ eigenvalue is 1/A: δ = −1e8 ⇒ A = x²/(S + 5e7) ≈ 1e-14 ⇒ 1e14; δ = +1e8 ⇒ A ≈ 1e8 ⇒ 1e-8
    const Hm = Hdelta([1e-3, 0], -1e8);
    expect(Hm[1][1] / 1e14).toBeCloseTo(1, 10);
    const Hp2 = Hdelta([1e-3, 0], 1e8);
    expect(Hp2[1][1] / 1e-8).toBeCloseTo(1, 10);
    // gradScale's guard is S + δ/2 > 0: at w = (3, 4), δ = −8: S = √41, S − 4 > 0 (while S + 2δ < 0)
    const og = qDeltaObjective([1, 0], -8);
    const S41 = Math.sqrt(41);
    expect(og.gradScale!(Float64Array.of(3, 4))).toBeCloseTo((1.5 * 5) / Math.sqrt(S41 - 4) + Math.hypot(...zOf([1, 0], -8)), 12);
    // δ = 24: S = 13, A = 25: H = (1/25)(I − wwᵀ/650)
    const H24 = Hdelta(w, 24);
    expect(H24[0][0]).toBeCloseTo((1 - 9 / 650) / 25, 15);
    expect(H24[0][1]).toBeCloseTo(-12 / 650 / 25, 15);
    // δ < 0: A = δ/2 + S written as ‖w‖²/(S − δ/2) — same value as the direct sum where that is accurate
    const Hn = Hdelta(w, -1);
    const Sn = Sdelta(5, -1);
    expect(Hn[1][1]).toBeCloseTo((1 - 16 / (2 * (Sn - 0.5) * Sn)) / (Sn - 0.5), 13);
    // ∇²q = (3/2)·sqrt(A)·H_δ·… : at δ ≥ 0, hess(w) = (3/2)/sqrt(A)·(I − wwᵀ/(2SA)) = (3/2)·sqrt(A)·H_δ
    const obj = qDeltaObjective([1, 1], 24);
    const Hq = obj.hess!(Float64Array.of(3, 4));
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(Hq[i][j]).toBeCloseTo(1.5 * 5 * H24[i][j], 13);
  });
  it('Bmatrix: B·B⁻¹ = I for unit u; closed-form entries', () => {
    const rng = new Rng(4442);
    for (const s of [0, 0.3, -0.5, 2]) {
      const v = Array.from({ length: 3 }, () => rng.normal());
      const n = Math.hypot(...v);
      const u = v.map((x) => x / n);
      const { B, Binv } = Bmatrix(u, s);
      const P = B.mmul(Binv);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(P.get(i, j)).toBeCloseTo(i === j ? 1 : 0, 12);
      // B u = (1 − (1−s)²/(2(1+s²))) u
      const Bu = B.mmul(Matrix.columnVector(u)).to1DArray();
      const lam = 1 - (1 - s) ** 2 / (2 * (1 + s * s));
      Bu.forEach((x, i) => expect(x).toBeCloseTo(lam * u[i], 13));
      const Biu = Binv.mmul(Matrix.columnVector(u)).to1DArray();
      Biu.forEach((x, i) => expect(x).toBeCloseTo((1 + ((1 - s) / (1 + s)) ** 2) * u[i], 12));
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// qR (Woodworth et al. 2020, eqs. (8)–(9)): the parametric solution of the coordinate problem
//   min (a−1)² + (b−1)² s.t. a² − b² = z:  a = 1/(1−λ), b = 1/(1+λ), z = 4λ/(1−λ²)², r = 2λ²(1+λ²)/(1−λ²)²
// is the oracle (it is the Lagrange condition solved by hand), with a brute-force scan as a second opinion.
import { Ralpha, RalphaLiteral, quarticCoeffs, quarticRoots, rBrute, rParam, rQuartic } from '../src/bias/qR.js';

const zOfLam = (l: number) => (4 * l) / (1 - l * l) ** 2;
const rOfLam = (l: number) => (2 * l * l * (1 + l * l)) / (1 - l * l) ** 2;

describe('qR: the quartic, its roots and the three r(z) evaluations', () => {
  it('quarticCoeffs: p_z vanishes at the parametric r(z) (the corrected reading of L168)', () => {
    for (const l of [0.05, 0.2, 0.5, 0.8, -0.3]) {
      const z = zOfLam(l);
      const r = rOfLam(l);
      const c = quarticCoeffs(z);
      const val = (((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4];
      const scale = Math.abs(c[0]) * r ** 4 + Math.abs(c[1]) * r ** 3 + Math.abs(c[2]) * r * r + Math.abs(c[3]) * r + Math.abs(c[4]);
      expect(Math.abs(val) / scale).toBeLessThan(1e-13);
    }
    expect(quarticCoeffs(2)).toEqual([1, -6, 4, -48, 20]); // 12 − 8, −(8 + 40), 4 + 16
    expect(quarticCoeffs(-2)).toEqual([1, -6, 4, -48, 20]);
  });
  it('quarticRoots: the returned roots rebuild the polynomial (Vieta); two real roots, the smaller is r(z)', () => {
    for (const z of [0.3, 1, 2, 10, 300, -5, 1e4]) {
      const { real, complex } = quarticRoots(z);
      expect(real.length).toBe(2);
      expect(complex.length).toBe(2);
      expect(real[0]).toBeLessThanOrEqual(real[1]);
      // Π(u − r_k) = u⁴ + e1 u³ + e2 u² + e3 u + e4 with complex roots c, c̄
      const [c0, c1] = complex;
      expect(c1.re).toBeCloseTo(c0.re, 9);
      expect(c1.im).toBeCloseTo(-c0.im, 9);
      const [r1, r2] = real;
      const qa = -2 * c0.re; // u² + qa u + qb
      const qb = c0.re * c0.re + c0.im * c0.im;
      const pa = -(r1 + r2);
      const pb = r1 * r2;
      const got = [1, pa + qa, pb + pa * qa + qb, pa * qb + pb * qa, pb * qb];
      const want = quarticCoeffs(z);
      got.forEach((v, k) => expect(Math.abs(v - want[k])).toBeLessThan(1e-9 * Math.max(1, Math.abs(want[k]))));
      // the polished real roots are roots to working precision
      const c = want;
      for (const r of real) {
        const val = (((r + c[1]) * r + c[2]) * r + c[3]) * r + c[4];
        const scale = r ** 4 + 6 * Math.abs(r) ** 3 + Math.abs(c[2]) * r * r + Math.abs(c[3] * r) + c[4];
        expect(Math.abs(val) / scale, `z ${z}, root ${r}`).toBeLessThan(1e-14);
      }
      expect(real[0]).toBeCloseTo(rParam(z), 6);
      // the smallest real root matches the parametric oracle
      const l = (() => {
        let lo = 0;
        let hi = 1;
        for (let k = 0; k < 200; k++) {
          const m = 0.5 * (lo + hi);
          if (zOfLam(m) < Math.abs(z)) lo = m;
          else hi = m;
        }
        return 0.5 * (lo + hi);
      })();
      expect(Math.abs(rQuartic(z) / rOfLam(l) - 1)).toBeLessThan(1e-9);
    }
  });
  it('quarticRoots polishes the real roots: r(z) to a few ulps also where the companion eigenvalue is 1e4 ulps off', () => {
    // small λ: the eigenvalue of the companion matrix is off by up to ~1e4 ulps (measured), Newton brings it to ~1;
    // the parametric oracle itself carries a few ulps (z and r rounded; r′(z) = λ)
    for (const l of [0.01, 0.02, 0.05, 0.1, 0.2, 0.3]) {
      const z = zOfLam(l);
      expect(Math.abs(rQuartic(z) / rOfLam(l) - 1), `λ ${l}`).toBeLessThan(8 * 2 ** -52);
    }
  });
  it('quarticRoots: imTol decides which eigenvalues count as real', () => {
    const strict = quarticRoots(2, 0);
    expect(strict.real.length + strict.complex.length).toBe(4);
    expect(strict.real.length).toBeLessThanOrEqual(2);
    const loose = quarticRoots(2, 1e6);
    expect(loose.real.length).toBe(4);
    expect(loose.complex.length).toBe(0);
    // z = 0: p = u(u − 2)³ — the triple root splits into a numerical cluster; 0 is the smallest real root
    expect(rQuartic(0)).toBeCloseTo(0, 12);
  });
  it('rParam against the parametric closed form (to a few ulps), against brute force, even, r(0) = 0', () => {
    for (const l of [1e-9, 1e-4, 0.1, 0.45, 0.5, 0.7, 0.95, 0.999999]) {
      const z = zOfLam(l);
      const want = rOfLam(l);
      // error budget: r′(z) = λ, so z's rounding moves r by λ·z·ε; a few ulps besides
      const tol = 8 * 2 ** -52 * (1 + (l * z) / want);
      expect(Math.abs(rParam(z) / want - 1), `λ ${l}`).toBeLessThan(tol);
      expect(rParam(-z)).toBe(rParam(z));
      if (z < 1e6 && z > 1e-6) expect(Math.abs(rBrute(z) / want - 1), `brute λ ${l}`).toBeLessThan(1e-9);
      if (z < 1e6 && z > 1e-6) expect(Math.abs(rBrute(-z) / want - 1)).toBeLessThan(1e-9);
    }
    expect(rParam(0)).toBe(0);
    // small z (above the h_D⁻¹ defect below): r = z²/8 (q_4″(0) = 1/(2p), p = 2)
    expect(rParam(1e-30) / 1.25e-61).toBeCloseTo(1, 12);
  });
  // Known defect (reported; see test/mutation-bias-r4-qd.test.ts BUG 1): h_4⁻¹ of a tiny z bisects away from the
  // exact root z/(2p), so r(1e-100) comes out ≈ 8.5e-168 instead of 1.25e-201.
  it('rParam(z) = z²/8 for tiny z (1e-100)', () => {
    expect(rParam(1e-100) / 1.25e-201).toBeCloseTo(1, 12);
  });
  it('Ralpha = Σ α²w_i² r(β_i/(α²w_i²)) and the literal Σ r(β_i/α²), with the parametric r', () => {
    const alpha = 0.6;
    const lams = [0.1, -0.4, 0.8];
    const w0 = [1.5, -0.7, 1];
    const beta = lams.map((l, i) => alpha * alpha * w0[i] * w0[i] * zOfLam(l));
    const want = lams.reduce((s, l, i) => s + alpha * alpha * w0[i] * w0[i] * rOfLam(l), 0);
    expect(Ralpha(beta, alpha, w0) / want).toBeCloseTo(1, 12);
    const beta1 = lams.map((l) => alpha * alpha * zOfLam(l));
    const want1 = lams.reduce((s, l) => s + alpha * alpha * rOfLam(l), 0);
    expect(Ralpha(beta1, alpha) / want1).toBeCloseTo(1, 12);
    expect(RalphaLiteral(beta1, alpha) / (want1 / (alpha * alpha))).toBeCloseTo(1, 12);
    expect(Ralpha([], 1)).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------
// wooQuad (composite Gauss–Legendre, 24 nodes per panel): exact integrals of polynomials and exponentials,
// and the closed form of q (qBig: test/mutation-bias-r4-qbig.test.ts).
import { integrate0 } from '../src/bias/wooQuad.js';

describe('wooQuad: integrate0', () => {
  it('polynomials of degree ≤ 47 are integrated exactly (to rounding); signs, z = 0, panel doubling', () => {
    // ∫₀ᶻ (3u² − 2u + 1) du = z³ − z² + z
    for (const z of [0.05, 0.125, 0.3, 1, 7.5, 100, -0.3, -7.5]) {
      const want = z ** 3 - z ** 2 + z;
      expect(Math.abs(integrate0((u) => 3 * u * u - 2 * u + 1, z) - want)).toBeLessThan(1e-13 * Math.max(1, Math.abs(z) ** 3));
    }
    // odd integrand: ∫₀ᶻ u⁵ = z⁶/6 for z < 0 too (the sign handling: ∫₀ᶻ f = sg·∫₀^{|z|} f(sg·v) dv)
    expect(integrate0((u) => u ** 5, -2)).toBeCloseTo(64 / 6, 12);
    expect(integrate0((u) => u ** 5, 2)).toBeCloseTo(64 / 6, 12);
    // an asymmetric integrand on the negative side: ∫₀^{−1} e^u du = e^{−1} − 1
    expect(integrate0(Math.exp, -1)).toBeCloseTo(Math.exp(-1) - 1, 14);
    expect(integrate0(Math.exp, 3)).toBeCloseTo(Math.exp(3) - 1, 12);
    expect(integrate0(() => 1, 0)).toBe(0);
    // degree 40: exact on every panel (24-point rule is exact to degree 47)
    expect(integrate0((u) => u ** 40, 1.5) / (1.5 ** 41 / 41)).toBeCloseTo(1, 12);
    // a kink at u = 0.2 (not on a panel boundary): |u − 0.2| — converges, not exactly
    expect(integrate0((u) => Math.abs(u - 0.2), 1)).toBeCloseTo(0.02 + 0.32, 4);
  });
  it('∫₀ᶻ asinh(u/2) du = q(z) (the closed form 2 − √(4+z²) + z·asinh(z/2))', () => {
    for (const z of [1, 10, 1e4]) {
      // (z ≥ 1: the double closed form cancels for small z)
      const want = 2 - Math.sqrt(4 + z * z) + z * Math.asinh(z / 2);
      expect(Math.abs(integrate0((u) => Math.asinh(u / 2), z) / want - 1)).toBeLessThan(1e-12);
    }
  });
});

