// Symbolic derivations for woodworth2020 (mathjs `derivative`/`simplify`, then evaluation at random
// points in double precision; a residual above the stated tolerance is a failure).
import fc from 'fast-check';
import { defineClaim, within, all, type Claim, type Outcome } from '../../src/core/claim.js';
import { Rng } from '../../src/random/rng.js';
import { mathNum } from '../../src/symbolic/math.js';

const PAPER = 'woodworth2020';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const M: any = mathNum;

type Sampler = (rng: Rng) => Record<string, number>;
/** max over points of |L − R| / (1 + |L| + |R|), with L, R mathjs expressions (strings or nodes). */
function identityResidual(lhs: unknown, rhs: unknown, sample: Sampler, seed: number, n = 40): number {
  const L = (typeof lhs === 'string' ? M.parse(lhs) : lhs).compile();
  const R = (typeof rhs === 'string' ? M.parse(rhs) : rhs).compile();
  const rng = new Rng(seed);
  let worst = 0;
  for (let k = 0; k < n; k++) {
    const scope = sample(rng);
    const a = Number(L.evaluate(scope));
    const b = Number(R.evaluate(scope));
    const r = Math.abs(a - b) / (1 + Math.abs(a) + Math.abs(b));
    worst = Math.max(worst, Number.isFinite(r) ? r : Infinity);
  }
  return worst;
}
const d = (expr: string, v: string) => M.derivative(expr, v);
// TOL, derived: identityResidual normalizes by 1 + |L| + |R|; the closed forms here take a few dozen flops (asinh, sqrt,
// exp of arguments ≤ 4 in magnitude) at points ≤ 20 in magnitude, so rounding is ≲ 1e2·ε ≈ 2e-14 relative: 1e-12 leaves
// ~50×, while every mutant's residual is O(1).
const TOL = 1e-12;

const zS: Sampler = (r) => ({ z: r.range(-20, 20) });

function proof(id: string, title: string, statement: string, where: string, check: (seed: number) => Outcome, falsifiers: { name: string; description: string; check: (seed: number) => Outcome }[]): Claim<{ seed: number }> {
  return defineClaim<{ seed: number }>({
    id,
    paper: PAPER,
    title,
    statement,
    where,
    kind: 'proof',
    expected: 'holds',
    arbitrary: fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
    check: (i) => check(i.seed),
    falsifiers: falsifiers.map((f) => ({ name: f.name, description: f.description, check: (i: { seed: number }) => f.check(i.seed) })),
    runs: { ci: 1, default: 3, deep: 10 },
  });
}

const qExpr = '2 - sqrt(4 + z^2) + z * asinh(z / 2)';
const qcf = (qe: string) => (seed: number) =>
  // tol: TOL, derived at its definition; q(0) is exact: 2 − √4 + 0·asinh 0 = 0 in IEEE arithmetic (sqrt(4) is exact).
  all([
    within(identityResidual(d(qe, 'z'), 'asinh(z/2)', zS, seed), TOL, "q′ − arcsinh(z/2)"),
    within(identityResidual(d(d(qe, 'z').toString(), 'z'), '1/sqrt(4+z^2)', zS, seed + 1), TOL, 'q″ − 1/√(4+z²)'),
    within(Math.abs(Number(M.evaluate(qe, { z: 0 }))), 0, 'q(0)'),
  ]);
export const proofs: Claim[] = [
  proof('WOO-QCF-SYM', 'q′ = arcsinh(z/2), q″ = 1/√(4+z²), q(0) = 0 (mathjs derivative)', 'Differentiating the closed form 2 − √(4+z²) + z·arcsinh(z/2) gives arcsinh(z/2) and 1/√(4+z²) > 0.', 'L118, (21)', qcf(qExpr), [
    { name: 'arcsinh(z) in the closed form', description: 'mutant closed form', check: qcf('2 - sqrt(4 + z^2) + z * asinh(z)') },
    { name: '2 + √(4+z²)', description: 'sign error', check: qcf('2 + sqrt(4 + z^2) + z * asinh(z / 2)') },
  ]),
  proof('WOO-QTAY-SYM', 'Taylor coefficients of q at 0: q″(0) = ½, q⁽⁴⁾(0) = −⅛, q⁽⁶⁾(0) = 9/32', 'Repeated mathjs derivatives evaluated at z = 0 give the coefficients 1/4, −1/192, 1/2560.', 'L150', (seed) => {
    void seed;
    // Start from q″ = 1/√(4+z²) (WOO-QCF-SYM) to keep the symbolic derivatives small.
    let e = M.parse('1/sqrt(4+z^2)');
    const vals: number[] = [Number(e.evaluate({ z: 0 }))];
    for (let k = 3; k <= 6; k++) {
      e = M.derivative(e, 'z');
      vals.push(Number(e.evaluate({ z: 0 })));
    }
    // tol: at z = 0 most terms of the derivatives carry a factor z and vanish exactly; the rest are few-flop rationals,
    // 1e-12 ≈ 5000ε. The unsimplified 6th derivative has many more terms of size ≤ O(10): 1e-10. The falsifier uses the
    // claim's q″(0) tolerance (1e-12) and misses by 0.5.
    return all([within(Math.abs(vals[0] - 0.5), 1e-12, 'q″(0)'), within(Math.abs(vals[1]), 1e-12, 'q‴(0)'), within(Math.abs(vals[2] + 0.125), 1e-12, 'q⁗(0)'), within(Math.abs(vals[4] - 9 / 32), 1e-10, 'q⁽⁶⁾(0)')]);
  }, [{ name: 'q″(0) = 1', description: 'leading coefficient ½ (not ¼)', check: () => { const e = M.derivative(M.derivative(qExpr, 'z'), 'z'); return within(Math.abs(Number(e.evaluate({ z: 0 })) - 1), 1e-12, 'q″(0) = 1'); } }]),
  // tol: TOL (rounding of O(1)-scaled closed forms, derived at its definition); the falsifiers use the same TOL and
  // miss by O(1).
  proof('WOO-EVEN-SYM', 'q(−z) = q(z)', 'q(−z) − q(z) vanishes identically ((−z)·arcsinh(−z/2) = z·arcsinh(z/2)).', 'L401–L403', (seed) => within(identityResidual(qExpr.replace(/z/g, '(-z)'), qExpr, zS, seed), TOL, 'q(−z) − q(z)'), [
    { name: 'added odd term', description: 'q + z', check: (seed) => within(identityResidual(`${qExpr.replace(/z/g, '(-z)')} + (-z)`, `${qExpr} + z`, zS, seed), TOL, 'q̃(−z) − q̃(z)') },
  ]),
  // tol: TOL (rounding of O(1)-scaled closed forms, derived at its definition); the falsifiers use the same TOL and
  // miss by O(1).
  proof('WOO-T1G-SYM', '∂/∂β[m·q(β/m)] = arcsinh(β/(2m)) (∇Q_{α,w0}, eq. (19))', 'With m = α²w0²: d/dβ[m q(β/m)] = arcsinh(β/(2m)).', 'App C (19) L379', (seed) => within(identityResidual(d('m*(2 - sqrt(4 + (b/m)^2) + (b/m)*asinh(b/(2*m)))', 'b'), 'asinh(b/(2*m))', (r) => ({ b: r.range(-10, 10), m: r.logUniform(0.01, 100) }), seed), TOL, 'gradient of the scaled q'), [
    { name: 'arcsinh(β/m)', description: 'missing factor 2', check: (seed) => within(identityResidual(d('m*(2 - sqrt(4 + (b/m)^2) + (b/m)*asinh(b/(2*m)))', 'b'), 'asinh(b/m)', (r) => ({ b: r.range(-10, 10), m: r.logUniform(0.01, 100) }), seed), TOL, 'mutant link') },
  ]),
  // tol: TOL (rounding of O(1)-scaled closed forms, derived at its definition); the falsifiers use the same TOL and
  // miss by O(1).
  proof('WOO-KKT-SYM', 'arcsinh((w₊² − w₋²)/(2w₊w₋)) = ln(w₊/w₋)', 'sinh(ln(a/b)) = (a² − b²)/(2ab), so with w₊w₋ = α²w0² the mirror variable ∇Q(β) equals ln(w₊/w₋).', 'App C (16)–(19)', (seed) => within(identityResidual('asinh((a^2 - b^2)/(2*a*b))', 'log(a/b)', (r) => ({ a: r.logUniform(0.01, 10), b: r.logUniform(0.01, 10) }), seed), TOL, 'identity'), [
    { name: 'arcsinh((a² − b²)/(ab))', description: 'missing 2', check: (seed) => within(identityResidual('asinh((a^2 - b^2)/(a*b))', 'log(a/b)', (r) => ({ a: r.logUniform(0.01, 10), b: r.logUniform(0.01, 10) }), seed), TOL, 'mutant') },
  ]),
  // tol: TOL (rounding of O(1)-scaled closed forms, derived at its definition); the falsifiers use the same TOL and
  // miss by O(1).
  proof('WOO-FLOW2-SYM', '(16) solves (15): d/ds[w0·e^{−2xs}]·res = −2x·res·w and β = 2α²w0²sinh(−4xs) has β̇ = −4x·res·(w₊² + w₋²)', 'Chain rule with ṡ = res (scalar d = N = 1, c_L = ½).', 'App C L363–L371', (seed) => {
    const S: Sampler = (r) => ({ w0: r.range(0.2, 2), x: r.range(-2, 2), s: r.range(-1, 1), res: r.range(-2, 2), a: r.range(0.2, 2) });
    return all([
      within(identityResidual(`(${d('w0*exp(-2*x*s)', 's')})*res`, '-2*x*res*w0*exp(-2*x*s)', S, seed), TOL, 'ẇ₊'),
      within(identityResidual(`(${d('2*a^2*w0^2*sinh(-4*x*s)', 's')})*res`, '-4*x*res*((a*w0*exp(-2*x*s))^2 + (a*w0*exp(2*x*s))^2)', S, seed + 1), TOL, 'β̇'),
    ]);
  }, [{ name: 'sinh(−2xs) in (17)', description: 'halved exponent', check: (seed) => within(identityResidual(`(${d('2*a^2*w0^2*sinh(-2*x*s)', 's')})*res`, '-4*x*res*((a*w0*exp(-2*x*s))^2 + (a*w0*exp(2*x*s))^2)', (r) => ({ w0: r.range(0.2, 2), x: r.range(-2, 2), s: r.range(-1, 1), res: r.range(-2, 2), a: r.range(0.2, 2) }), seed), TOL, 'β̇ (mutant)') }]),
  // tol: TOL (rounding of O(1)-scaled closed forms, derived at its definition); the falsifiers use the same TOL and
  // miss by O(1).
  proof('WOO-FLOWD-SYM', '(51) solves (50): d/ds(α^{2−D} + D(D−2)xs)^{−1/(D−2)}·res = −D·x·res·w^{D−1}', 'Chain rule with ṡ = res for D ∈ {3, 4, 5, 7} (c_L = ½).', 'App E L602–L642', (seed) => {
    const outs: Outcome[] = [];
    for (const D of [3, 4, 5, 7]) {
      const w = `(a^(${2 - D}) + ${D * (D - 2)}*x*s)^(-1/${D - 2})`;
      outs.push(within(identityResidual(`(${d(w, 's')})*res`, `-${D}*x*res*(${w})^(${D - 1})`, (r) => ({ a: r.range(0.3, 1.5), x: r.range(0, 0.3), s: r.range(0, 0.5), res: r.range(-1, 1) }), seed + D), TOL, `D=${D}`));
    }
    return all(outs);
  }, [{ name: 'exponent −1/(D−1)', description: 'wrong power', check: (seed) => { const D = 3; const w = `(a^(${2 - D}) + ${D * (D - 2)}*x*s)^(-1/${D - 1})`; return within(identityResidual(`(${d(w, 's')})*res`, `-${D}*x*res*(${w})^(${D - 1})`, (r) => ({ a: r.range(0.3, 1.5), x: r.range(0, 0.3), s: r.range(0, 0.5), res: r.range(-1, 1) }), seed), TOL, 'mutant'); } }]),
  // tol: TOL (rounding of O(1)-scaled closed forms, derived at its definition); the falsifiers use the same TOL and
  // miss by O(1).
  proof('WOO-HD-SYM', 'h_D′(z) = p(1−z)^{−p−1} + p(1+z)^{−p−1}', 'mathjs derivative of (1−z)^{−p} − (1+z)^{−p} for D = 3…8.', '(59) L642', (seed) => {
    const outs: Outcome[] = [];
    for (let D = 3; D <= 8; D++) {
      const p = D / (D - 2);
      outs.push(within(identityResidual(d(`(1-z)^(-${p}) - (1+z)^(-${p})`, 'z'), `${p}*(1-z)^(-${p}-1) + ${p}*(1+z)^(-${p}-1)`, (r) => ({ z: r.range(-0.9, 0.9) }), seed + D), TOL, `D=${D}`));
    }
    return all(outs);
  }, [{ name: 'h′ with a minus sign', description: 'p(1−z)^{−p−1} − p(1+z)^{−p−1}', check: (seed) => within(identityResidual(d('(1-z)^(-3) - (1+z)^(-3)', 'z'), '3*(1-z)^(-4) - 3*(1+z)^(-4)', (r) => ({ z: r.range(-0.9, 0.9) }), seed), TOL, 'mutant') }]),
  // tol: p_z has terms up to z⁴ ≈ 4e5 (λ ≤ 0.8) that cancel to 0; normalized by 1 + u⁴ + z⁴, rounding of the inputs
  // and the sum is ≲ 1e2·ε·(cancellation ≲ 10) ≈ 2e-13: 1e-9 leaves ≥ 10³×; the mutant's residual is O(1).
  proof('WOO-RDEF-SYM', 'the parametric r solves the quartic: p_z(2λ²(1+λ²)/(1−λ²)²) = 0 at z = 4λ/(1−λ²)²', 'Substituting the parametric minimizer into p_z(u) = u⁴ − 6u³ + (12 − 2z²)u² − (8 + 10z²)u + z² + z⁴ gives 0.', 'L168', (seed) => {
    const u = '(2*l^2*(1+l^2)/(1-l^2)^2)';
    const z = '(4*l/(1-l^2)^2)';
    const pz = `${u}^4 - 6*${u}^3 + (12 - 2*${z}^2)*${u}^2 - (8 + 10*${z}^2)*${u} + ${z}^2 + ${z}^4`;
    const scale = `1 + ${u}^4 + ${z}^4`;
    return within(identityResidual(`(${pz})/(${scale})`, '0', (r) => ({ l: r.range(-0.8, 0.8) }), seed), 1e-9, 'p_z(r(z)) relative to the size of its terms');
  }, [{ name: 'u = λ²(1+λ²)/(1−λ²)²', description: 'missing factor 2', check: (seed) => { const u = '(l^2*(1+l^2)/(1-l^2)^2)'; const z = '(4*l/(1-l^2)^2)'; const pz = `${u}^4 - 6*${u}^3 + (12 - 2*${z}^2)*${u}^2 - (8 + 10*${z}^2)*${u} + ${z}^2 + ${z}^4`; return within(identityResidual(`(${pz})/(1 + ${u}^4 + ${z}^4)`, '0', (r) => ({ l: r.range(-0.8, 0.8) }), seed), 1e-9, 'mutant'); } }]),
  // tol: TOL (rounding of O(1)-scaled closed forms, derived at its definition); the falsifiers use the same TOL and
  // miss by O(1).
  proof('WOO-RQ4-SYM', 'h_4(s) = (1−s)^{−2} − (1+s)^{−2} = 4s/(1−s²)²', 'The depth-4 link equals the parametric map of r, so r = q_4.', 'links L168 and (59)', (seed) => within(identityResidual('(1-s)^(-2) - (1+s)^(-2)', '4*s/(1-s^2)^2', (r) => ({ s: r.range(-0.95, 0.95) }), seed), TOL, 'identity'), [
    { name: '2s/(1−s²)²', description: 'wrong constant', check: (seed) => within(identityResidual('(1-s)^(-2) - (1+s)^(-2)', '2*s/(1-s^2)^2', (r) => ({ s: r.range(-0.95, 0.95) }), seed), TOL, 'mutant') },
  ]),
  // tol: fourth derivative through an unsimplified mathjs tree at a ∈ [0.7, 2] (1/a¹² ≤ 70): ≲ 1e2·ε·70 ≈ 2e-12
  // relative; 1e-10 leaves ~50×; the sign mutant misses by O(1) (falsifier uses the same 1e-10).
  proof('WOO-L3-SYM', 'φ⁗(z) = (2z² − 4α⁴)/(α¹²(4 + z²/α⁴)^{5/2}) for φ(z) = q(z/α²)', 'Fourth mathjs derivative of q(z/α²) (the printed label φ‴ at L518 is φ⁗: erratum E-D5).', 'App D (39) L518', (seed) => {
    // φ″ = q″(z/α²)/α⁴ = 1/(α⁴√(4 + z²/α⁴)) (q″ from WOO-QCF-SYM); two more symbolic derivatives.
    let e = M.parse('1/(a^4*sqrt(4 + z^2/a^4))');
    for (let k = 0; k < 2; k++) e = M.derivative(e, 'z');
    return within(identityResidual(e, '(2*z^2 - 4*a^4)/(a^12*(4 + z^2/a^4)^(5/2))', (r) => ({ z: r.range(-3, 3), a: r.range(0.7, 2) }), seed), 1e-10, 'φ⁗');
  }, [{ name: 'φ⁗ with 2z² + 4α⁴', description: 'sign error', check: (seed) => { let e = M.parse('1/(a^4*sqrt(4 + z^2/a^4))'); for (let k = 0; k < 2; k++) e = M.derivative(e, 'z'); return within(identityResidual(e, '(2*z^2 + 4*a^4)/(a^12*(4 + z^2/a^4)^(5/2))', (r) => ({ z: r.range(-3, 3), a: r.range(0.7, 2) }), seed), 1e-10, 'mutant'); } }]),
  // tol: TOL (rounding of O(1)-scaled closed forms, derived at its definition); the falsifiers use the same TOL and
  // miss by O(1).
  proof('WOO-AB-SYM', 'd/dt(u² − v²) = 0 along u̇ = −g v, v̇ = −g u', '2u·u̇ − 2v·v̇ = −2g(uv − vu) = 0 (any residual g).', 'App B', (seed) => within(identityResidual('2*u*(-g*v) - 2*v*(-g*u)', '0', (r) => ({ u: r.normal(), v: r.normal(), g: r.normal() }), seed), TOL, 'd/dt(u² − v²)'), [
    { name: 'u² + v² conserved', description: 'wrong invariant', check: (seed) => within(identityResidual('2*u*(-g*v) + 2*v*(-g*u)', '0', (r) => ({ u: r.normal(), v: r.normal(), g: r.normal() }), seed), TOL, 'd/dt(u² + v²)') },
  ]),
];
