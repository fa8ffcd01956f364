// Unit tests of the symbolic layer: derivatives, compilation, the three identity methods (including
// false identities that float64 evaluation would hide), Lie derivatives, the gradient cross-check,
// the Hessian-map condition, symbolic matrices and exact rationals.
import { describe, expect, it } from 'vitest';
import { Rng } from '../src/random/rng.js';
import {
  cayleyOrthogonal,
  compileExprs,
  determinantExpr,
  flatten,
  frobSq,
  gradientExprs,
  hessianExprs,
  hessianMapCondition,
  identitiesHold,
  identityHolds,
  identityMatrix,
  inverseMatrixExprs,
  jacobianExprs,
  lieDerivative,
  lieDerivativeVanishes,
  matMul,
  matSymbols,
  ratCharPoly,
  ratDiag,
  ratEquals,
  ratInertia,
  ratIdentity,
  ratMul,
  ratTranspose,
  Rational,
  substitute,
  symbolicGradientAgrees,
  symMatrix,
  trace,
  transpose,
} from '../src/symbolic/index.js';

describe('derivatives', () => {
  it('gradient of a known function equals its hand derivative', () => {
    const g = gradientExprs('x^2 * y + sin(x) + exp(x * y)', ['x', 'y']);
    expect(identityHolds(g[0], '2*x*y + cos(x) + y*exp(x*y)', ['x', 'y']).holds).toBe(true);
    expect(identityHolds(g[1], 'x^2 + x*exp(x*y)', ['x', 'y']).holds).toBe(true);
  });
  it('derivatives of asinh, log, sqrt and real powers', () => {
    const [d] = gradientExprs('asinh(x) + log(x) + sqrt(x) + x^(3/2)', ['x']);
    const r = identityHolds(d, '1/sqrt(x^2 + 1) + 1/x + 1/(2*sqrt(x)) + (3/2)*sqrt(x)', ['x'], { domain: { x: [0.1, 3] } });
    expect(r.holds).toBe(true);
    expect(r.method).toBe('bignumber');
  });
  it('Hessian is symmetric and matches the hand Hessian; Jacobian of a map', () => {
    const h = hessianExprs('x^3 * y + x * y^2', ['x', 'y']);
    expect(identitiesHold(flatten(h), ['6*x*y', '3*x^2 + 2*y', '3*x^2 + 2*y', '2*x'], ['x', 'y']).holds).toBe(true);
    const j = jacobianExprs(['x*y', 'x + y^2'], ['x', 'y']);
    expect(identitiesHold(flatten(j), ['y', 'x', '1', '2*y'], ['x', 'y']).holds).toBe(true);
  });
  it('compileExprs evaluates in float64 (fast path and mathjs fallback)', () => {
    const f = compileExprs(['x^2 + sin(y)', 'asinh(x) * pi', 'log(x, 2)'], ['x', 'y']);
    const out = f([2, 0]);
    expect(out[0]).toBe(4);
    expect(out[1]).toBeCloseTo(Math.asinh(2) * Math.PI, 14);
    expect(out[2]).toBeCloseTo(1, 14);
    const g = compileExprs(['gamma(x)'], ['x']); // not in the fast table: mathjs fallback
    expect(g([5])[0]).toBeCloseTo(24, 10);
    expect(() => compileExprs(['x + z'], ['x'])).toThrow();
  });
  it('substitute replaces symbols simultaneously', () => {
    const s = substitute('x*y + sin(x)', { x: 'y', y: 'x' });
    expect(identityHolds(s, 'y*x + sin(y)', ['x', 'y']).holds).toBe(true);
  });
});

describe('identityHolds', () => {
  it('simplify: a literal zero difference (confirmed at points)', () => {
    const r = identityHolds('x + x', '2*x', ['x']);
    expect(r).toMatchObject({ holds: true, method: 'simplify' });
  });
  it('fraction: polynomial and rational identities hold exactly; false ones are caught', () => {
    const t = identityHolds('(a + b)^3', 'a^3 + 3*a^2*b + 3*a*b^2 + b^3', ['a', 'b'], { simplify: false });
    expect(t).toMatchObject({ holds: true, method: 'fraction', maxResidual: 0 });
    const f = identityHolds('(a + b)^2', 'a^2 + b^2', ['a', 'b']);
    expect(f.holds).toBe(false);
    expect(f.method).toBe('fraction');
    const rat = identityHolds('1/(x - 1) - 1/(x + 1)', '2/(x^2 - 1)', ['x']);
    expect(rat).toMatchObject({ holds: true, method: 'fraction' });
  });
  it('fraction: a 1e-30 relative error that float64 cannot see is rejected', () => {
    const lhs = 'x * (1 + 1e-30)';
    const f = compileExprs([lhs, 'x'], ['x']);
    const v = f([0.7]);
    expect(v[0]).toBe(v[1]); // float64 cannot tell them apart
    const r = identityHolds(lhs, 'x', ['x']);
    expect(r.holds).toBe(false);
    expect(r.maxResidual).toBeGreaterThan(1e-31);
    expect(r.maxResidual).toBeLessThan(1e-29);
    // decimal literals are exact: 0.1 + 0.2 = 0.3 holds (it does not in binary floating point)
    expect(identityHolds('0.1 + 0.2 + x', '0.3 + x', ['x'], { simplify: false })).toMatchObject({ holds: true, method: 'fraction' });
  });
  it('bignumber: transcendental identities hold at 80 digits; a 1e-30 perturbation is rejected', () => {
    expect(identityHolds('asinh(x)', 'log(x + sqrt(x^2 + 1))', ['x'])).toMatchObject({ holds: true, method: 'bignumber' });
    expect(identityHolds('exp(log(x))', 'x', ['x'], { domain: { x: [0.1, 5] } }).holds).toBe(true);
    expect(identityHolds('sin(x)^2 + cos(x)^2', '1', ['x']).holds).toBe(true);
    const lhs = 'exp(x) * (1 + 1e-30)';
    const v = compileExprs([lhs, 'exp(x)'], ['x'])([0.3]);
    expect(v[0]).toBe(v[1]);
    const r = identityHolds(lhs, 'exp(x)', ['x']);
    expect(r).toMatchObject({ holds: false, method: 'bignumber' });
    expect(r.maxResidual).toBeGreaterThan(1e-31);
  });
  it('mathjs simplify folding 1 + 1e-30 to 1 does not fool the checker', () => {
    const r = identityHolds('y * (1 + 1e-30) - y', '0', ['y'], { simplify: true });
    expect(r.holds).toBe(false);
  });
  it('points outside the real domain are skipped (sqrt of negatives)', () => {
    const r = identityHolds('sqrt(x)^2', 'x', ['x'], { domain: { x: [-1, 1] } });
    expect(r.holds).toBe(true);
    expect(r.pointsUsed).toBe(5);
  });
  it('is deterministic in the seed and rejects unknown symbols', () => {
    const a = identityHolds('(a + b)^2', 'a^2 + b^2', ['a', 'b'], { seed: 7 });
    const b = identityHolds('(a + b)^2', 'a^2 + b^2', ['a', 'b'], { seed: 7 });
    expect(a).toEqual(b);
    expect(() => identityHolds('x + z', 'x', ['x'])).toThrow(/not listed/);
  });
  it('defs: shared subexpressions are evaluated once and used as symbols', () => {
    const r = identitiesHold(['q^2'], ['x^2 + 2*x*y + y^2'], ['x', 'y'], { defs: [['q', 'x + y']] });
    expect(r.holds).toBe(true);
    const w = identitiesHold(['q^2'], ['x^2 + y^2'], ['x', 'y'], { defs: [['q', 'x + y']] });
    expect(w.holds).toBe(false);
    expect(w.failures[0].index).toBe(0);
  });
});

describe('Lie derivatives', () => {
  it('a rotation conserves x² + y² but not x² + 2y²', () => {
    expect(lieDerivativeVanishes(['x^2 + y^2'], ['x', 'y'], ['-y', 'x']).holds).toBe(true);
    expect(lieDerivativeVanishes(['x^2 + 2*y^2'], ['x', 'y'], ['-y', 'x']).holds).toBe(false);
    const [l] = lieDerivative(['x*y'], ['x', 'y'], ['-y', 'x']);
    expect(identityHolds(l, 'x^2 - y^2', ['x', 'y']).holds).toBe(true);
  });
  it('parameters of the flow are sampled too', () => {
    const r = lieDerivativeVanishes(['u^2 - v^2'], ['u', 'v'], ['s*(w - s*u*v)*v', 's*(w - s*u*v)*u'], { params: ['s', 'w'] });
    expect(r.holds).toBe(true);
  });
});

describe('symbolicGradientAgrees', () => {
  const loss = '1/2 * ((1 - 2*a*b)^2 + (3 - a*b^2)^2)';
  const good = (x: Float64Array, out: Float64Array) => {
    const [a, b] = [x[0], x[1]];
    const r1 = 1 - 2 * a * b;
    const r2 = 3 - a * b * b;
    out[0] = r1 * (-2 * b) + r2 * (-b * b);
    out[1] = r1 * (-2 * a) + r2 * (-2 * a * b);
  };
  it('accepts a correct hand gradient and rejects a wrong one', () => {
    expect(symbolicGradientAgrees(loss, ['a', 'b'], good, new Rng(1), 6).maxRelErr).toBeLessThan(1e-12);
    const bad = (x: Float64Array, out: Float64Array) => {
      good(x, out);
      out[1] *= 2;
    };
    expect(symbolicGradientAgrees(loss, ['a', 'b'], bad, new Rng(1), 6).maxRelErr).toBeGreaterThan(0.1);
  });
});

describe('hessianMapCondition', () => {
  it('accepts the Hessian of a function (2-D and 3-D)', () => {
    const h2 = hessianExprs('x^3 * y + exp(x * y)', ['x', 'y']);
    expect(hessianMapCondition(h2, ['x', 'y'])).toMatchObject({ symmetric: true, integrable: true });
    const vars = ['x', 'y', 'z'];
    const h3 = hessianExprs('x^2 * y * z + log(1 + z^2) * x + asinh(y)', vars);
    expect(hessianMapCondition(h3, vars)).toMatchObject({ symmetric: true, integrable: true });
  });
  it('rejects I + wwᵀ (symmetric, not a Hessian) in 2-D and 3-D', () => {
    for (const n of [2, 3]) {
      const w = Array.from({ length: n }, (_, i) => `w${i + 1}`);
      const H = w.map((wi, i) => w.map((wj, j) => (i === j ? `1 + ${wi}^2` : `${wi} * ${wj}`)));
      const r = hessianMapCondition(H, w);
      expect(r.symmetric).toBe(true);
      expect(r.integrable).toBe(false);
      expect(r.violations.length).toBeGreaterThan(0);
    }
  });
  it('rejects an asymmetric field, and handles fields with a parameter', () => {
    expect(hessianMapCondition([['1', 'x'], ['0', '1']], ['x', 'y']).symmetric).toBe(false);
    const H = hessianExprs('c * x^2 * y^2', ['x', 'y']);
    expect(hessianMapCondition(H, ['x', 'y'], { params: ['c'] }).integrable).toBe(true);
  });
  it('the inverse of a Hessian field is generally not a Hessian', () => {
    // (I + wwᵀ)⁻¹ = I − wwᵀ/(1 + ‖w‖²): symbolic inverse, then the check
    const w = ['w1', 'w2'];
    const H = [['1 + w1^2', 'w1*w2'], ['w1*w2', '1 + w2^2']];
    const Hinv = inverseMatrixExprs(H);
    expect(identitiesHold(flatten(matMul(H, Hinv)), flatten(identityMatrix(2)), w).holds).toBe(true);
    expect(hessianMapCondition(Hinv, w).integrable).toBe(false);
    // a true Hessian whose inverse is also a Hessian: diag(e^{w1}, e^{w2})
    const D = [['exp(w1)', '0'], ['0', 'exp(w2)']];
    expect(hessianMapCondition(inverseMatrixExprs(D), w).integrable).toBe(true);
  });
});

describe('symbolic matrices and exact rationals', () => {
  it('builds named matrices, products, traces and norms', () => {
    const A = symMatrix('A', 2, 3);
    expect(A[1][2]).toBe('A_2_3');
    expect(matSymbols(A)).toHaveLength(6);
    expect(identityHolds(trace(matMul(transpose(A), A)), frobSq(A), matSymbols(A)).holds).toBe(true);
    expect(() => matMul(A, A)).toThrow(/dimension mismatch/);
  });
  it('3×3 symbolic inverse and determinant', () => {
    const A = symMatrix('A', 3, 3);
    const vars = matSymbols(A);
    expect(identitiesHold(flatten(matMul(inverseMatrixExprs(A), A)), flatten(identityMatrix(3)), vars).holds).toBe(true);
    const B = symMatrix('B', 3, 3);
    const r = identityHolds(determinantExpr(matMul(A, B)), `(${determinantExpr(A)}) * (${determinantExpr(B)})`, [...vars, ...matSymbols(B)]);
    expect(r.holds).toBe(true);
  });
  it('Rational parses decimal literals exactly; Cayley matrices are exactly orthogonal', () => {
    expect(Rational.parse('1e-30').toString()).toBe('1/1000000000000000000000000000000');
    expect(Rational.parse('0.1').add(Rational.parse('0.2')).equals(Rational.parse('0.3'))).toBe(true);
    expect(Rational.parse('-2.5E+3').toNumber()).toBe(-2500);
    const q = cayleyOrthogonal(new Rng(3), 4);
    expect(ratEquals(ratMul(ratTranspose(q), q), ratIdentity(4))).toBe(true);
  });
  it('exact inertia of QDQᵀ equals the signs of D (Descartes on the characteristic polynomial)', () => {
    const q = cayleyOrthogonal(new Rng(5), 5);
    const d = ratDiag([3, -1, 0, 2, 0].map((v) => new Rational(v)));
    const a = ratMul(ratMul(q, d), ratTranspose(q));
    expect(ratInertia(a)).toEqual({ positive: 2, negative: 1, zero: 2 });
    expect(ratCharPoly(d).map((c) => c.toNumber())).toEqual([0, 0, 6, 1, -4, 1]); // λ²(λ − 3)(λ + 1)(λ − 2)
  });
});
