// Symbolic proofs about the error E = WᵀY − Σ_x^{1/2}U1Vᵀ and the end-to-end matrix (Min et al.
// 2021): the loss decomposition (8), the error dynamics and (22), the linear dynamics (16) of Z̃,
// the decomposition (12)–(14), the min-norm solution (11)/(13), L*, linear regression, and the
// scalar case of Theorem 1.
import { all, defineClaim, fail, pass, type CheckContext, type Claim, type Outcome } from '../../src/core/claim.js';
import {
  blockMatrix,
  derivativeExpr,
  flatten,
  frobSq,
  identitiesHold,
  identityHolds,
  identityMatrix,
  lieDerivativeShared,
  matAdd,
  matMul,
  matNeg,
  matSub,
  matSymbols,
  ratDiag,
  ratEquals,
  ratMul,
  ratTranspose,
  Rational,
  substitute,
  symMatrix,
  trace,
  transpose,
  zerosMatrix,
} from '../../src/symbolic/index.js';
import {
  dataExprs,
  defineMatrix,
  exactData,
  flow7Symbols,
  guardDims,
  identityOutcome,
  idOpts,
  matIdentity,
  seedOnlyArb,
  sizesArb,
  SZ_NOTE,
  type SymInstance,
} from './common.js';

const PAPER = 'min2021';

/** Exact data, symbolic Y (n×m), U (D×h), V (m×h), and the derived U1, U2, E, Θ̂. */
function exactSetting(inst: SymInstance) {
  const d = exactData(inst);
  const e = dataExprs(d);
  const Y = symMatrix('Y', inst.n, inst.m);
  const U = symMatrix('U', inst.D, inst.h);
  const V = symMatrix('V', inst.m, inst.h);
  const U1 = matMul(transpose(e.Phi1), U);
  const U2 = matMul(transpose(e.Phi2), U);
  const WtY = matMul(transpose(e.W), Y);
  const E = matSub(WtY, matMul(matMul(e.S, U1), transpose(V))); // (6)
  const That = matMul(matMul(e.Phi1, e.Sinv), WtY); // (11)/(13) Θ̂ = Φ1Σ_x^{−1/2}WᵀY
  const vars = [...matSymbols(Y), ...matSymbols(U), ...matSymbols(V)];
  return { d, e, Y, U, V, U1, U2, WtY, E, That, vars };
}

// ---------------------------------------------------------------------------------------------
// MIN-E8-SYM

function e8Check(inst: SymInstance, ctx: CheckContext, variant: 'paper' | 'noHalf' | 'LstarY'): Outcome {
  const s = exactSetting(inst);
  const { e } = s;
  const Ed = defineMatrix('Ee', s.E);
  const Rm = matSub(s.Y, matMul(matMul(e.X, s.U), transpose(s.V)));
  const Rd = defineMatrix('Rr', Rm);
  const IminusWWt = matSub(identityMatrix(inst.n), matMul(e.W, transpose(e.W)));
  const resid = matMul(IminusWWt, s.Y);
  const L = variant === 'noHalf' ? frobSq(Rd.sym) : `1/2 * (${frobSq(Rd.sym)})`;
  const Lstar = variant === 'LstarY' ? `1/2 * (${frobSq(s.Y)})` : `1/2 * (${frobSq(resid)})`;
  const opts = idOpts(inst, ctx, { defs: [...Ed.defs, ...Rd.defs] });
  const outcomes: Outcome[] = [identityOutcome('L = ½‖E‖² + L* (8)', identitiesHold([L], [`1/2 * (${frobSq(Ed.sym)}) + ${Lstar}`], s.vars, opts))];
  if (variant === 'paper') {
    outcomes.push(identityOutcome('Y − XUVᵀ = (I − WWᵀ)Y + WE', matIdentity(Rd.sym, matAdd(resid, matMul(e.W, Ed.sym)), s.vars, opts)));
    outcomes.push(identityOutcome('tr(Yᵀ(I − WWᵀ)WE) = 0', identitiesHold([trace(matMul(matMul(matMul(transpose(s.Y), IminusWWt), e.W), Ed.sym))], ['0'], s.vars, opts)));
  }
  return all(outcomes);
}

export const minE8Sym = defineClaim<SymInstance>({
  id: 'MIN-E8-SYM',
  paper: PAPER,
  title: 'loss decomposition (8): L = ½‖E‖² + L*',
  statement:
    'On exact rational data (4) (r = n and r < n both drawn) with symbolic Y, U, V: Y − XUVᵀ = (I − WWᵀ)Y + WE, the cross term tr(Yᵀ(I − WWᵀ)WE) is 0, and ½‖Y − XUVᵀ‖_F² = ½‖E‖_F² + L* with L* = ½‖(I − WWᵀ)Y‖_F² and E = WᵀY − Σ_x^{1/2}Φ1ᵀUVᵀ. ' +
    SZ_NOTE,
  where: 'eq. (8), L:92–100',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb(),
  check: (inst, ctx) => e8Check(inst, ctx, 'paper'),
  falsifiers: [
    { name: 'L without ½', description: '‖Y − XUVᵀ‖² = ½‖E‖² + L* is off by a factor 2.', check: (inst, ctx) => e8Check(inst, ctx, 'noHalf'), runs: 3 },
    { name: 'L* = ½‖Y‖²', description: 'Wrong residual: fails whenever WᵀY ≠ 0.', check: (inst, ctx) => e8Check(inst, ctx, 'LstarY'), runs: 3 },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-EDOT-SYM and MIN-E22-SYM

function edotCheck(inst: SymInstance, ctx: CheckContext, variant: 'paper' | 'SigmaFirst'): Outcome {
  const f = flow7Symbols(inst);
  const vars = [...f.state, ...f.params];
  const { lie, defs } = lieDerivativeShared(flatten(f.E), f.state, f.rhs);
  const Ed = defineMatrix('Ee', f.E);
  const UUt = matMul(f.U1, transpose(f.U1));
  const VVt = matMul(f.V, transpose(f.V));
  const first = variant === 'paper' ? matMul(matMul(matMul(f.S, UUt), f.S), Ed.sym) : matMul(matMul(f.Sig, UUt), Ed.sym);
  const formula = matNeg(matAdd(first, matMul(matMul(f.Sig, Ed.sym), VVt)));
  return identityOutcome(
    variant === 'paper' ? 'Ė = −Σ^{1/2}U1U1ᵀΣ^{1/2}E − ΣEVVᵀ' : 'Ė = −ΣU1U1ᵀE − ΣEVVᵀ',
    identitiesHold(lie, flatten(formula), vars, idOpts(inst, ctx, { defs: [...Ed.defs, ...defs] })),
  );
}

export const minEdotSym = defineClaim<SymInstance>({
  id: 'MIN-EDOT-SYM',
  paper: PAPER,
  title: 'error dynamics Ė = −Σ^{1/2}U1U1ᵀΣ^{1/2}E − ΣEVVᵀ',
  statement:
    'With V, U1 the state and P = WᵀY, Σ_x^{1/2} = diag(s) free symbols: the Lie derivative of every entry of E = P − Σ_x^{1/2}U1Vᵀ along (7) equals the corresponding entry of −Σ_x^{1/2}U1U1ᵀΣ_x^{1/2}E − Σ_xEVVᵀ. ' +
    SZ_NOTE,
  where: 'App. C, L:455',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb(),
  check: (inst, ctx) => edotCheck(inst, ctx, 'paper'),
  falsifiers: [
    {
      name: 'Σ_x placed wrongly on the first term',
      description: 'Ė = −Σ_xU1U1ᵀE − Σ_xEVVᵀ: wrong when Σ_x is not a multiple of I (needs r ≥ 2).',
      arbitrary: sizesArb({ rMin: 2 }),
      check: (inst, ctx) => edotCheck(inst, ctx, 'SigmaFirst'),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

function e22Check(inst: SymInstance, ctx: CheckContext, factor: number): Outcome {
  const f = flow7Symbols(inst);
  const vars = [...f.state, ...f.params];
  const { lie, defs } = lieDerivativeShared([frobSq(f.E)], f.state, f.rhs);
  const Ed = defineMatrix('Ee', f.E);
  const E = Ed.sym;
  const t1 = trace(matMul(matMul(matMul(matMul(matMul(transpose(E), f.S), f.U1), transpose(f.U1)), f.S), E));
  const t2 = trace(matMul(matMul(matMul(matMul(transpose(E), f.Sig), E), f.V), transpose(f.V)));
  const opts = idOpts(inst, ctx, { defs: [...Ed.defs, ...defs] });
  const outcomes = [identityOutcome(`d/dt‖E‖² = −${factor}·tr(EᵀΣ^{1/2}U1U1ᵀΣ^{1/2}E + EᵀΣEVVᵀ) (22)`, identitiesHold(lie, [`-${factor} * ((${t1}) + (${t2}))`], vars, opts))];
  if (factor === 2) {
    // The right side is −2(‖U1ᵀΣ^{1/2}E‖² + ‖Σ^{1/2}EV‖²) ≤ 0: a sum of squares (the operator 𝒜 is PSD).
    const sos = `-2 * ((${frobSq(matMul(matMul(transpose(f.U1), f.S), E))}) + (${frobSq(matMul(matMul(f.S, E), f.V))}))`;
    outcomes.push(identityOutcome('d/dt‖E‖² = −2(‖U1ᵀΣ^{1/2}E‖² + ‖Σ^{1/2}EV‖²) ≤ 0', identitiesHold(lie, [sos], vars, opts)));
  }
  return all(outcomes);
}

export const minE22Sym = defineClaim<SymInstance>({
  id: 'MIN-E22-SYM',
  paper: PAPER,
  title: 'd/dt‖E‖² = −2tr(EᵀΣ^{1/2}U1U1ᵀΣ^{1/2}E + EᵀΣEVVᵀ) (22), a non-positive sum of squares',
  statement:
    'With V, U1 the state and P = WᵀY, Σ_x^{1/2} = diag(s) free symbols: the Lie derivative of ‖E‖_F² along (7) equals −2tr(EᵀΣ_x^{1/2}U1U1ᵀΣ_x^{1/2}E + EᵀΣ_xEVVᵀ) (22), which is identically −2(‖U1ᵀΣ_x^{1/2}E‖_F² + ‖Σ_x^{1/2}EV‖_F²) ≤ 0. ' +
    SZ_NOTE,
  where: 'eq. (22), L:459',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb(),
  check: (inst, ctx) => e22Check(inst, ctx, 2),
  falsifiers: [{ name: 'factor 2 dropped', description: 'd/dt‖E‖² = −tr(…): off by a factor 2.', check: (inst, ctx) => e22Check(inst, ctx, 1), runs: 3 }],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-E16-SYM: Z̃ = [VU2ᵀ; U1U2ᵀ] obeys Z̃̇ = A_Z Z̃

function e16Check(inst: SymInstance, ctx: CheckContext, variant: 'paper' | 'blockDiag' | 'Sigma'): Outcome {
  return guardDims('(16)', () => {
    const f = flow7Symbols(inst);
    const U2 = symMatrix('W2', inst.D - inst.r, inst.h); // U2(0): constant along (7)
    const vars = [...f.state, ...f.params, ...matSymbols(U2)];
    const Zt = blockMatrix([[matMul(f.V, transpose(U2))], [matMul(f.U1, transpose(U2))]]);
    const { lie, defs } = lieDerivativeShared(flatten(Zt), f.state, f.rhs);
    const Ed = defineMatrix('Ee', f.E);
    const S = variant === 'Sigma' ? f.Sig : f.S;
    const B = matMul(S, Ed.sym); // Σ^{1/2}E (r×m)
    const A =
      variant === 'blockDiag'
        ? blockMatrix([
            [transpose(B), zerosMatrix(inst.m, inst.r)],
            [zerosMatrix(inst.r, inst.m), B],
          ])
        : blockMatrix([
            [zerosMatrix(inst.m, inst.m), transpose(B)],
            [B, zerosMatrix(inst.r, inst.r)],
          ]);
    return identityOutcome('d/dt Z̃ = A_Z Z̃ (16)', identitiesHold(lie, flatten(matMul(A, Zt)), vars, idOpts(inst, ctx, { defs: [...Ed.defs, ...defs] })));
  });
}

export const minE16Sym = defineClaim<SymInstance>({
  id: 'MIN-E16-SYM',
  paper: PAPER,
  title: 'Z̃ = [VU2ᵀ; U1U2ᵀ] obeys the linear system Z̃̇ = A_Z Z̃ (16)',
  statement:
    'With V, U1 the state, P = WᵀY, Σ_x^{1/2} = diag(s) and U2 = U2(0) ∈ ℝ^{(D−r)×h} free constant symbols: the Lie derivative along (7) of every entry of Z̃ = [VU2ᵀ; U1U2ᵀ] equals that of A_ZZ̃ with A_Z = [[0, EᵀΣ_x^{1/2}], [Σ_x^{1/2}E, 0]]; so Z̃ solves a linear time-varying ODE and Z̃(0) = 0 implies Z̃ ≡ 0 (invariance of (15)). ' +
    SZ_NOTE,
  where: 'eq. (16) L:172, eq. (37) L:706',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb(),
  check: (inst, ctx) => e16Check(inst, ctx, 'paper'),
  falsifiers: [
    {
      name: 'block-diagonal A_Z',
      description: '[[EᵀΣ^{1/2}, 0], [0, Σ^{1/2}E]] (defined only for r = m): drops the coupling that makes VU2ᵀ follow U1U2ᵀ.',
      arbitrary: sizesArb({ sameRM: true }),
      check: (inst, ctx) => e16Check(inst, ctx, 'blockDiag'),
      runs: 3,
    },
    {
      name: 'Σ_x instead of Σ_x^{1/2} in A_Z',
      description: 'Wrong power of Σ_x in the coupling: wrong whenever Σ_x ≠ I.',
      check: (inst, ctx) => e16Check(inst, ctx, 'Sigma'),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-E14-SYM and MIN-PROJ-SYM

function e14Check(inst: SymInstance, ctx: CheckContext, variant: 'paper' | 'SigmaPlus' | 'Vfrozen'): Outcome {
  const s = exactSetting(inst);
  const { e } = s;
  const Ed = defineMatrix('Ee', s.E);
  const opts = idOpts(inst, ctx, { defs: Ed.defs });
  const UVt = matMul(s.U, transpose(s.V));
  const Sp = variant === 'SigmaPlus' ? e.S : e.Sinv;
  const first = matNeg(matMul(matMul(e.Phi1, Sp), Ed.sym));
  const outcomes: Outcome[] = [];
  if (variant === 'paper') {
    outcomes.push(identityOutcome('UVᵀ = Φ1U1Vᵀ + Φ2U2Vᵀ (12)', matIdentity(UVt, matAdd(matMul(matMul(e.Phi1, s.U1), transpose(s.V)), matMul(matMul(e.Phi2, s.U2), transpose(s.V))), s.vars, opts)));
  }
  if (variant === 'Vfrozen') {
    // "U(∞)V(∞)ᵀ = Θ̂ + Φ2U2(0)V(0)ᵀ": with E = 0 imposed, V free, the identity UVᵀ = Θ̂ + Φ2U2V0ᵀ
    // with an independent V0 fails.
    const V0 = symMatrix('V0', inst.m, inst.h);
    const rhs = matAdd(matAdd(s.That, first), matMul(matMul(e.Phi2, s.U2), transpose(V0)));
    outcomes.push(identityOutcome('UVᵀ − Θ̂ = −Φ1Σ^{−1/2}E + Φ2U2V(0)ᵀ', matIdentity(UVt, rhs, [...s.vars, ...matSymbols(V0)], opts)));
    return all(outcomes);
  }
  const rhs = matAdd(first, matMul(matMul(e.Phi2, s.U2), transpose(s.V)));
  outcomes.push(identityOutcome(`UVᵀ − Θ̂ = −Φ1Σ^{${variant === 'paper' ? '−' : '+'}1/2}E + Φ2U2Vᵀ`, matIdentity(matSub(UVt, s.That), rhs, s.vars, opts)));
  if (variant === 'paper') {
    const lhsN = frobSq(matSub(UVt, s.That));
    const rhsN = `(${frobSq(matMul(e.Sinv, Ed.sym))}) + (${frobSq(matMul(s.U2, transpose(s.V)))})`;
    outcomes.push(identityOutcome('‖UVᵀ − Θ̂‖² = ‖Σ^{−1/2}E‖² + ‖U2Vᵀ‖²', identitiesHold([lhsN], [rhsN], s.vars, opts)));
  }
  return all(outcomes);
}

export const minE14Sym = defineClaim<SymInstance>({
  id: 'MIN-E14-SYM',
  paper: PAPER,
  title: 'decomposition (12) and UVᵀ − Θ̂ = −Φ1Σ^{−1/2}E + Φ2U2Vᵀ (finite-time form of (14))',
  statement:
    'On exact rational data (4) with symbolic Y, U, V: UVᵀ = Φ1U1Vᵀ + Φ2U2Vᵀ (12); UVᵀ − Θ̂ = −Φ1Σ_x^{−1/2}E + Φ2U2Vᵀ with Θ̂ = Φ1Σ_x^{−1/2}WᵀY; and ‖UVᵀ − Θ̂‖_F² = ‖Σ_x^{−1/2}E‖_F² + ‖U2Vᵀ‖_F² (orthogonal parts). With E(∞) = 0 and U2 ≡ U2(0) this is (14). ' +
    SZ_NOTE,
  where: 'eq. (12) L:146, eq. (14) L:158',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb(),
  check: (inst, ctx) => e14Check(inst, ctx, 'paper'),
  falsifiers: [
    { name: 'Σ_x^{+1/2} in the error term', description: 'UVᵀ − Θ̂ = −Φ1Σ^{1/2}E + Φ2U2Vᵀ: wrong whenever Σ_x ≠ I.', check: (inst, ctx) => e14Check(inst, ctx, 'SigmaPlus'), runs: 3 },
    { name: 'V frozen in the off-subspace term', description: 'Φ2U2V(0)ᵀ in place of Φ2U2V(t)ᵀ: V moves.', check: (inst, ctx) => e14Check(inst, ctx, 'Vfrozen'), runs: 3 },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

function projCheck(inst: SymInstance, ctx: CheckContext, useP1: boolean): Outcome {
  const s = exactSetting(inst);
  const { e } = s;
  const basis = useP1 ? e.Phi1 : e.Phi2;
  const P = matMul(basis, transpose(basis));
  const D = matSub(matMul(s.U, transpose(s.V)), s.That);
  const opts = idOpts(inst, ctx);
  return all([
    identityOutcome(`${useP1 ? 'Φ1Φ1ᵀ' : 'Φ2Φ2ᵀ'}(UVᵀ − Θ̂) = Φ2U2Vᵀ`, matIdentity(matMul(P, D), matMul(matMul(e.Phi2, s.U2), transpose(s.V)), s.vars, opts)),
    identityOutcome('‖U2Vᵀ‖² = ‖Φ2Φ2ᵀ(UVᵀ − Θ̂)‖²', identitiesHold([frobSq(matMul(s.U2, transpose(s.V)))], [frobSq(matMul(P, D))], s.vars, opts)),
  ]);
}

export const minProjSym = defineClaim<SymInstance>({
  id: 'MIN-PROJ-SYM',
  paper: PAPER,
  title: '‖U2Vᵀ‖_F = ‖Φ2Φ2ᵀ(UVᵀ − Θ̂)‖_F',
  statement:
    'On exact rational data (4) with symbolic Y, U, V: Φ2Φ2ᵀ(UVᵀ − Θ̂) = Φ2U2Vᵀ (because Φ2ᵀΘ̂ = 0) and hence ‖U2Vᵀ‖_F² = ‖Φ2Φ2ᵀ(UVᵀ − Θ̂)‖_F², at any time and in particular at t = 0. ' + SZ_NOTE,
  where: 'L:260',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb(),
  check: (inst, ctx) => projCheck(inst, ctx, false),
  falsifiers: [{ name: 'Φ1Φ1ᵀ in place of Φ2Φ2ᵀ', description: 'The row-space projection of UVᵀ − Θ̂ is −Φ1Σ^{−1/2}E, not Φ2U2Vᵀ.', check: (inst, ctx) => projCheck(inst, ctx, true), runs: 3 }],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-MINNORM-SYM and MIN-LSTAR-SYM

function exactEq(ok: boolean, what: string): Outcome {
  return ok ? pass(0, `${what}: exact`) : fail(Number.POSITIVE_INFINITY, `${what}: exact rational matrices differ`);
}

function minNormCheck(inst: SymInstance, ctx: CheckContext, power: 'minusHalf' | 'minusOne' | 'plusHalf'): Outcome {
  const s = exactSetting(inst);
  const { d, e } = s;
  const outcomes: Outcome[] = [];
  // (XXᵀ)^† = WΣ_x^{−1}Wᵀ: the four Penrose conditions, exactly.
  const XXt = ratMul(d.X, ratTranspose(d.X));
  const Sinv2 = ratDiag(d.s.map((v) => Rational.ONE.div(v.mul(v))));
  const Pd = ratMul(ratMul(d.W, Sinv2), ratTranspose(d.W));
  if (power === 'minusHalf') {
    outcomes.push(exactEq(ratEquals(ratMul(ratMul(XXt, Pd), XXt), XXt), 'XXᵀ·P·XXᵀ = XXᵀ'));
    outcomes.push(exactEq(ratEquals(ratMul(ratMul(Pd, XXt), Pd), Pd), 'P·XXᵀ·P = P'));
    const A = ratMul(XXt, Pd);
    outcomes.push(exactEq(ratEquals(A, ratTranspose(A)), '(XXᵀP)ᵀ = XXᵀP'));
    const B = ratMul(Pd, XXt);
    outcomes.push(exactEq(ratEquals(B, ratTranspose(B)), '(P·XXᵀ)ᵀ = P·XXᵀ'));
  }
  const SigPow = power === 'minusHalf' ? e.Sinv : power === 'minusOne' ? matMul(e.Sinv, e.Sinv) : e.S;
  const closed = matMul(matMul(e.Phi1, SigPow), s.WtY);
  const XtPd = ratMul(ratTranspose(d.X), Pd);
  const lhs = matMul(dataExprs({ ...d, X: XtPd }).X, s.Y); // Xᵀ(XXᵀ)^†Y
  const vars = matSymbols(s.Y);
  const opts = idOpts(inst, ctx);
  outcomes.push(identityOutcome('Xᵀ(XXᵀ)^†Y = Φ1Σ_x^{−1/2}WᵀY (11)/(13)', matIdentity(lhs, closed, vars, opts)));
  if (power === 'minusHalf') {
    // Minimum norm and uniqueness: ‖Θ̂ + Φ2K‖² = ‖Θ̂‖² + ‖K‖² for every K.
    const K = symMatrix('K', inst.D - inst.r, inst.m);
    outcomes.push(identityOutcome('‖Θ̂ + Φ2K‖² = ‖Θ̂‖² + ‖K‖²', identitiesHold([frobSq(matAdd(closed, matMul(e.Phi2, K)))], [`(${frobSq(closed)}) + (${frobSq(K)})`], [...vars, ...matSymbols(K)], opts)));
  }
  return all(outcomes);
}

export const minMinNormSym = defineClaim<SymInstance>({
  id: 'MIN-MINNORM-SYM',
  paper: PAPER,
  title: 'Θ̂ = Xᵀ(XXᵀ)^†Y = Φ1Σ_x^{−1/2}WᵀY and ‖Θ̂ + Φ2K‖² = ‖Θ̂‖² + ‖K‖²',
  statement:
    'On exact rational data (4): WΣ_x^{−1}Wᵀ satisfies the four Penrose conditions for XXᵀ exactly (so it is (XXᵀ)^†); with symbolic Y, Xᵀ(XXᵀ)^†Y = Φ1Σ_x^{−1/2}WᵀY (11)/(13); and for symbolic K, ‖Θ̂ + Φ2K‖_F² = ‖Θ̂‖_F² + ‖K‖_F², so Θ̂ is the unique minimum-norm least-squares solution. ' +
    SZ_NOTE,
  where: 'eq. (11) L:138, eq. (13) L:154',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb(),
  check: (inst, ctx) => minNormCheck(inst, ctx, 'minusHalf'),
  falsifiers: [
    { name: 'Θ̂ = Φ1Σ_x^{−1}WᵀY', description: 'Wrong power of Σ_x: fails whenever Σ_x ≠ I.', check: (inst, ctx) => minNormCheck(inst, ctx, 'minusOne'), runs: 3 },
    { name: 'Θ̂ = Φ1Σ_x^{1/2}WᵀY', description: 'Wrong power of Σ_x: fails whenever Σ_x ≠ I.', check: (inst, ctx) => minNormCheck(inst, ctx, 'plusHalf'), runs: 3 },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

function lstarCheck(inst: SymInstance, ctx: CheckContext, variant: 'paper' | 'zero' | 'halfY'): Outcome {
  const s = exactSetting(inst);
  const { d, e } = s;
  const K = symMatrix('K', inst.D - inst.r, inst.m);
  const Theta = matAdd(s.That, matMul(e.Phi2, K));
  const vars = [...matSymbols(s.Y), ...matSymbols(K)];
  const opts = idOpts(inst, ctx);
  const XtX = dataExprs({ ...d, X: ratMul(ratTranspose(d.X), d.X) }).X;
  const Xt = dataExprs({ ...d, X: ratTranspose(d.X) }).X;
  const resid = matMul(matSub(identityMatrix(inst.n), matMul(e.W, transpose(e.W))), s.Y);
  const Lstar = variant === 'paper' ? `1/2 * (${frobSq(resid)})` : variant === 'zero' ? '0' : `1/2 * (${frobSq(s.Y)})`;
  const outcomes: Outcome[] = [];
  if (variant === 'paper') outcomes.push(identityOutcome('XᵀXΘ̂ = XᵀY (normal equations)', matIdentity(matMul(XtX, s.That), matMul(Xt, s.Y), vars, opts)));
  const L = `1/2 * (${frobSq(matSub(s.Y, matMul(e.X, Theta)))})`;
  outcomes.push(identityOutcome(`½‖Y − X(Θ̂ + Φ2K)‖² = ${variant === 'paper' ? '½‖(I − WWᵀ)Y‖²' : variant === 'zero' ? '0' : '½‖Y‖²'}`, identitiesHold([L], [Lstar], vars, opts)));
  return all(outcomes);
}

export const minLstarSym = defineClaim<SymInstance>({
  id: 'MIN-LSTAR-SYM',
  paper: PAPER,
  title: 'normal equations XᵀXΘ̂ = XᵀY and L(Θ̂ + Φ2K) = L*',
  statement:
    'On exact rational data (4) with symbolic Y and K ∈ ℝ^{(D−r)×m}: XᵀXΘ̂ = XᵀY, and ½‖Y − X(Θ̂ + Φ2K)‖_F² = L* = ½‖(I − WWᵀ)Y‖_F², so every Θ̂ + Φ2K attains the optimal value L* of (1). ' + SZ_NOTE,
  where: 'L:100–102',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb(),
  check: (inst, ctx) => lstarCheck(inst, ctx, 'paper'),
  falsifiers: [
    {
      name: 'L* = 0 always',
      description: 'Fails when r < n (Y has a component outside span(W)).',
      arbitrary: sizesArb().map((i) => ({ ...i, n: i.r + 1, D: i.r + 1 + (i.D - i.n) })),
      check: (inst, ctx) => lstarCheck(inst, ctx, 'zero'),
      runs: 3,
    },
    { name: 'L* = ½‖Y‖²', description: 'Fails whenever WᵀY ≠ 0.', check: (inst, ctx) => lstarCheck(inst, ctx, 'halfY'), runs: 3 },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-LINREG-SYM: closed form of linear-regression gradient flow in the Φ1 coordinates

function linregCheck(inst: SymInstance, ctx: CheckContext, variant: 'paper' | 'sqrtRate'): Outcome {
  const outcomes: Outcome[] = [];
  const s = exactSetting(inst);
  const { e } = s;
  if (variant === 'paper') {
    // Θ̇ = Xᵀ(Y − XΘ) in coordinates: Φ1ᵀΘ̇ = Σ^{1/2}WᵀY − Σ_xΦ1ᵀΘ and Φ2ᵀΘ̇ = 0 (exact data, Θ, Y symbolic).
    const Th = symMatrix('T', inst.D, inst.m);
    const Thdot = matMul(transpose(e.X), matSub(s.Y, matMul(e.X, Th)));
    const vars = [...matSymbols(Th), ...matSymbols(s.Y)];
    const opts = idOpts(inst, ctx);
    outcomes.push(identityOutcome('Φ1ᵀXᵀ(Y − XΘ) = Σ^{1/2}WᵀY − Σ_xΦ1ᵀΘ', matIdentity(matMul(transpose(e.Phi1), Thdot), matSub(matMul(e.S, s.WtY), matMul(matMul(e.Sig, transpose(e.Phi1)), Th)), vars, opts)));
    outcomes.push(identityOutcome('Φ2ᵀXᵀ(Y − XΘ) = 0', matIdentity(matMul(transpose(e.Phi2), Thdot), zerosMatrix(inst.D - inst.r, inst.m), vars, opts)));
  }
  // Scalar coordinate ODE ż = σp − σ²z (σ = s_i, p = (WᵀY)_ij): closed form z(t) = p/σ + e^{−σ²t}(z0 − p/σ).
  const rate = variant === 'paper' ? 'sig^2' : 'sig';
  const z = `p / sig + exp(-${rate} * t) * (z0 - p / sig)`;
  const opts = idOpts(inst, ctx, { domain: { sig: [0.5, 3], t: [0, 4] } });
  const dz = derivativeExpr(z, 't');
  outcomes.push(identityOutcome('d/dt z(t) = σp − σ²z(t)', identityHolds(dz, `sig * p - sig^2 * (${z})`, ['sig', 'p', 'z0', 't'], opts)));
  outcomes.push(identityOutcome('z(0) = z0', identityHolds(substitute(z, { t: '0' }), 'z0', ['sig', 'p', 'z0'], opts)));
  return all(outcomes);
}

export const minLinregSym = defineClaim<SymInstance>({
  id: 'MIN-LINREG-SYM',
  paper: PAPER,
  title: 'linear regression flow: Φ2ᵀΘ̇ = 0 and Φ1ᵀΘ(t) = Σ^{−1/2}WᵀY + e^{−Σ_x t}(Φ1ᵀΘ(0) − Σ^{−1/2}WᵀY)',
  statement:
    'On exact rational data (4) with symbolic Θ, Y: Φ1ᵀXᵀ(Y − XΘ) = Σ_x^{1/2}WᵀY − Σ_xΦ1ᵀΘ and Φ2ᵀXᵀ(Y − XΘ) = 0 (polynomial identities, Schwartz–Zippel); and per coordinate the closed form z(t) = p/σ + e^{−σ²t}(z0 − p/σ) solves ż = σp − σ²z with z(0) = z0 (mathjs derivative, BigNumber check at ≥ 50 digits, relative tolerance 1e−40). Hence Θ(∞) = Θ̂ + Φ2Φ2ᵀΘ(0).',
  where: 'L:178',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb({ rMax: 2, mMax: 2 }),
  check: (inst, ctx) => linregCheck(inst, ctx, 'paper'),
  falsifiers: [{ name: 'rate Σ_x^{1/2} instead of Σ_x', description: 'z(t) = p/σ + e^{−σt}(z0 − p/σ) does not solve the ODE.', check: (inst, ctx) => linregCheck(inst, ctx, 'sqrtRate'), runs: 3 }],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-T1-SYM: scalar case r = m = h = 1

function t1Check(inst: { seed: number }, ctx: CheckContext, variant: 'paper' | 'noPositiveParts' | 'rate3'): Outcome {
  // (7) with r = m = h = 1, Σ_x^{1/2} = σ: u̇ = σEv, v̇ = Eσu, E = w − σuv.
  const E = 'w - sig * u * v';
  const rhs = [`sig * (${E}) * v`, `(${E}) * sig * u`];
  const { lie, defs } = lieDerivativeShared([`log((${E})^2)`], ['u', 'v'], rhs);
  const vars = ['u', 'v', 'w', 'sig'];
  const opts = idOpts(inst, ctx, { defs, domain: { sig: [0.5, 3] } });
  const outcomes: Outcome[] = [];
  if (variant === 'paper') {
    outcomes.push(identityOutcome('d/dt log E² = −2σ²(u² + v²)', identitiesHold(lie, ['-2 * sig^2 * (u^2 + v^2)'], vars, opts)));
  }
  // At an orthogonal start (v = 0): Λ = u² (h < m + r, so c = [λ_r(Λ)]_+ + [λ_m(−Λ)]_+ = u²) and the
  // bound's rate −2λ_r(Σ_x)c = −2σ²u² is attained at t = 0⁺. Mutants: c without positive parts
  // (λ_r(Λ) + λ_m(−Λ) = u² − u² = 0), or rate 3λ_r(Σ_x)c.
  const c = variant === 'noPositiveParts' ? '(u^2 + (-u^2))' : 'u^2';
  const k = variant === 'rate3' ? 3 : 2;
  const atV0 = lie.map((x) => substitute(x, { v: '0' }));
  const defsV0: [string, string][] = defs.map(([nm, ex]) => [nm, substitute(ex, { v: '0' })]);
  outcomes.push(identityOutcome(`d/dt log E²|_{v=0} = −${k}λ_r(Σ_x)c`, identitiesHold(atV0, [`-${k} * sig^2 * ${c}`], ['u', 'w', 'sig'], { ...opts, defs: defsV0 })));
  return all(outcomes);
}

export const minT1Sym = defineClaim<{ seed: number }>({
  id: 'MIN-T1-SYM',
  paper: PAPER,
  title: 'Theorem 1, scalar case: d/dt log E² = −2σ²(u² + v²), equal to −2λ_r(Σ_x)c at uv = 0',
  statement:
    'For r = m = h = 1 with Σ_x^{1/2} = σ and E = w − σuv, the Lie derivative along (7) of log E² is identically −2σ²(u² + v²) (a rational-function identity, Schwartz–Zippel); at an orthogonal start v = 0 the imbalance is Λ = u², c = [λ_r(Λ)]_+ + [λ_m(−Λ)]_+ = u², and the rate equals −2λ_r(Σ_x)c: the bound of Theorem 1 is attained at t = 0⁺.',
  where: 'Theorem 1, eq. (10), L:122–126; App. C',
  kind: 'proof',
  expected: 'holds',
  arbitrary: seedOnlyArb,
  check: (inst, ctx) => t1Check(inst, ctx, 'paper'),
  falsifiers: [
    { name: 'c without positive parts', description: 'λ_r(Λ) + λ_m(−Λ) = 0 for h < m + r: predicts no decay, but the rate is −2σ²u².', check: (inst, ctx) => t1Check(inst, ctx, 'noPositiveParts'), runs: 3 },
    { name: 'rate 3λ_r(Σ_x)c', description: 'A faster claimed rate is not what the flow does at t = 0⁺.', check: (inst, ctx) => t1Check(inst, ctx, 'rate3'), runs: 3 },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

export const errorProofs: Claim[] = [minE8Sym, minEdotSym, minE22Sym, minE16Sym, minE14Sym, minProjSym, minMinNormSym, minLstarSym, minLinregSym, minT1Sym];
