// Symbolic checks of the algebra inside Min et al. 2021's lemmas: the trace inequality B.4, the
// Grönwall derivative B.1, the steps (33) and (34)–(35) of Lemma 1's proof, and the printed sign
// slip at L:678.
import fc from 'fast-check';
import { all, defineClaim, type CheckContext, type Claim, type Outcome } from '../../src/core/claim.js';
import { Rng } from '../../src/random/rng.js';
import {
  blockMatrix,
  cayleyOrthogonal,
  derivativeExpr,
  identitiesHold,
  identityHolds,
  identityMatrix,
  matMul,
  matSymbols,
  ratMatrixExprs,
  ratMul,
  ratTranspose,
  ratEquals,
  ratZeros,
  sumExpr,
  symDiag,
  symMatrix,
  symSymmetric,
  trace,
  transpose,
  zerosMatrix,
} from '../../src/symbolic/index.js';
import { dataExprs, exactData, identityOutcome, idOpts, matIdentity, seedOnlyArb, sizesArb, SZ_NOTE, type SymInstance } from './common.js';

const PAPER = 'min2021';

// ---------------------------------------------------------------------------------------------
// MIN-LB4-SYM: tr(AB) − λ_n(A)tr(B) = Σ_i (a_i − a_n)(QᵀBQ)_ii for A = Q diag(a) Qᵀ

interface LB4Instance {
  n: number;
  seed: number;
}

function lb4Check(inst: LB4Instance, ctx: CheckContext, variant: 'paper' | 'wrongEntry'): Outcome {
  const n = inst.n;
  const Q = ratMatrixExprs(cayleyOrthogonal(new Rng(inst.seed), n));
  const Dg = symDiag('a', n);
  const A = matMul(matMul(Q, Dg), transpose(Q)); // symmetric with eigenvalues a_i, eigenvectors Q
  const B = symSymmetric('B', n);
  const C = matMul(matMul(transpose(Q), B), Q); // QᵀBQ, PSD iff B is: its diagonal is ≥ 0
  const vars = [...Array.from({ length: n }, (_, i) => `a_${i + 1}`), ...matSymbols(B)];
  const opts = idOpts(inst, ctx);
  const trAB = trace(matMul(A, B));
  const trB = trace(B);
  // Lower side: tr(AB) − a_n tr(B) = Σ (a_i − a_n) C_ii ≥ 0 when a_n is the smallest eigenvalue;
  // upper side: a_1 tr(B) − tr(AB) = Σ (a_1 − a_i) C_ii ≥ 0 when a_1 is the largest.
  const cii = (i: number) => (variant === 'wrongEntry' ? C[0][0] : C[i][i]);
  const lower = sumExpr(Array.from({ length: n }, (_, i) => `(a_${i + 1} - a_${n}) * (${cii(i)})`));
  const upper = sumExpr(Array.from({ length: n }, (_, i) => `(a_1 - a_${i + 1}) * (${cii(i)})`));
  return all([
    identityOutcome('tr(AB) − λ_n(A)tr(B) = Σ(a_i − a_n)(QᵀBQ)_ii', identitiesHold([`(${trAB}) - a_${n} * (${trB})`], [lower], vars, opts)),
    identityOutcome('λ_1(A)tr(B) − tr(AB) = Σ(a_1 − a_i)(QᵀBQ)_ii', identitiesHold([`a_1 * (${trB}) - (${trAB})`], [upper], vars, opts)),
  ]);
}

export const minLb4Sym = defineClaim<LB4Instance>({
  id: 'MIN-LB4-SYM',
  paper: PAPER,
  title: 'Lemma B.4 as a sum of nonnegative terms: tr(AB) − λ_n(A)tr(B) = Σ(a_i − a_n)(QᵀBQ)_ii',
  statement:
    'For A = Q diag(a_1..a_n) Qᵀ with Q an exactly orthogonal rational matrix (Cayley) and B symmetric symbolic: tr(AB) − a_n·tr(B) = Σ_i (a_i − a_n)(QᵀBQ)_ii and a_1·tr(B) − tr(AB) = Σ_i (a_1 − a_i)(QᵀBQ)_ii. With a_1 ≥ … ≥ a_n and B ⪰ 0 (so (QᵀBQ)_ii ≥ 0) every term is ≥ 0, which is Lemma B.4 (the 2×2 case of the catalog is n = 2, Q = I). ' +
    SZ_NOTE,
  where: 'App. B, Lemma B.4, L:431–435',
  kind: 'proof',
  expected: 'holds',
  arbitrary: fc.record({ n: fc.integer({ min: 2, max: 4 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
  check: (inst, ctx) => lb4Check(inst, ctx, 'paper'),
  falsifiers: [{ name: 'only the first diagonal entry', description: 'Σ(a_i − a_n)(QᵀBQ)_11: the weights must be the diagonal entries of QᵀBQ.', check: (inst, ctx) => lb4Check(inst, ctx, 'wrongEntry'), runs: 3 }],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-LB1-SYM: d/dt[u e^{−B}] = (u' − B'u)e^{−B}

const LB1_FUNCS: { u: string; B: string }[] = [
  { u: 'sin(t) + 2', B: 't^2 / 2' },
  { u: 'exp(-t) * cos(3 * t)', B: 'asinh(t) + t^3' },
  { u: 'log(1 + t^2) - 1', B: 'sqrt(1 + t^2)' },
];

function lb1Check(inst: { seed: number }, ctx: CheckContext, sign: 1 | -1): Outcome {
  const { u, B } = LB1_FUNCS[inst.seed % LB1_FUNCS.length];
  const lhs = derivativeExpr(`(${u}) * exp(-(${B}))`, 't');
  const du = derivativeExpr(u, 't');
  const dB = derivativeExpr(B, 't');
  const rhs = `((${du}) ${sign === 1 ? '-' : '+'} (${dB}) * (${u})) * exp(-(${B}))`;
  return identityOutcome(`d/dt[u e^{−B}] = (u′ ${sign === 1 ? '−' : '+'} B′u)e^{−B} for u = ${u}, B = ${B}`, identityHolds(lhs, rhs, ['t'], idOpts(inst, ctx, { domain: { t: [0, 3] } })));
}

export const minLb1Sym = defineClaim<{ seed: number }>({
  id: 'MIN-LB1-SYM',
  paper: PAPER,
  title: 'Lemma B.1 (Grönwall): d/dt[u·e^{−∫β}] = (u′ − βu)e^{−∫β}',
  statement:
    'For explicit smooth test functions u(t) and B(t) (B′ = β), the mathjs derivative of u·e^{−B} equals (u′ − B′u)·e^{−B}; so u′ ≤ βu makes u·e^{−B} non-increasing, which is Lemma B.1. Transcendental (sin, exp, log, asinh, sqrt): BigNumber evaluation at ≥ 50 digits at random t ∈ [0, 3], relative tolerance 1e−40.',
  where: 'App. B, Lemma B.1, L:387–395',
  kind: 'proof',
  expected: 'holds',
  arbitrary: seedOnlyArb,
  check: (inst, ctx) => lb1Check(inst, ctx, 1),
  falsifiers: [{ name: 'sign of the B′u term flipped', description: '(u′ + B′u)e^{−B} is not the derivative.', check: (inst, ctx) => lb1Check(inst, ctx, -1), runs: 3 }],
  runs: { ci: 3, default: 6, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-E33-SYM: (a − b)² − (a² − 2ab) = b², a² − 2ab − a²/2 = a(a/2 − 2b), and the h-exponents

function e33Check(inst: { seed: number }, ctx: CheckContext, variant: 'paper' | 'threshold2b'): Outcome {
  const opts = idOpts(inst, ctx);
  const outcomes: Outcome[] = [];
  if (variant === 'paper') {
    outcomes.push(identityOutcome('(a − b)² − (a² − 2ab) = b²', identityHolds('(a - b)^2 - (a^2 - 2*a*b)', 'b^2', ['a', 'b'], opts)));
  }
  const k = variant === 'paper' ? '2*b' : 'b';
  outcomes.push(identityOutcome(`a² − 2ab − a²/2 = a(a/2 − ${k})`, identityHolds('a^2 - 2*a*b - a^2/2', `a * (a/2 - ${k})`, ['a', 'b'], opts)));
  if (variant === 'paper') {
    // a = h^{½−α}, b = K h^{−α}: a² = h^{1−2α}, 2ab = 2K h^{½−2α}, and a − 4b = h^{−α}(√h − 4K).
    const o2 = idOpts(inst, ctx, { domain: { h: [1, 1000], al: [0.26, 0.5], K: [0.1, 10] } });
    outcomes.push(identityOutcome('a² = h^{1−2α}', identityHolds('(h^(1/2 - al))^2', 'h^(1 - 2*al)', ['h', 'al', 'K'], o2)));
    outcomes.push(identityOutcome('2ab = 2K h^{½−2α}', identityHolds('2 * h^(1/2 - al) * K * h^(-al)', '2 * K * h^(1/2 - 2*al)', ['h', 'al', 'K'], o2)));
    outcomes.push(identityOutcome('a − 4b = h^{−α}(√h − 4K)', identityHolds('h^(1/2 - al) - 4 * K * h^(-al)', 'h^(-al) * (sqrt(h) - 4*K)', ['h', 'al', 'K'], o2)));
  }
  return all(outcomes);
}

export const minE33Sym = defineClaim<{ seed: number }>({
  id: 'MIN-E33-SYM',
  paper: PAPER,
  title: 'the ½h^{1−2α} step of (33): (a − b)² = a² − 2ab + b², a² − 2ab − a²/2 = a(a/2 − 2b)',
  statement:
    '(a − b)² − (a² − 2ab) = b² (so (a − b)² > a² − 2ab for b ≠ 0) and a² − 2ab − a²/2 = a(a/2 − 2b) (so a² − 2ab ≥ a²/2 iff a ≥ 4b for a > 0) are polynomial identities (Schwartz–Zippel); with a = h^{½−α}, b = K h^{−α}: a² = h^{1−2α}, 2ab = 2K h^{½−2α} and a − 4b = h^{−α}(√h − 4K), so a ≥ 4b iff h ≥ 16K² (BigNumber, ≥ 50 digits).',
  where: 'App. E, eq. (33), L:630–644',
  kind: 'proof',
  expected: 'holds',
  arbitrary: seedOnlyArb,
  check: (inst, ctx) => e33Check(inst, ctx, 'paper'),
  falsifiers: [{ name: 'threshold a ≥ 2b', description: 'a² − 2ab − a²/2 = a(a/2 − b) is false: the threshold is a ≥ 4b (h ≥ 16K²).', check: (inst, ctx) => e33Check(inst, ctx, 'threshold2b'), runs: 3 }],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-E35-SYM: the block identities behind (35) and the midpoint algebra of (34)

function e35Check(inst: SymInstance, ctx: CheckContext, variant: 'paper' | 'midpointMinus'): Outcome {
  const opts = idOpts(inst, ctx);
  const outcomes: Outcome[] = [];
  const mid = variant === 'paper' ? 'a^2 + b^2' : 'a^2 - b^2';
  outcomes.push(identityOutcome(`((a + b)² + (a − b)²)/2 = ${mid} (34)`, identityHolds('((a + b)^2 + (a - b)^2) / 2', mid, ['a', 'b'], opts)));
  outcomes.push(identityOutcome(`(a + b)² − (${mid}) = 2ab`, identityHolds(`(a + b)^2 - (${mid})`, '2*a*b', ['a', 'b'], opts)));
  outcomes.push(identityOutcome(`(a − b)² − (${mid}) = −2ab`, identityHolds(`(a - b)^2 - (${mid})`, '-2*a*b', ['a', 'b'], opts)));
  if (variant === 'paper') {
    const d = exactData(inst);
    const e = dataExprs(d);
    const U = symMatrix('U', inst.D, inst.h);
    const V = symMatrix('V', inst.m, inst.h);
    const G = blockMatrix([[V], [U]]);
    const GGt = matMul(G, transpose(G));
    const U1 = matMul(transpose(e.Phi1), U);
    const U2 = matMul(transpose(e.Phi2), U);
    const left1 = blockMatrix([[zerosMatrix(inst.r, inst.m), transpose(e.Phi1)]]); // [0 Φ1ᵀ]
    const right1 = blockMatrix([[identityMatrix(inst.m)], [zerosMatrix(inst.D, inst.m)]]); // [I_m; 0]
    const left2 = blockMatrix([
      [identityMatrix(inst.m), zerosMatrix(inst.m, inst.D)],
      [zerosMatrix(inst.r, inst.m), transpose(e.Phi1)],
    ]);
    const right2 = blockMatrix([[zerosMatrix(inst.m, inst.D - inst.r)], [e.Phi2]]); // [0; Φ2]
    const vars = [...matSymbols(U), ...matSymbols(V)];
    outcomes.push(identityOutcome('U1Vᵀ = [0 Φ1ᵀ]GGᵀ[I_m; 0]', matIdentity(matMul(U1, transpose(V)), matMul(matMul(left1, GGt), right1), vars, opts)));
    outcomes.push(identityOutcome('[VU2ᵀ; U1U2ᵀ] = diag(I_m, Φ1ᵀ)GGᵀ[0; Φ2]', matIdentity(blockMatrix([[matMul(V, transpose(U2))], [matMul(U1, transpose(U2))]]), matMul(matMul(left2, GGt), right2), vars, opts)));
    // [0 Φ1ᵀ][I_m; 0] = 0 and diag(I_m, Φ1ᵀ)[0; Φ2] = Φ1ᵀΦ2 block = 0: so subtracting ηI changes nothing.
    const z = ratMul(ratTranspose(d.Phi1), d.Phi2);
    outcomes.push(identityOutcome('diag(I_m, Φ1ᵀ)[0; Φ2] = 0 (exact)', { holds: ratEquals(z, ratZeros(inst.r, inst.D - inst.r)), maxResidual: 0, method: 'exact', detail: 'exact rational product' }));
  }
  return all(outcomes);
}

export const minE35Sym = defineClaim<SymInstance>({
  id: 'MIN-E35-SYM',
  paper: PAPER,
  title: '(34)–(35): block identities for U1Vᵀ and [VU2ᵀ; U1U2ᵀ], and the midpoint algebra',
  statement:
    'On exact data (4) with G = [V; U] symbolic: U1Vᵀ = [0 Φ1ᵀ]GGᵀ[I_m; 0] and [VU2ᵀ; U1U2ᵀ] = diag(I_m, Φ1ᵀ)GGᵀ[0; Φ2], where the outer factors annihilate each other ([0 Φ1ᵀ][I_m; 0] = 0, Φ1ᵀΦ2 = 0 exactly), so GGᵀ may be replaced by GGᵀ − ηI. The midpoint η = a² + b² of [(a − b)², (a + b)²] satisfies (a ± b)² − η = ±2ab, so max_i |σ_i² − η| ≤ 2ab. ' +
    SZ_NOTE,
  where: 'App. E, eqs. (34)–(35), L:660–684',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb({ rMax: 2, mMax: 2 }),
  check: (inst, ctx) => e35Check(inst, ctx, 'paper'),
  counterpart: 'MIN-E35-SYM-LITERAL',
  erratum:
    'L:678 prints (h^{½−α} − K/h^α)² − h^{1−2α} − (K/h^α)² for the largest deviation from the midpoint; that expression equals −2K h^{½−2α}, not +2K h^{½−2α}. The intended term is (h^{½−α} + K/h^α)² − η. L:670 also drops the absolute value in ‖GGᵀ − ηI‖₂ = max_i |σ_i² − η|.',
  falsifiers: [{ name: 'midpoint a² − b²', description: 'η = a² − b² is not the midpoint of [(a − b)², (a + b)²].', check: (inst, ctx) => e35Check(inst, ctx, 'midpointMinus'), runs: 3 }],
  runs: { ci: 2, default: 5, deep: 20 },
});

function e35LiteralCheck(inst: { seed: number }, ctx: CheckContext, which: 'printed' | 'noAbs'): Outcome {
  const opts = idOpts(inst, ctx);
  if (which === 'printed') {
    // L:678 as printed: (a − b)² − a² − b² "= 2ab" (with a = h^{½−α}, b = K/h^α).
    return identityOutcome('(a − b)² − a² − b² = 2ab (L:678 as printed)', identityHolds('(a - b)^2 - a^2 - b^2', '2*a*b', ['a', 'b'], opts));
  }
  // Without |·| (L:670): the lower end's deviation (a − b)² − η would have to equal the upper end's.
  return identityOutcome('(a − b)² − η = (a + b)² − η', identityHolds('(a - b)^2 - (a^2 + b^2)', '(a + b)^2 - (a^2 + b^2)', ['a', 'b'], opts));
}

export const minE35SymLiteral = defineClaim<{ seed: number }>({
  id: 'MIN-E35-SYM-LITERAL',
  paper: PAPER,
  title: 'L:678 as printed: (h^{½−α} − K/h^α)² − h^{1−2α} − (K/h^α)² = 2K h^{½−2α}',
  statement:
    'The last step of the display before (35), as printed: with a = h^{½−α}, b = K/h^α, (a − b)² − a² − b² = 2ab. Expected refuted: the left side is −2ab (polynomial identity check, Schwartz–Zippel).',
  where: 'App. E, L:678',
  kind: 'proof',
  expected: 'refuted',
  arbitrary: seedOnlyArb,
  check: (inst, ctx) => e35LiteralCheck(inst, ctx, 'printed'),
  counterpart: 'MIN-E35-SYM',
  erratum:
    'L:678 writes (h^{½−α} − K/h^α)² − h^{1−2α} − (K/h^α)² = 2K h^{½−2α}; the left side equals −2K h^{½−2α}. The intended expression is (h^{½−α} + K/h^α)² − η with η the midpoint (34); the bound (35) itself is right.',
  falsifiers: [{ name: 'equal deviations at both ends (L:670 without |·|)', description: '(a − b)² − η = (a + b)² − η is false: the deviations are −2ab and +2ab.', check: (inst, ctx) => e35LiteralCheck(inst, ctx, 'noAbs'), runs: 3 }],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-E23-SYM: the aligned construction attains (23) with equality

interface E23Instance {
  r: number;
  m: number;
  h: number;
  seed: number;
}

function e23Check(inst: E23Instance, ctx: CheckContext, variant: 'paper' | 'lambda1'): Outcome {
  // U1 = diag(a) Q[:, 1:r]ᵀ with Q exactly orthogonal (h×h, h ≥ r): U1U1ᵀ = diag(a²) exactly.
  // E = ε e_r e_mᵀ, Σ_x^{1/2} = diag(s). With a_r, s_r the smallest, λ_r(U1U1ᵀ) = a_r² and
  // λ_r(Σ_x) = s_r², and (23) holds with equality: tr(EᵀΣ^{1/2}U1U1ᵀΣ^{1/2}E) = a_r² s_r² ε².
  const Q = ratMatrixExprs(cayleyOrthogonal(new Rng(inst.seed), inst.h));
  const Qr = Q.map((row) => row.slice(0, inst.r));
  const A = symDiag('a', inst.r);
  const U1 = matMul(A, transpose(Qr));
  const S = symDiag('s', inst.r);
  const E = Array.from({ length: inst.r }, (_, i) => Array.from({ length: inst.m }, (_, j) => (i === inst.r - 1 && j === inst.m - 1 ? 'ep' : '0')));
  const vars = [...Array.from({ length: inst.r }, (_, i) => `a_${i + 1}`), ...Array.from({ length: inst.r }, (_, i) => `s_${i + 1}`), 'ep'];
  const opts = idOpts(inst, ctx);
  const UUt = matMul(U1, transpose(U1));
  const lhs = trace(matMul(matMul(matMul(matMul(matMul(transpose(E), S), U1), transpose(U1)), S), E));
  const lamSigma = variant === 'paper' ? `s_${inst.r}^2` : 's_1^2';
  return all([
    identityOutcome('U1U1ᵀ = diag(a²)', matIdentity(UUt, A.map((row, i) => row.map((_, j) => (i === j ? `a_${i + 1}^2` : '0'))), vars, opts)),
    identityOutcome(`tr(EᵀΣ^{1/2}U1U1ᵀΣ^{1/2}E) = λ_r(U1U1ᵀ)·${variant === 'paper' ? 'λ_r' : 'λ_1'}(Σ_x)·‖E‖²`, identitiesHold([lhs], [`a_${inst.r}^2 * ${lamSigma} * ep^2`], vars, opts)),
  ]);
}

const e23Arb = fc
  .record({ r: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 3 }), dh: fc.integer({ min: 0, max: 2 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) })
  .map(({ r, m, dh, seed }) => ({ r, m, h: r + dh, seed }));

export const minE23Sym = defineClaim<E23Instance>({
  id: 'MIN-E23-SYM',
  paper: PAPER,
  title: '(23) is attained with equality on the aligned construction',
  statement:
    'With U1 = diag(a)Q[:, 1:r]ᵀ (Q an exactly orthogonal rational h×h matrix, h ≥ r), Σ_x^{1/2} = diag(s) and E = ε·e_re_mᵀ (a, s, ε symbolic): U1U1ᵀ = diag(a²) and tr(EᵀΣ_x^{1/2}U1U1ᵀΣ_x^{1/2}E) = a_r²s_r²ε², which is λ_r(U1U1ᵀ)λ_r(Σ_x)‖E‖_F² when a_r and s_r are the smallest: the lower bound (23) is tight. ' +
    SZ_NOTE,
  where: 'App. C, eq. (23), L:461–478',
  kind: 'proof',
  expected: 'holds',
  arbitrary: e23Arb,
  check: (inst, ctx) => e23Check(inst, ctx, 'paper'),
  falsifiers: [
    {
      name: 'λ_1(Σ_x) in place of λ_r(Σ_x)',
      description: 'The aligned construction gives s_r², not s_1² (needs r ≥ 2, generic s).',
      arbitrary: e23Arb.filter((i) => i.r >= 2),
      check: (inst, ctx) => e23Check(inst, ctx, 'lambda1'),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

export const lemmaProofs: Claim[] = [minLb4Sym, minLb1Sym, minE33Sym, minE35Sym, minE35SymLiteral, minE23Sym];
