// Symbolic derivations for azulay2021 (mathjs; exact where it simplifies, else BigNumber points).
// Each proof is the catalog id plus '-SYM'. Expressions are strings in w1..w3 (or x) and parameters;
// derivatives are mathjs's symbolic derivatives, identities are checked at random BigNumber points
// (80 digits, relative tolerance 1e-40) by src/symbolic.
import fc from 'fast-check';
import { all, defineClaim, fail, fmt, pass, type Claim, type Outcome } from '../../src/core/claim.js';
import { derivativeExpr, hessianExprs, hessianMapCondition, identityHolds, lieDerivativeVanishes, mathBigAt, type IdentityOptions, type IdentityResult } from '../../src/symbolic/index.js';

const PAPER = 'azulay2021';
interface SymInst {
  seed: number;
}
const symArb = fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) });
const RUNS = { ci: 1, default: 2, deep: 5 };

/** An identity result as an outcome (pass iff it holds at every point / simplifies to 0). */
function held(r: IdentityResult, what: string): Outcome {
  return r.holds ? pass(0, `${what}: holds (${r.method}, max residual ${fmt(r.maxResidual)})`) : fail(Number.POSITIVE_INFINITY, `${what}: fails (${r.method}, residual ${fmt(r.maxResidual)})`);
}
/** An identity that must FAIL (the paper-literal or mutant form): pass iff a generic point violates it by > 1e-6. */
function violated(r: IdentityResult, what: string): Outcome {
  return !r.holds && r.maxResidual > 1e-6 ? pass(0, `${what}: violated as expected (residual ${fmt(r.maxResidual)})`) : fail(Number.POSITIVE_INFINITY, `${what}: unexpectedly holds`);
}
const opts = (seed: number, domain: Record<string, [number, number]> = {}, extra: IdentityOptions = {}): IdentityOptions => ({ seed, simplify: false, domain, ...extra });

const W = ['w1', 'w2', 'w3'];
const NORM2 = '(w1^2+w2^2+w3^2)';
const S = `sqrt(${NORM2}+D^2/4)`;
const A = `(D/2+${S})`;
/** H_δ(w) (eq. 23), entrywise, d = 3. */
const Hd = W.map((wi, i) => W.map((wj, j) => `(${i === j ? 1 : 0} - ${wi}*${wj}/(2*${A}*${S}))/${A}`));
// The same objects in d = 2 (the Hessian-map equations of the radial fields have the same form in every
// dimension; d = 2 keeps the mathjs expression trees small enough for the CI budget).
const W2 = ['w1', 'w2'];
const S2 = 'sqrt(w1^2+w2^2+D^2/4)';
const A2 = `(D/2+${S2})`;
const Hd2 = W2.map((wi, i) => W2.map((wj, j) => `(${i === j ? 1 : 0} - ${wi}*${wj}/(2*${A2}*${S2}))/${A2}`));
const scaleField = (g: string, H: string[][]) => H.map((row) => row.map((e) => `(${g})*(${e})`));

// ---------------------------------------------------------------------------------------------
export const hmSym = defineClaim<SymInst>({
  id: 'AZU-HM-SYM',
  paper: PAPER,
  title: 'eq. (6) symbolically: I + wwᵀ and H_δ violate it; diag(1/sqrt(k+4w²)) and (3/2)sqrt(S+δ/2)H_δ satisfy it',
  statement:
    'With mathjs derivatives at d = 3: (ii) ∂_kM_ij − ∂_jM_ik = δ_ik w_j − δ_ij w_k for M = I + wwᵀ (so M violates (6)); (iii) H_δ violates (6) for δ ∈ [0, 5] (field check at d = 2), with ∂H_ii/∂w_j − ∂H_ij/∂w_i = −w_j/(2S(δ/2+S)²) (and −w_j/(2‖w‖³) at δ = 0, App. B.1); (iv) diag(1/sqrt(kᵢ+4wᵢ²)) satisfies (6); (v) g·H_δ with g = (3/2)sqrt(S+δ/2) satisfies (6) (d = 2).',
  where: 'eq. (6) line 141; footnote 3; App. B.1 lines 685–703',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => {
    const M = W.map((wi, i) => W.map((wj, j) => `${i === j ? 1 : 0} + ${wi}*${wj}`));
    const outs: Outcome[] = [];
    // (ii) exact residual tensor
    for (const [i, j, k] of [[0, 1, 0], [0, 0, 1], [1, 2, 1], [2, 0, 1]] as const) {
      const lhs = `(${derivativeExpr(M[i][j], W[k])}) - (${derivativeExpr(M[i][k], W[j])})`;
      const rhs = `${i === k ? W[j] : '0'} - ${i === j ? W[k] : '0'}`;
      outs.push(held(identityHolds(lhs, rhs, W, opts(seed)), `(ii) ∂${W[k]}M${i + 1}${j + 1} − ∂${W[j]}M${i + 1}${k + 1}`));
    }
    const hm = hessianMapCondition(M, W, opts(seed));
    outs.push(hm.integrable ? fail(Infinity, '(ii) I + wwᵀ passes (6)') : pass(0, `(ii) I + wwᵀ violates (6) in ${hm.violations.length} equations`));
    const hd = hessianMapCondition(Hd2, W2, { ...opts(seed, { D: [0, 5] }), params: ['D'] });
    outs.push(hd.integrable ? fail(Infinity, '(iii) H_δ passes (6)') : pass(0, `(iii) H_δ violates (6) in ${hd.violations.length} equations`));
    const diff = `(${derivativeExpr(Hd[0][0], 'w2')}) - (${derivativeExpr(Hd[0][1], 'w1')})`;
    outs.push(held(identityHolds(diff, `-w2/(2*${S}*${A}^2)`, [...W, 'D'], opts(seed, { D: [0, 5] })), '(iii) ∂H₁₁/∂w₂ − ∂H₁₂/∂w₁ = −w₂/(2S(δ/2+S)²)'));
    const H0 = W.map((wi, i) => W.map((wj, j) => `(${i === j ? 1 : 0} - ${wi}*${wj}/(2*${NORM2}))/sqrt(${NORM2})`));
    const diff0 = `(${derivativeExpr(H0[0][0], 'w2')}) - (${derivativeExpr(H0[0][1], 'w1')})`;
    outs.push(held(identityHolds(diff0, `-w2/(2*${NORM2}^(3/2))`, W, opts(seed)), '(iii) δ = 0: difference = −w_j/(2‖w‖³) (B.1)'));
    const diag = W.map((wi, i) => W.map((_, j) => (i === j ? `1/sqrt(k${i + 1} + 4*${wi}^2)` : '0')));
    const dg = hessianMapCondition(diag, W, { ...opts(seed, { k1: [0.1, 5], k2: [0.1, 5], k3: [0.1, 5] }), params: ['k1', 'k2', 'k3'] });
    outs.push(dg.integrable && dg.symmetric ? pass(0, '(iv) diagonal metric satisfies (6)') : fail(Infinity, '(iv) diagonal metric violates (6)'));
    const gh = hessianMapCondition(scaleField(`1.5*sqrt(${S2}+D/2)`, Hd2), W2, { ...opts(seed, { D: [0, 5] }), params: ['D'] });
    outs.push(gh.integrable && gh.symmetric ? pass(0, '(v) (3/2)sqrt(S+δ/2)·H_δ satisfies (6)') : fail(Infinity, `(v) g·H_δ violates (6): ${JSON.stringify(gh.violations.slice(0, 2))}`));
    return all(outs);
  },
  falsifiers: [
    {
      name: 'H_δ is a Hessian map',
      description: 'The FC metric without the warping g passes (6).',
      check: ({ seed }) => {
        const hd = hessianMapCondition(Hd2, W2, { ...opts(seed, { D: [0, 5] }), params: ['D'] });
        return hd.integrable ? pass(0, 'H_δ integrable') : fail(Infinity, `H_δ violates (6) in ${hd.violations.length} equations`);
      },
    },
    {
      name: 'g = sqrt(S) (wrong warp)',
      description: 'A warp that is not (3/2)sqrt(S+δ/2)·const makes g·H_δ non-integrable.',
      check: ({ seed }) => {
        const gh = hessianMapCondition(scaleField(`sqrt(${S2})`, Hd2), W2, { ...opts(seed, { D: [0.5, 5] }), params: ['D'] });
        return gh.integrable ? pass(0, 'sqrt(S)·H_δ integrable') : fail(Infinity, `sqrt(S)·H_δ violates (6) in ${gh.violations.length} equations`);
      },
    },
  ],
  runs: RUNS,
});

// ---------------------------------------------------------------------------------------------
const QK = '(sqrt(k)/4)*(1 - sqrt(1 + 4*x^2/k) + (2*x/sqrt(k))*asinh(2*x/sqrt(k)))';
export const qkSym = defineClaim<SymInst>({
  id: 'AZU-QK-SYM',
  paper: PAPER,
  title: 'q_k′ = ½asinh(2x/√k) and q_k″ = 1/sqrt(k+4x²) symbolically',
  statement: 'mathjs: d/dx of the closed form (eq. 9) minus ½asinh(2x/√k) is 0, and d²/dx² equals 1/sqrt(k+4x²) (eq. 20), at BigNumber points with k ∈ [0.01, 5].',
  where: 'Thm 1 eq. (9); App. A lines 531–547',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => {
    const d1 = derivativeExpr(QK, 'x');
    const o = opts(seed, { k: [0.01, 5] });
    return all([
      held(identityHolds(d1, '0.5*asinh(2*x/sqrt(k))', ['x', 'k'], o), "q_k′ = ½asinh(2x/√k)"),
      held(identityHolds(derivativeExpr(d1, 'x'), '1/sqrt(k + 4*x^2)', ['x', 'k'], o), "q_k″ = 1/sqrt(k+4x²)"),
    ]);
  },
  falsifiers: [
    {
      name: 'q_k′ = ½asinh(x/√k)',
      description: 'Factor 2 missing.',
      check: ({ seed }) => held(identityHolds(derivativeExpr(QK, 'x'), '0.5*asinh(x/sqrt(k))', ['x', 'k'], opts(seed, { k: [0.01, 5] })), 'mutant derivative'),
    },
  ],
  runs: RUNS,
});

// ---------------------------------------------------------------------------------------------
const SX = 'sqrt(x^2 + D^2/4)';
const QHAT = `(${SX} - D)*sqrt(${SX} + D/2)`;
const QHAT_PRINTED = `(x^2 - (D/2)*(D/2 + ${SX}))*sqrt(${SX} - D/2)/x`;
export const qhatSym = defineClaim<SymInst>({
  id: 'AZU-QHAT-SYM',
  paper: PAPER,
  title: 'q̂_δ: printed ≡ simplified form, q̂′ = (3/2)sqrt(S−δ/2), q̂″ = (3/4)x/(S sqrt(S−δ/2))',
  statement: 'For x > 0, δ ≥ 0: (x² − (δ/2)(δ/2+S))sqrt(S−δ/2)/x ≡ (S−δ)sqrt(S+δ/2); d/dx q̂ = (3/2)sqrt(S−δ/2); d²/dx² q̂ = (3/4)x/(S sqrt(S−δ/2)).',
  where: 'Thm 2 lines 271–281; App. B lines 639–681',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => {
    const o = opts(seed, { x: [0.05, 3], D: [0, 5] });
    const d1 = derivativeExpr(QHAT, 'x');
    return all([
      held(identityHolds(QHAT_PRINTED, QHAT, ['x', 'D'], o), 'printed ≡ simplified q̂'),
      held(identityHolds(d1, `1.5*sqrt(${SX} - D/2)`, ['x', 'D'], o), "q̂′ = (3/2)sqrt(S−δ/2)"),
      held(identityHolds(derivativeExpr(d1, 'x'), `0.75*x/(${SX}*sqrt(${SX} - D/2))`, ['x', 'D'], o), "q̂″"),
    ]);
  },
  falsifiers: [
    {
      name: "q̂′ = sqrt(S − δ/2) (B.1/D/F normalization against the printed q̂)",
      description: 'Missing 3/2.',
      check: ({ seed }) => held(identityHolds(derivativeExpr(QHAT, 'x'), `sqrt(${SX} - D/2)`, ['x', 'D'], opts(seed, { x: [0.05, 3], D: [0, 5] })), 'mutant derivative'),
    },
  ],
  runs: RUNS,
});

// ---------------------------------------------------------------------------------------------
const Q2 = `(${S2} - D)*sqrt(${S2} + D/2) + z1*w1 + z2*w2`;
const d2 = (e: string, a: string, b: string) => derivativeExpr(derivativeExpr(e, a, { simplify: false }), b, { simplify: false });
export const warpSym = defineClaim<SymInst>({
  id: 'AZU-WARP-SYM',
  paper: PAPER,
  title: '∇²q_{δ,w̃(0)} = (3/2)sqrt(S+δ/2)·H_δ (and ≠ ĝH_δ); ĝ printed ≡ sqrt(S+δ/2)',
  statement: 'mathjs second derivatives of Q = (S−δ)sqrt(S+δ/2) + zᵀw in w1, w2 equal (3/2)sqrt(S+δ/2)·H_δ entrywise (δ ∈ [0, 5], z symbolic); B.1’s ĝ(x) = sqrt(S−δ/2)(δ/2+S)/x equals sqrt(S+δ/2).',
  where: 'Sec. 5 eq. (10); App. B.1 lines 705–749',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => {
    const vars = [...W2, 'D', 'z1', 'z2'];
    const o = opts(seed, { D: [0, 5] });
    const outs: Outcome[] = [];
    for (const [i, j] of [[0, 0], [0, 1], [1, 1]] as const) outs.push(held(identityHolds(d2(Q2, W2[i], W2[j]), `1.5*sqrt(${S2}+D/2)*${Hd2[i][j]}`, vars, o), `(∇²Q)${i + 1}${j + 1} = (3/2)ĝ(H_δ)${i + 1}${j + 1}`));
    outs.push(held(identityHolds(`sqrt(${SX} - D/2)*(D/2 + ${SX})/x`, `sqrt(${SX} + D/2)`, ['x', 'D'], opts(seed, { x: [0.05, 3], D: [0, 5] })), 'ĝ printed ≡ sqrt(S+δ/2)'));
    outs.push(violated(identityHolds(d2(Q2, 'w1', 'w1'), `sqrt(${S2}+D/2)*${Hd2[0][0]}`, vars, o), '∇²Q = ĝH_δ (B.1 normalization)'));
    return all(outs);
  },
  falsifiers: [
    {
      name: '∇²q = ĝH_δ',
      description: 'B.1’s g without the 3/2 against Theorem 2’s q.',
      check: ({ seed }) => held(identityHolds(d2(Q2, 'w1', 'w2'), `sqrt(${S2}+D/2)*${Hd2[0][1]}`, [...W2, 'D', 'z1', 'z2'], opts(seed, { D: [0, 5] })), 'mutant identity'),
    },
  ],
  runs: RUNS,
});

// ---------------------------------------------------------------------------------------------
// Conservation laws: Lie derivatives along each model's flow vanish (G = Xr/N kept as free symbols).
const lie = (q: string[], vars: string[], rhs: string[], params: string[], seed: number) => lieDerivativeVanishes(q, vars, rhs, { seed, simplify: false, params });

export const bal1Sym = defineClaim<SymInst>({
  id: 'AZU-BAL1-SYM',
  paper: PAPER,
  title: 'd/dt(a² − ‖w‖²) = 0 along a′ = wᵀG, w′ = aG; and along the leaky-ReLU field',
  statement: 'Linear single neuron (d = 3): with a′ = Σⱼwⱼgⱼ, wⱼ′ = a gⱼ (g = Xr/N symbolic), the Lie derivative of a² − Σwⱼ² is 0. Leaky ReLU with N = 2 samples: a′ = Σₙrₙσ(zₙ), w′ = aΣₙrₙσ′(zₙ)xₙ with the homogeneity σ(z) = σ′(z)z, i.e. σ(zₙ) = cₙzₙ, zₙ = wᵀxₙ (cₙ, rₙ, xₙ symbolic): the Lie derivative is 0.',
  where: 'Sec. 6 line 261; App. G line 1146',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => {
    const lin = lie(['a^2 - w1^2 - w2^2 - w3^2'], ['a', ...W], ['w1*g1 + w2*g2 + w3*g3', 'a*g1', 'a*g2', 'a*g3'], ['g1', 'g2', 'g3'], seed);
    const z = (n: number) => `(w1*x${n}1 + w2*x${n}2 + w3*x${n}3)`;
    const aRhs = `r1*c1*${z(1)} + r2*c2*${z(2)}`;
    const wRhs = [1, 2, 3].map((j) => `a*(r1*c1*x1${j} + r2*c2*x2${j})`);
    const params = ['r1', 'r2', 'c1', 'c2', ...[1, 2].flatMap((n) => [1, 2, 3].map((j) => `x${n}${j}`))];
    const lk = lie(['a^2 - w1^2 - w2^2 - w3^2'], ['a', ...W], [aRhs, ...wRhs], params, seed);
    return all([held(lin, 'linear: d/dt(a² − ‖w‖²) = 0'), held(lk, 'leaky ReLU: d/dt(a² − ‖w‖²) = 0')]);
  },
  falsifiers: [
    {
      name: 'a² + ‖w‖² conserved',
      description: 'Sign flipped.',
      check: ({ seed }) => held(lie(['a^2 + w1^2 + w2^2 + w3^2'], ['a', ...W], ['w1*g1 + w2*g2 + w3*g3', 'a*g1', 'a*g2', 'a*g3'], ['g1', 'g2', 'g3'], seed), 'mutant'),
    },
  ],
  runs: RUNS,
});

export const bal2Sym = defineClaim<SymInst>({
  id: 'AZU-BAL2-SYM',
  paper: PAPER,
  title: 'd/dt(aaᵀ − WᵀW) = 0 entrywise (m = 2, d = 2)',
  statement: 'With W = [wᵢⱼ] (d = 2 rows, m = 2 columns), a′ = WᵀG, W′ = GaᵀT: every entry of aaᵀ − WᵀW has zero Lie derivative.',
  where: 'Sec. 6 line 265; App. C line 781',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => {
    // columns w_1 = (p11, p21), w_2 = (p12, p22); a = (a1, a2); G = (g1, g2)
    const vars = ['a1', 'a2', 'p11', 'p21', 'p12', 'p22'];
    const rhs = ['p11*g1 + p21*g2', 'p12*g1 + p22*g2', 'g1*a1', 'g2*a1', 'g1*a2', 'g2*a2'];
    const q = ['a1*a1 - (p11*p11 + p21*p21)', 'a1*a2 - (p11*p12 + p21*p22)', 'a2*a2 - (p12*p12 + p22*p22)'];
    return held(lie(q, vars, rhs, ['g1', 'g2'], seed), 'entries of Δ conserved');
  },
  falsifiers: [
    {
      name: 'aaᵀ + WᵀW conserved',
      description: 'Sign flipped.',
      check: ({ seed }) => held(lie(['a1*a2 + (p11*p12 + p21*p22)'], ['a1', 'a2', 'p11', 'p21', 'p12', 'p22'], ['p11*g1 + p21*g2', 'p12*g1 + p22*g2', 'g1*a1', 'g2*a1', 'g1*a2', 'g2*a2'], ['g1', 'g2'], seed), 'mutant'),
    },
  ],
  runs: RUNS,
});

const DIAG_VARS = ['up', 'vp', 'um', 'vm'];
const DIAG_RHS = ['vp*g', 'up*g', '-vm*g', '-um*g'];
export const bal3Sym = defineClaim<SymInst>({
  id: 'AZU-BAL3-SYM',
  paper: PAPER,
  title: 'diagonal invariants: v±² − u±² and u₊u₋ + v₊v₋ have zero Lie derivative',
  statement: 'Per coordinate, along u₊′ = v₊g, v₊′ = u₊g, u₋′ = −v₋g, v₋′ = −u₋g (g = (Xr)ᵢ/N symbolic): d/dt(v₊²−u₊²) = d/dt(v₋²−u₋²) = d/dt(u₊u₋+v₊v₋) = 0 (line 481).',
  where: 'App. A lines 479–497',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => held(lie(['vp^2 - up^2', 'vm^2 - um^2', 'up*um + vp*vm'], DIAG_VARS, DIAG_RHS, ['g'], seed), 'three invariants conserved'),
  falsifiers: [
    { name: 'u₊u₋ − v₊v₋ conserved', description: 'Sign of the v-term flipped.', check: ({ seed }) => held(lie(['up*um - vp*vm'], DIAG_VARS, DIAG_RHS, ['g'], seed), 'mutant') },
  ],
  runs: RUNS,
});

export const a19Sym = defineClaim<SymInst>({
  id: 'AZU-A19-SYM',
  paper: PAPER,
  title: '(u₊²+v₊²+u₋²+v₋²)² = k + 4w̃² as a polynomial identity',
  statement: 'With δ± = v±² − u±², c = u₊u₋ + v₊v₋, k = (δ₊−δ₋)² + 4c² and w̃ = u₊v₊ − u₋v₋: (u₊²+v₊²+u₋²+v₋²)² = k + 4w̃² (eqs. 18–19), for all real u±, v±.',
  where: 'App. A eqs. (18)–(19), lines 499–509',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => held(identityHolds('(up^2+vp^2+um^2+vm^2)^2', '((vp^2-up^2)-(vm^2-um^2))^2 + 4*(up*um+vp*vm)^2 + 4*(up*vp-um*vm)^2', DIAG_VARS, opts(seed)), 'eq. (19) squared'),
  falsifiers: [
    { name: 'k + w̃² (factor 4 dropped)', description: 'Mutant metric.', check: ({ seed }) => held(identityHolds('(up^2+vp^2+um^2+vm^2)^2', '((vp^2-up^2)-(vm^2-um^2))^2 + 4*(up*um+vp*vm)^2 + (up*vp-um*vm)^2', DIAG_VARS, opts(seed)), 'mutant') },
  ],
  runs: RUNS,
});

// ---------------------------------------------------------------------------------------------
const SHAPE = '((q/p - 1)/(q/p + 1))';
export const kSym = defineClaim<SymInst>({
  id: 'AZU-K-SYM',
  paper: PAPER,
  title: '2(p² + q²) = 4pq(1+s²)/(1−s²) with s = (q/p−1)/(q/p+1)',
  statement: 'For p = |u₀| > 0, q = |v₀| > 0: √k = 2(p²+q²) equals 4α(1+s²)/(1−s²) with α = pq and s = (q/p−1)/(q/p+1) (lines 328, 555).',
  where: 'lines 197, 322–332, 553–555',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => held(identityHolds('2*(p^2+q^2)', `4*p*q*(1+${SHAPE}^2)/(1-${SHAPE}^2)`, ['p', 'q'], opts(seed, { p: [0.1, 3], q: [0.1, 3] })), '√k identity'),
  falsifiers: [{ name: '√k = 4α(1−s²)/(1+s²)', description: 'Inverted shape factor.', check: ({ seed }) => held(identityHolds('2*(p^2+q^2)', `4*p*q*(1-${SHAPE}^2)/(1+${SHAPE}^2)`, ['p', 'q'], opts(seed, { p: [0.1, 3], q: [0.1, 3] })), 'mutant') }],
  runs: RUNS,
});

const FS = '((A/B - 1)/(A/B + 1))';
export const lemmaSym = defineClaim<SymInst>({
  id: 'AZU-L1L2-SYM',
  paper: PAPER,
  title: 'Lemmas 1–2 symbolically: δ = 4αs/(1−s²), S₀ = α(1+s²)/(1−s²), S₀ ∓ δ/2 = α(1∓s)/(1±s)',
  statement: 'With A = |a₀| > 0, B = ‖w₀‖ > 0, α = AB, s = (A/B−1)/(A/B+1), δ = A² − B², S₀ = sqrt(α² + δ²/4): δ = 4αs/(1−s²) (Lemma 1); S₀ = α(1+s²)/(1−s²), S₀ − δ/2 = α(1−s)/(1+s) = B², S₀ + δ/2 = α(1+s)/(1−s) = A² (Lemma 2).',
  where: 'App. H lines 1232–1274',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => {
    const o = opts(seed, { A: [0.1, 3], B: [0.1, 3] });
    const S0 = 'sqrt((A*B)^2 + (A^2-B^2)^2/4)';
    return all([
      held(identityHolds('A^2 - B^2', `4*A*B*${FS}/(1-${FS}^2)`, ['A', 'B'], o), 'Lemma 1'),
      held(identityHolds(S0, `A*B*(1+${FS}^2)/(1-${FS}^2)`, ['A', 'B'], o), 'Lemma 2 (1)'),
      held(identityHolds(`${S0} - (A^2-B^2)/2`, `A*B*(1-${FS})/(1+${FS})`, ['A', 'B'], o), 'Lemma 2 (2)'),
      held(identityHolds(`${S0} + (A^2-B^2)/2`, 'A^2', ['A', 'B'], o), 'Lemma 2 (3) = a₀²'),
    ]);
  },
  falsifiers: [{ name: 'δ = 4αs/(1+s²)', description: 'Lemma 1 with the wrong denominator.', check: ({ seed }) => held(identityHolds('A^2 - B^2', `4*A*B*${FS}/(1+${FS}^2)`, ['A', 'B'], opts(seed, { A: [0.1, 3], B: [0.1, 3] })), 'mutant') }],
  runs: RUNS,
});

// ---------------------------------------------------------------------------------------------
export const t1pSym = defineClaim<SymInst>({
  id: 'AZU-T1P-SYM',
  paper: PAPER,
  title: 'the cosh/sinh parameter form solves the diagonal flow',
  statement: 'With G the running value (Xν(t))ᵢ, u₊ = u₀coshG + v₀sinhG, v₊ = u₀sinhG + v₀coshG, u₋ = u₀coshG − v₀sinhG, v₋ = −u₀sinhG + v₀coshG satisfy du₊/dG = v₊, dv₊/dG = u₊, du₋/dG = −v₋, dv₋/dG = −u₋ (the flow with G′ = (Xr)ᵢ/N), and w̃ = u₊v₊ − u₋v₋ = (u₀²+v₀²)sinh(2G) = (√k/2)sinh(2G).',
  where: 'App. A lines 511–529 (derived)',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => {
    const up = 'u*cosh(G) + v*sinh(G)', vp = 'u*sinh(G) + v*cosh(G)', um = 'u*cosh(G) - v*sinh(G)', vm = '-u*sinh(G) + v*cosh(G)';
    const vars = ['u', 'v', 'G'];
    const o = opts(seed);
    return all([
      held(identityHolds(derivativeExpr(up, 'G'), vp, vars, o), 'du₊/dG = v₊'),
      held(identityHolds(derivativeExpr(vp, 'G'), up, vars, o), 'dv₊/dG = u₊'),
      held(identityHolds(derivativeExpr(um, 'G'), `-(${vm})`, vars, o), 'du₋/dG = −v₋'),
      held(identityHolds(derivativeExpr(vm, 'G'), `-(${um})`, vars, o), 'dv₋/dG = −u₋'),
      held(identityHolds(`(${up})*(${vp}) - (${um})*(${vm})`, '(u^2+v^2)*sinh(2*G)', vars, o), 'w̃ = (√k/2)sinh(2G)'),
    ]);
  },
  falsifiers: [
    { name: 'w̃ = (√k/2)sinh(G)', description: 'Factor 2 in the argument dropped.', check: ({ seed }) => held(identityHolds('(u*cosh(G) + v*sinh(G))*(u*sinh(G) + v*cosh(G)) - (u*cosh(G) - v*sinh(G))*(-u*sinh(G) + v*cosh(G))', '(u^2+v^2)*sinh(G)', ['u', 'v', 'G'], opts(seed)), 'mutant') },
  ],
  runs: RUNS,
});

export const wwSym = defineClaim<SymInst>({
  id: 'AZU-WW-SYM',
  paper: PAPER,
  title: 'q_k(x) = (c/2)q^{WW}(x/c) with √k = 4c',
  statement: 'With q^{WW}(z) = 2 − sqrt(4+z²) + z·asinh(z/2) (Woodworth et al.) and √k = 4c: q_k(x) − (c/2)(2 − sqrt(4+(x/c)²) + (x/c)asinh(x/(2c))) = 0.',
  where: 'Sec. 4 line 201',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => held(identityHolds(QK.replace(/k/g, '(16*c^2)'), '(c/2)*(2 - sqrt(4 + (x/c)^2) + (x/c)*asinh(x/(2*c)))', ['x', 'c'], opts(seed, { c: [0.05, 3] })), 'Q_k = ½Q^WW'),
  falsifiers: [{ name: '√k = c', description: 'Argument mis-scaled.', check: ({ seed }) => held(identityHolds(QK.replace(/k/g, '(c^2)'), '(c/2)*(2 - sqrt(4 + (x/c)^2) + (x/c)*asinh(x/(2*c)))', ['x', 'c'], opts(seed, { c: [0.05, 3] })), 'mutant') }],
  runs: RUNS,
});

export const p1Sym = defineClaim<SymInst>({
  id: 'AZU-P1-SYM',
  paper: PAPER,
  title: '∇²‖w‖^{3/2} = (3/2)‖w‖^{1/2}H₀(w)',
  statement: 'For w ≠ 0 in R³: the Hessian of ‖w‖^{3/2} equals (3/2)‖w‖^{1/2}·‖w‖⁻¹(I − wwᵀ/(2‖w‖²)) (App. C; Prop. 1’s objective is Theorem 2’s q at δ = 0).',
  where: 'Sec. 6 lines 285–291; App. C',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => {
    const H = hessianExprs(`${NORM2}^(3/4)`, W);
    const H0 = (i: number, j: number) => `1.5*${NORM2}^(1/4)*(${i === j ? 1 : 0} - w${i + 1}*w${j + 1}/(2*${NORM2}))/sqrt(${NORM2})`;
    return all([[0, 0], [0, 1], [2, 1]].map(([i, j]) => held(identityHolds(H[i][j], H0(i, j), W, opts(seed)), `entry ${i + 1}${j + 1}`)));
  },
  falsifiers: [{ name: 'exponent 2 (∇²‖w‖² = 2I)', description: 'Quadratic objective.', check: ({ seed }) => held(identityHolds(hessianExprs(`${NORM2}`, W)[0][1], `1.5*${NORM2}^(1/4)*(0 - w1*w2/(2*${NORM2}))/sqrt(${NORM2})`, W, opts(seed)), 'mutant') }],
  runs: RUNS,
});

export const f21Sym = defineClaim<SymInst>({
  id: 'AZU-F21-SYM',
  paper: PAPER,
  title: 'rescaling q̂_δ(αx) = α^{3/2}q̂_{δ/α}(x) (why α → ∞ is not a kernel limit)',
  statement: 'For α > 0, x > 0, δ ≥ 0: q̂_δ(αx) = α^{3/2}·q̂_{δ/α}(x).',
  where: 'catalog erratum 1 (App. F.2.1)',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => {
    const q = (x: string, d: string) => `(sqrt((${x})^2 + (${d})^2/4) - (${d}))*sqrt(sqrt((${x})^2 + (${d})^2/4) + (${d})/2)`;
    return held(identityHolds(q('a*x', 'D'), `a^(3/2)*${q('x', 'D/a')}`, ['a', 'x', 'D'], opts(seed, { a: [0.1, 5], x: [0.05, 3], D: [0, 5] })), 'rescaling');
  },
  falsifiers: [
    {
      name: 'q̂_δ(αx) = α²q̂_{δ/α}(x) (quadratic scaling)',
      description: 'The scaling a kernel (quadratic) limit would need.',
      check: ({ seed }) => {
        const q = (x: string, d: string) => `(sqrt((${x})^2 + (${d})^2/4) - (${d}))*sqrt(sqrt((${x})^2 + (${d})^2/4) + (${d})/2)`;
        return held(identityHolds(q('a*x', 'D'), `a^2*${q('x', 'D/a')}`, ['a', 'x', 'D'], opts(seed, { a: [0.1, 5], x: [0.05, 3], D: [0, 5] })), 'mutant');
      },
    },
  ],
  runs: RUNS,
});

export const eSym = defineClaim<SymInst>({
  id: 'AZU-E-SYM',
  paper: PAPER,
  title: '√k·q_k(x) − x²/2 → 0 (k = 1e40, 80-digit BigNumber); the literal x² limit is off by x²/2',
  statement: 'Evaluating the closed form at k = 1e40 with 80 significant digits: |√k q_k(x) − x²/2| < 1e-30 for x ∈ [0.1, 3] (the next term is x⁴/(6k)); App. E’s x² (line 951) misses by x²/2.',
  where: 'App. E lines 931–971',
  kind: 'proof',
  expected: 'holds',
  arbitrary: symArb,
  check: ({ seed }) => {
    const math = mathBigAt(80);
    const xs = [0.1, 0.7, 1.3, 3].map((x, i) => x + ((seed >>> i) % 7) / 100);
    const dev = xs.map((x) => Number(math.evaluate(`abs(sqrt(k)*${QK} - x^2/2)`, { k: math.bignumber('1e40'), x: math.bignumber(x) }).toString()));
    const lit = xs.map((x) => Number(math.evaluate(`abs(sqrt(k)*${QK} - x^2)`, { k: math.bignumber('1e40'), x: math.bignumber(x) }).toString()));
    return all([
      dev.every((d) => d < 1e-30) ? pass(0, `max |√k q_k − x²/2| = ${fmt(Math.max(...dev))}`) : fail(Infinity, `|√k q_k − x²/2| = ${dev.map(fmt).join(', ')}`),
      lit.every((d, i) => d > 0.4 * xs[i] ** 2) ? pass(0, 'literal x² limit is off by ≈ x²/2') : fail(Infinity, 'literal limit unexpectedly close'),
    ]);
  },
  falsifiers: [
    {
      name: '√k q_k(x) → x² (App. E line 951)',
      description: 'The printed asymptote.',
      check: ({ seed }) => {
        const math = mathBigAt(80);
        const x = 0.7 + (seed % 7) / 100;
        const d = Number(math.evaluate(`abs(sqrt(k)*${QK} - x^2)`, { k: math.bignumber('1e40'), x: math.bignumber(x) }).toString());
        return d < 1e-30 ? pass(0, 'holds') : fail(d / 1e-30, `|√k q_k − x²| = ${fmt(d)}`);
      },
    },
  ],
  runs: RUNS,
});

export const proofs: Claim[] = [hmSym, qkSym, qhatSym, warpSym, bal1Sym, bal2Sym, bal3Sym, a19Sym, kSym, lemmaSym, t1pSym, wwSym, p1Sym, f21Sym, eSym];
