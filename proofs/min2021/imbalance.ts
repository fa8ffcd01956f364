// Symbolic proofs about the imbalance Λ = U1ᵀU1 − VᵀV (Min et al. 2021, eq. (9) and its Claim),
// the full imbalance UᵀU − VᵀV, the factorization Λ = GᵀJ'G of Lemma 1, and the balanced
// initialization of §4.
import fc from 'fast-check';
import { all, defineClaim, fail, pass, type CheckContext, type Claim, type Outcome } from '../../src/core/claim.js';
import { Rng } from '../../src/random/rng.js';
import {
  blockMatrix,
  cayleyOrthogonal,
  diagMatrix,
  flatten,
  frobSq,
  gradientExprs,
  identitiesHold,
  identityMatrix,
  lieDerivativeShared,
  lieDerivativeVanishes,
  matAdd,
  matMul,
  matNeg,
  matScale,
  matSub,
  matSymbols,
  ratCharPoly,
  ratCols,
  ratInertia,
  ratEquals,
  ratMatrixExprs,
  ratMul,
  ratTranspose,
  Rational,
  substitute,
  symMatrix,
  transpose,
  zerosMatrix,
  type RatMatrix,
} from '../../src/symbolic/index.js';
import {
  dataExprs,
  exactData,
  flow7Symbols,
  guardDims,
  identityOutcome,
  idOpts,
  matIdentity,
  sizesArb,
  SZ_NOTE,
  type SymInstance,
} from './common.js';

const PAPER = 'min2021';

// ---------------------------------------------------------------------------------------------
// MIN-C1-SYM

type C1Variant = 'paper' | 'plus' | 'wrongSide' | 'gdStep';

function c1Check(inst: SymInstance, ctx: CheckContext, variant: C1Variant): Outcome {
  return guardDims('Λ', () => {
    const f = flow7Symbols(inst);
    const vars = [...f.state, ...f.params];
    const opts = idOpts(inst, ctx);
    const UtU = matMul(transpose(f.U1), f.U1);
    const VtV = matMul(transpose(f.V), f.V);
    if (variant === 'gdStep') {
      // One explicit Euler (GD) step θ⁺ = θ + η·f(θ): Λ(θ⁺) − Λ(θ) = η²(…) ≠ 0.
      const Lam = flatten(matSub(UtU, VtV));
      const map: Record<string, string> = {};
      f.state.forEach((s, k) => (map[s] = `${s} + eta * (${f.rhs[k]})`));
      const stepped = Lam.map((q) => substitute(q, map));
      return identityOutcome('Λ(θ + η f(θ)) = Λ(θ) (GD step)', identitiesHold(stepped, Lam, [...vars, 'eta'], opts));
    }
    const Q =
      variant === 'paper'
        ? matSub(UtU, VtV) // (9)
        : variant === 'plus'
          ? matAdd(UtU, VtV)
          : matSub(matMul(f.U1, transpose(f.U1)), matMul(f.V, transpose(f.V))); // r×r − m×m
    const lieQ = lieDerivativeVanishes(flatten(Q), f.state, f.rhs, { ...opts, params: f.params });
    const outcomes = [identityOutcome(`d/dt ${variant === 'paper' ? 'Λ' : variant === 'plus' ? '(U1ᵀU1 + VᵀV)' : '(U1U1ᵀ − VVᵀ)'} = 0 along (7)`, lieQ)];
    if (variant === 'paper') {
      // The Claim's proof: both Gram matrices have the same derivative VᵀEᵀΣ^{1/2}U1 + U1ᵀΣ^{1/2}EV.
      const formula = flatten(matAdd(matMul(matMul(matMul(transpose(f.V), transpose(f.E)), f.S), f.U1), matMul(matMul(matMul(transpose(f.U1), f.S), f.E), f.V)));
      const a = lieDerivativeShared(flatten(UtU), f.state, f.rhs);
      const b = lieDerivativeShared(flatten(VtV), f.state, f.rhs);
      outcomes.push(identityOutcome('d/dt U1ᵀU1 = VᵀEᵀΣ^{1/2}U1 + U1ᵀΣ^{1/2}EV', identitiesHold(a.lie, formula, vars, { ...opts, defs: a.defs })));
      outcomes.push(identityOutcome('d/dt VᵀV = VᵀEᵀΣ^{1/2}U1 + U1ᵀΣ^{1/2}EV', identitiesHold(b.lie, formula, vars, { ...opts, defs: b.defs })));
    }
    return all(outcomes);
  });
}

export const minC1Sym = defineClaim<SymInstance>({
  id: 'MIN-C1-SYM',
  paper: PAPER,
  title: 'Lie derivative of Λ = U1ᵀU1 − VᵀV along (7) is zero',
  statement:
    'With V (m×h), U1 (r×h) the state, WᵀY =: P (r×m) and Σ_x^{1/2} = diag(s_1..s_r) free symbols, and E = P − Σ_x^{1/2}U1Vᵀ (6): the Lie derivative Σ_k ∂Λ_ij/∂θ_k·θ̇_k of every entry of Λ = U1ᵀU1 − VᵀV (9) along (7) is identically 0; moreover d/dt U1ᵀU1 and d/dt VᵀV are each equal to VᵀEᵀΣ_x^{1/2}U1 + U1ᵀΣ_x^{1/2}EV (the Claim’s proof). Derivatives by mathjs. ' +
    SZ_NOTE,
  where: '§2.2, eq. (9) and Claim, L:108–118',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb(),
  check: (inst, ctx) => c1Check(inst, ctx, 'paper'),
  falsifiers: [
    {
      name: 'Λ′ = U1ᵀU1 + VᵀV',
      description: 'The sum of the Gram matrices grows as the loss decreases: its Lie derivative is 2(VᵀEᵀΣ^{1/2}U1 + U1ᵀΣ^{1/2}EV) ≠ 0.',
      check: (inst, ctx) => c1Check(inst, ctx, 'plus'),
      runs: 3,
    },
    {
      name: 'Λ″ = U1U1ᵀ − VVᵀ (wrong side)',
      description: 'r×r minus m×m: dimensionally invalid unless r = m, and not conserved when it is defined.',
      check: (inst, ctx) => c1Check(inst, ctx, 'wrongSide'),
      runs: 4,
    },
    {
      name: 'gradient descent conserves Λ',
      description: 'One explicit Euler step changes Λ by η²(G_U1ᵀG_U1 − G_VᵀG_V): the step identity fails (η symbolic).',
      check: (inst, ctx) => c1Check(inst, ctx, 'gdStep'),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-FULLIMB-SYM

function fullImbCheck(inst: SymInstance, ctx: CheckContext, variant: 'paper' | 'plus' | 'noU2'): Outcome {
  const outcomes: Outcome[] = [];
  const opts = idOpts(inst, ctx);
  if (variant === 'paper' || variant === 'plus') {
    // Conservation along (3) for general symbolic X, Y (Du et al. 2018), gradient by mathjs.
    const X = symMatrix('X', inst.n, inst.D);
    const Y = symMatrix('Y', inst.n, inst.m);
    const U = symMatrix('U', inst.D, inst.h);
    const V = symMatrix('V', inst.m, inst.h);
    const R = matSub(Y, matMul(matMul(X, U), transpose(V)));
    const L = `1/2 * (${frobSq(R)})`;
    const vars = [...matSymbols(V), ...matSymbols(U)];
    const rhs = gradientExprs(L, vars, { simplify: false }).map((g) => `-(${g})`);
    const UtU = matMul(transpose(U), U);
    const VtV = matMul(transpose(V), V);
    const Q = variant === 'paper' ? matSub(UtU, VtV) : matAdd(UtU, VtV);
    const r = lieDerivativeVanishes(flatten(Q), vars, rhs, { ...opts, params: [...matSymbols(X), ...matSymbols(Y)] });
    outcomes.push(identityOutcome(`d/dt (UᵀU ${variant === 'paper' ? '−' : '+'} VᵀV) = 0 along (3), X and Y symbolic`, r));
  }
  if (variant === 'paper' || variant === 'noU2') {
    // UᵀU − VᵀV = Λ + U2ᵀU2 with U1 = Φ1ᵀU, U2 = Φ2ᵀU on exact data.
    const e = dataExprs(exactData(inst));
    const U = symMatrix('U', inst.D, inst.h);
    const V = symMatrix('V', inst.m, inst.h);
    const U1 = matMul(transpose(e.Phi1), U);
    const U2 = matMul(transpose(e.Phi2), U);
    const Lam = matSub(matMul(transpose(U1), U1), matMul(transpose(V), V));
    const rhsM = variant === 'paper' ? matAdd(Lam, matMul(transpose(U2), U2)) : Lam;
    const full = matSub(matMul(transpose(U), U), matMul(transpose(V), V));
    outcomes.push(identityOutcome(`UᵀU − VᵀV = Λ${variant === 'paper' ? ' + U2ᵀU2' : ''}`, matIdentity(full, rhsM, [...matSymbols(U), ...matSymbols(V)], opts)));
  }
  return all(outcomes);
}

export const minFullImbSym = defineClaim<SymInstance>({
  id: 'MIN-FULLIMB-SYM',
  paper: PAPER,
  title: 'full imbalance UᵀU − VᵀV is conserved along (3) and equals Λ + U2ᵀU2',
  statement:
    'For symbolic X, Y, U, V the Lie derivative of every entry of UᵀU − VᵀV along the gradient flow (3) (mathjs gradient of ½‖Y − XUVᵀ‖²) is identically 0; on exact data (4), UᵀU − VᵀV = Λ + U2ᵀU2 with U1 = Φ1ᵀU, U2 = Φ2ᵀU. So the full imbalance differs from Λ by the (constant) U2ᵀU2, and c must be computed from Λ. ' +
    SZ_NOTE,
  where: 'eq. (9) L:108; Du et al. 2018 cited at L:130',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb({ rMax: 2, mMax: 2 }),
  check: (inst, ctx) => fullImbCheck(inst, ctx, 'paper'),
  falsifiers: [
    {
      name: 'UᵀU − VᵀV = Λ',
      description: 'Forgetting the U2ᵀU2 term: wrong whenever D > r (always here).',
      check: (inst, ctx) => fullImbCheck(inst, ctx, 'noU2'),
      runs: 3,
    },
    {
      name: 'UᵀU + VᵀV conserved',
      description: 'The sum of the Gram matrices is not conserved by (3).',
      check: (inst, ctx) => fullImbCheck(inst, ctx, 'plus'),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-LAMFACT-SYM

function ratBlockDiag(a: RatMatrix, b: RatMatrix): RatMatrix {
  const ra = a.length;
  const rb = b.length;
  const ca = a[0]?.length ?? 0;
  const cb = b[0]?.length ?? 0;
  return [...a.map((row) => [...row, ...Array.from({ length: cb }, () => Rational.ZERO)]), ...b.map((row) => [...Array.from({ length: ca }, () => Rational.ZERO), ...row])].slice(0, ra + rb);
}

function lamFactCheck(inst: SymInstance, ctx: CheckContext, sign: 1 | -1): Outcome {
  const d = exactData(inst);
  const e = dataExprs(d);
  const U = symMatrix('U', inst.D, inst.h);
  const V = symMatrix('V', inst.m, inst.h);
  const U1 = matMul(transpose(e.Phi1), U);
  const Lam = matSub(matMul(transpose(U1), U1), matMul(transpose(V), V));
  const G = blockMatrix([[V], [U]]);
  const P1 = matMul(e.Phi1, transpose(e.Phi1));
  const Im = sign === -1 ? matNeg(identityMatrix(inst.m)) : identityMatrix(inst.m);
  const J = blockMatrix([
    [Im, zerosMatrix(inst.m, inst.D)],
    [zerosMatrix(inst.D, inst.m), P1],
  ]);
  const outcomes: Outcome[] = [identityOutcome(`Λ = GᵀJ′G, J′ = diag(${sign === -1 ? '−' : '+'}I_m, Φ1Φ1ᵀ)`, matIdentity(Lam, matMul(matMul(transpose(G), J), G), [...matSymbols(U), ...matSymbols(V)], idOpts(inst, ctx)))];
  if (sign === -1) {
    // J′ᵀJ′ = diag(I_m, Φ1Φ1ᵀ) is an orthogonal projector of trace m + r: J′ has exactly m + r
    // singular values equal to 1 and D − r zeros. Exact rational arithmetic.
    const P1r = ratMul(d.Phi1, ratTranspose(d.Phi1));
    const Id = Array.from({ length: inst.m }, (_, i) => Array.from({ length: inst.m }, (_, j) => (i === j ? Rational.ONE : Rational.ZERO)));
    const JtJ = ratBlockDiag(Id, P1r);
    const idem = ratEquals(ratMul(JtJ, JtJ), JtJ);
    const tr = JtJ.reduce((s, row, i) => s.add(row[i]), Rational.ZERO);
    outcomes.push(idem && tr.equals(new Rational(inst.m + inst.r)) ? pass(0, `J′ᵀJ′ is a projector of rank ${inst.m + inst.r}: exact`) : fail(Number.POSITIVE_INFINITY, `J′ᵀJ′ idempotent: ${idem}, trace ${tr.toString()} vs ${inst.m + inst.r}`));
  }
  return all(outcomes);
}

export const minLamFactSym = defineClaim<SymInstance>({
  id: 'MIN-LAMFACT-SYM',
  paper: PAPER,
  title: 'Λ = GᵀJ′G with G = [V; U], J′ = diag(−I_m, Φ1Φ1ᵀ)',
  statement:
    'On exact data (4) with symbolic U, V: U1ᵀU1 − VᵀV = GᵀJ′G for G = [V; U] and J′ = diag(−I_m, Φ1Φ1ᵀ); and J′ᵀJ′ = diag(I_m, Φ1Φ1ᵀ) is idempotent with trace m + r (exact), so J′ has exactly m + r unit singular values. ' +
    SZ_NOTE,
  where: 'App. E, L:628, L:636',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb(),
  check: (inst, ctx) => lamFactCheck(inst, ctx, -1),
  falsifiers: [
    {
      name: 'J′ = diag(+I_m, Φ1Φ1ᵀ)',
      description: 'Sign lost: GᵀJ′G = U1ᵀU1 + VᵀV ≠ Λ.',
      check: (inst, ctx) => lamFactCheck(inst, ctx, 1),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-BAL-SYM (m = 1): U_bal = θ0 μ^{−1/4} qᵀ, V_bal = μ^{1/4} qᵀ, μ = ‖Φ1ᵀθ0‖²

type BalVariant = 'paper' | 'noProjection' | 'swapped' | 'literal';

function balCheck(inst: SymInstance, ctx: CheckContext, variant: BalVariant): Outcome {
  return guardDims('balanced initialization', () => {
    const d = exactData(inst);
    const e = dataExprs(d);
    const rng = new Rng(inst.seed ^ 0xba1);
    // q ∈ ℝ^h with qᵀq = 1: a column of an exactly orthogonal rational matrix.
    const qCol = ratCols(cayleyOrthogonal(rng, inst.h), 0, 1);
    const q = ratMatrixExprs(qCol); // h×1
    const theta = symMatrix('t', inst.D, 1); // θ0 = U(0)V(0)ᵀ (m = 1), symbolic
    const projected = variant === 'noProjection' ? theta : matMul(transpose(e.Phi1), theta);
    // M = θ0ᵀΦ1Φ1ᵀθ0 (a scalar for m = 1) and its ±1/4 powers, evaluated once per point.
    const defs: [string, string][] = [
      ['mu', frobSq(projected)],
      ['muq', 'mu^(1/4)'],
      ['muqi', 'mu^(-1/4)'],
    ];
    const [pu, pv] = variant === 'swapped' ? ['muq', 'muqi'] : ['muqi', 'muq'];
    const Ub = matMul(matScale(pu, theta), transpose(q)); // D×h
    const Vb = variant === 'literal' ? matMul(diagMatrix([pv]), q) : matScale(pv, transpose(q)); // paper prints M^{1/4}Q
    const vars = matSymbols(theta);
    const opts = idOpts(inst, ctx, { defs });
    const U1 = matMul(transpose(e.Phi1), Ub);
    const outcomes: Outcome[] = [
      identityOutcome('U_bal V_balᵀ = θ0', matIdentity(matMul(Ub, transpose(Vb)), theta, vars, opts)),
      identityOutcome('Λ(U_bal, V_bal) = U1ᵀU1 − VᵀV = 0', matIdentity(matSub(matMul(transpose(U1), U1), matMul(transpose(Vb), Vb)), zerosMatrix(inst.h, inst.h), vars, opts)),
    ];
    if (variant === 'paper') {
      // (c) full imbalance U_balᵀU_bal − V_balᵀV_bal = q μ^{−1/2}(θ0ᵀΦ2Φ2ᵀθ0) qᵀ
      const off = `muqi^2 * (${frobSq(matMul(transpose(e.Phi2), theta))})`;
      outcomes.push(identityOutcome('U_balᵀU_bal − V_balᵀV_bal = qμ^{−1/2}θ0ᵀΦ2Φ2ᵀθ0 qᵀ', matIdentity(matSub(matMul(transpose(Ub), Ub), matMul(transpose(Vb), Vb)), matScale(off, matMul(q, transpose(q))), vars, opts)));
    }
    return all(outcomes);
  });
}

const balArb = sizesArb({ mMax: 1 });

export const minBalSym = defineClaim<SymInstance>({
  id: 'MIN-BAL-SYM',
  paper: PAPER,
  title: 'balanced initialization (m = 1): same end-to-end matrix, Λ = 0',
  statement:
    'For m = 1, symbolic θ0 ∈ ℝ^D, μ = ‖Φ1ᵀθ0‖² = M, and an exactly unit rational q ∈ ℝ^h (Q = q, QᵀQ = 1): U_bal = θ0μ^{−1/4}qᵀ, V_bal = μ^{1/4}qᵀ satisfy U_balV_balᵀ = θ0, Λ(U_bal, V_bal) = 0 and U_balᵀU_bal − V_balᵀV_bal = qμ^{−1/2}(θ0ᵀΦ2Φ2ᵀθ0)qᵀ (the full imbalance is not 0). Real powers of μ: checked in BigNumber (≥ 50 digits, relative tolerance 1e−40) at random points.',
  where: '§4 L:232, App. A.1 L:351',
  kind: 'proof',
  expected: 'holds',
  arbitrary: balArb,
  check: (inst, ctx) => balCheck(inst, ctx, 'paper'),
  falsifiers: [
    {
      name: 'M′ = θ0ᵀθ0 (no Φ1 projection)',
      description: 'Du-balanced factors: Λ = −qμ′^{−1/2}θ0ᵀΦ2Φ2ᵀθ0 qᵀ ≠ 0.',
      check: (inst, ctx) => balCheck(inst, ctx, 'noProjection'),
      runs: 3,
    },
    {
      name: 'swapped exponents',
      description: 'M^{1/4} in U and M^{−1/4} in V: Λ ≠ 0 unless μ = 1.',
      check: (inst, ctx) => balCheck(inst, ctx, 'swapped'),
      runs: 3,
    },
    {
      name: 'V_bal = M^{1/4}Q as printed',
      description: 'An m×m times h×m product: dimensionally invalid for h > 1 (the correct form is M^{1/4}Qᵀ).',
      arbitrary: sizesArb({ mMax: 1 }).filter((i) => i.h > 1),
      check: (inst, ctx) => balCheck(inst, ctx, 'literal'),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-SIGN-SYM: exact inertia of Λ (Sylvester), at random rational points

interface SignInstance {
  r: number;
  m: number;
  h: number;
  seed: number;
}

function randomRatMatrix(rng: Rng, rows: number, cols: number): RatMatrix {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => new Rational(BigInt(rng.int(-6, 6)), BigInt(rng.int(1, 4)))));
}

function signCheck(inst: SignInstance, variant: 'paper' | 'swapped' | 'rankMax'): Outcome {
  const rng = new Rng(inst.seed);
  const U1 = randomRatMatrix(rng, inst.r, inst.h);
  const V = randomRatMatrix(rng, inst.m, inst.h);
  const Lam = ratMul(ratTranspose(U1), U1).map((row, i) => row.map((v, j) => v.sub(ratMul(ratTranspose(V), V)[i][j])));
  const { positive, negative, zero } = ratInertia(Lam);
  const rank = positive + negative;
  const detail = { positive, negative, zero, r: inst.r, m: inst.m, h: inst.h };
  const [maxPos, maxNeg] = variant === 'swapped' ? [inst.m, inst.r] : [inst.r, inst.m];
  const outcomes: Outcome[] = [];
  outcomes.push(positive <= maxPos && negative <= maxNeg ? pass(0, `inertia (${positive}+, ${negative}−, ${zero} 0) within (≤${maxPos}+, ≤${maxNeg}−)`) : fail(Number.POSITIVE_INFINITY, `inertia (${positive}+, ${negative}−, ${zero} 0) exceeds (≤${maxPos}+, ≤${maxNeg}−)`, detail));
  const rankBound = variant === 'rankMax' ? Math.max(inst.m, inst.r) : Math.min(inst.h, inst.m + inst.r);
  outcomes.push(rank <= rankBound ? pass(0, `rank Λ = ${rank} ≤ ${rankBound}`) : fail(Number.POSITIVE_INFINITY, `rank Λ = ${rank} > ${rankBound}`, detail));
  if (variant === 'paper' && inst.h >= inst.m + inst.r) {
    // Z = [V; U1] of full row rank (det ZZᵀ ≠ 0, exact): Λ = ZᵀJZ has exactly r positive and m
    // negative eigenvalues (Sylvester), hence c = λ_r(Λ) + λ_m(−Λ) > 0.
    const Z = [...V, ...U1];
    const det = ratCharPoly(ratMul(Z, ratTranspose(Z)))[0];
    if (!det.isZero()) {
      outcomes.push(positive === inst.r && negative === inst.m ? pass(0, `full-rank Z: inertia exactly (${inst.r}+, ${inst.m}−)`) : fail(Number.POSITIVE_INFINITY, `full-rank Z but inertia (${positive}+, ${negative}−)`, detail));
    }
  }
  return all(outcomes);
}

export const minSignSym = defineClaim<SignInstance>({
  id: 'MIN-SIGN-SYM',
  paper: PAPER,
  title: 'exact inertia of Λ: ≤ r positive, ≤ m negative eigenvalues; exactly (r, m) when [V; U1] has full row rank',
  statement:
    'For random rational U1 ∈ ℚ^{r×h}, V ∈ ℚ^{m×h} (all regimes of h vs m, r, m + r), the exact inertia of Λ = U1ᵀU1 − VᵀV — from its characteristic polynomial (Faddeev–LeVerrier in rational arithmetic) and Descartes’ rule of signs, which is exact for real-rooted polynomials — has at most r positive and at most m negative eigenvalues, so rank Λ ≤ min(h, m + r) (MIN-RANK); and when h ≥ m + r and det(ZZᵀ) ≠ 0 for Z = [V; U1], exactly r positive and m negative (Sylvester’s law of inertia for Λ = ZᵀJZ, MIN-INERTIA), so c > 0. Exact at each drawn instance (a property test in exact arithmetic, not a proof for all matrices).',
  where: 'App. E, proof of Lemma 1, L:646–654; L:120',
  kind: 'proof',
  expected: 'holds',
  arbitrary: fc.record({ r: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 3 }), h: fc.integer({ min: 1, max: 7 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
  check: (inst) => signCheck(inst, 'paper'),
  falsifiers: [
    {
      name: 'roles swapped: ≤ m positive, ≤ r negative',
      description: 'With r = 3, m = 1, h = 6 there are generically 3 positive and 1 negative eigenvalues.',
      arbitrary: fc.record({ r: fc.constant(3), m: fc.constant(1), h: fc.integer({ min: 4, max: 6 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
      check: (inst) => signCheck(inst, 'swapped'),
      runs: 3,
    },
    {
      name: 'rank Λ ≤ max(m, r)',
      description: 'Generically rank Λ = m + r when h ≥ m + r.',
      arbitrary: fc.record({ r: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 3 }), h: fc.constant(7), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
      check: (inst) => signCheck(inst, 'rankMax'),
      runs: 3,
    },
  ],
  runs: { ci: 6, default: 20, deep: 100 },
});

export const imbalanceProofs: Claim[] = [minC1Sym, minFullImbSym, minLamFactSym, minBalSym, minSignSym];
