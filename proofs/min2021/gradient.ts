// Symbolic proofs about the gradient of L(V, U) = ½‖Y − XUVᵀ‖_F² (Min et al. 2021, eqs. (2)–(7),
// App. D): the gradient formulas (5a)/(5b), the reparametrization (7), U̇2 = 0, the zero
// equilibrium, the NTK rescaling (28)–(31), the output scale, and the O(h) symmetry.
import fc from 'fast-check';
import { all, defineClaim, pass, type CheckContext, type Claim, type Outcome } from '../../src/core/claim.js';
import { Rng } from '../../src/random/rng.js';
import {
  cayleyOrthogonal,
  flatten,
  frobSq,
  gradientExprs,
  identitiesHold,
  identityHolds,
  lieDerivativeVanishes,
  matMul,
  matNeg,
  matScale,
  matSub,
  matSymbols,
  ratEquals,
  ratIdentity,
  ratMatrixExprs,
  ratMul,
  ratTranspose,
  ratAdd,
  ratScale,
  rat,
  ratZeros,
  substitute,
  symMatrix,
  transpose,
  type ExprMatrix,
} from '../../src/symbolic/index.js';
import {
  dataExprs,
  defineMatrix,
  exactData,
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

/** L = ½‖Y − XUVᵀ‖_F² as an expression, with the residual matrix R = Y − XUVᵀ. */
function loss(X: ExprMatrix, Y: ExprMatrix, U: ExprMatrix, V: ExprMatrix, half = true): { L: string; R: ExprMatrix } {
  const R = matSub(Y, matMul(matMul(X, U), transpose(V)));
  return { L: half ? `1/2 * (${frobSq(R)})` : frobSq(R), R };
}

/** Reshape a flat gradient (row-major over a rows×cols block starting at `offset`) to a matrix. */
function reshape(flat: string[], offset: number, rows: number, cols: number): ExprMatrix {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => flat[offset + i * cols + j]));
}

/** Symbols and mathjs gradient of L in (V, U) for general symbolic data X (n×D), Y (n×m). */
function generalModel(inst: SymInstance, half = true) {
  const X = symMatrix('X', inst.n, inst.D);
  const Y = symMatrix('Y', inst.n, inst.m);
  const U = symMatrix('U', inst.D, inst.h);
  const V = symMatrix('V', inst.m, inst.h);
  const { L, R } = loss(X, Y, U, V, half);
  const vars = [...matSymbols(V), ...matSymbols(U)];
  const grad = gradientExprs(L, vars, { simplify: false });
  const gV = reshape(grad, 0, inst.m, inst.h);
  const gU = reshape(grad, inst.m * inst.h, inst.D, inst.h);
  const allVars = [...vars, ...matSymbols(X), ...matSymbols(Y)];
  return { X, Y, U, V, L, R, vars, grad, gV, gU, allVars };
}

/** The same with the exact rational X = WΣ_x^{1/2}Φ1ᵀ of (4) and symbolic Y. */
function exactModel(inst: SymInstance) {
  const d = exactData(inst);
  const e = dataExprs(d);
  const Y = symMatrix('Y', inst.n, inst.m);
  const U = symMatrix('U', inst.D, inst.h);
  const V = symMatrix('V', inst.m, inst.h);
  const { L, R } = loss(e.X, Y, U, V);
  const vars = [...matSymbols(V), ...matSymbols(U)];
  const grad = gradientExprs(L, vars, { simplify: false });
  const gV = reshape(grad, 0, inst.m, inst.h);
  const gU = reshape(grad, inst.m * inst.h, inst.D, inst.h);
  const allVars = [...vars, ...matSymbols(Y)];
  return { d, e, Y, U, V, L, R, vars, grad, gV, gU, allVars };
}

// ---------------------------------------------------------------------------------------------
// MIN-GRAD-SYM

function gradFormulaCheck(inst: SymInstance, ctx: CheckContext, variant: 'paper' | 'sign5b' | 'noHalf' | 'noTranspose'): Outcome {
  return guardDims('(5a)/(5b)', () => {
    const g = generalModel(inst, variant !== 'noHalf');
    const Rd = defineMatrix('Rr', g.R);
    const Rs = Rd.sym;
    // (5a) ∂L/∂V = −(Y − XUVᵀ)ᵀXU ; (5b) ∂L/∂U = −Xᵀ(Y − XUVᵀ)V
    const dV = variant === 'noTranspose' ? matNeg(matMul(matMul(Rs, g.X), g.U)) : matNeg(matMul(matMul(transpose(Rs), g.X), g.U));
    const dU5b = matMul(matMul(transpose(g.X), Rs), g.V);
    const dU = variant === 'sign5b' ? dU5b : matNeg(dU5b);
    const opts = idOpts(inst, ctx, { defs: Rd.defs });
    return all([
      identityOutcome('∂L/∂V = −(Y − XUVᵀ)ᵀXU (5a), X and Y symbolic', matIdentity(g.gV, dV, g.allVars, opts)),
      identityOutcome('∂L/∂U = −Xᵀ(Y − XUVᵀ)V (5b), X and Y symbolic', matIdentity(g.gU, dU, g.allVars, opts)),
    ]);
  });
}

function gradClosedFormCheck(inst: SymInstance, ctx: CheckContext, sigmaPower: 'half' | 'one'): Outcome {
  const g = exactModel(inst);
  const { e } = g;
  const S = sigmaPower === 'half' ? e.S : e.Sig;
  const Rd = defineMatrix('Rr', g.R);
  // (6) E = WᵀY − Σ_x^{1/2}U1Vᵀ with U1 = Φ1ᵀU
  const U1 = matMul(transpose(e.Phi1), g.U);
  const Ed = defineMatrix('Ee', matSub(matMul(transpose(e.W), g.Y), matMul(matMul(e.S, U1), transpose(g.V))));
  const opts = idOpts(inst, ctx, { defs: [...Rd.defs, ...Ed.defs] });
  const lhsV = matMul(matMul(transpose(Rd.sym), e.X), g.U); // (Y − XUVᵀ)ᵀXU
  const rhsV = matMul(matMul(matMul(transpose(Ed.sym), S), transpose(e.Phi1)), g.U); // EᵀΣ^{1/2}Φ1ᵀU
  const lhsU = matMul(matMul(transpose(e.X), Rd.sym), g.V); // Xᵀ(Y − XUVᵀ)V
  const rhsU = matMul(matMul(matMul(e.Phi1, S), Ed.sym), g.V); // Φ1Σ^{1/2}EV
  return all([
    identityOutcome('(Y − XUVᵀ)ᵀXU = EᵀΣ_x^{1/2}Φ1ᵀU (5a), exact rational X', matIdentity(lhsV, rhsV, g.allVars, opts)),
    identityOutcome('Xᵀ(Y − XUVᵀ)V = Φ1Σ_x^{1/2}EV (5b), exact rational X', matIdentity(lhsU, rhsU, g.allVars, opts)),
  ]);
}

export const minGradSym = defineClaim<SymInstance>({
  id: 'MIN-GRAD-SYM',
  paper: PAPER,
  title: 'gradient formulas (5a)/(5b) equal mathjs derivative of ½‖Y − XUVᵀ‖²',
  statement:
    'For L(V, U) = ½‖Y − XUVᵀ‖_F² with symbolic X ∈ ℝ^{n×D}, Y ∈ ℝ^{n×m}, U ∈ ℝ^{D×h}, V ∈ ℝ^{m×h}, the mathjs derivative of L with respect to every entry of V and U equals −(Y − XUVᵀ)ᵀXU (5a) and −Xᵀ(Y − XUVᵀ)V (5b). With exact rational X = WΣ_x^{1/2}Φ1ᵀ (4) (W, [Φ1 Φ2] Cayley-orthogonal, Σ_x^{1/2} rational diagonal) and symbolic Y, U, V, the closed forms EᵀΣ_x^{1/2}Φ1ᵀU and Φ1Σ_x^{1/2}EV with E = WᵀY − Σ_x^{1/2}Φ1ᵀUVᵀ (6) agree with them. ' +
    SZ_NOTE,
  where: '§2.1, eqs. (2), (3), (5a), (5b), L:58, L:64, L:80–84',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb(),
  check: (inst, ctx) => all([gradFormulaCheck(inst, ctx, 'paper'), gradClosedFormCheck(inst, ctx, 'half')]),
  falsifiers: [
    {
      name: 'sign flip in (5b)',
      description: '∂L/∂U = +Xᵀ(Y − XUVᵀ)V: the mathjs derivative disagrees.',
      check: (inst, ctx) => gradFormulaCheck(inst, ctx, 'sign5b'),
      runs: 3,
    },
    {
      name: 'loss without ½',
      description: 'L = ‖Y − XUVᵀ‖² (the experiments drop the ½): its derivative is twice (5a)/(5b).',
      check: (inst, ctx) => gradFormulaCheck(inst, ctx, 'noHalf'),
      runs: 3,
    },
    {
      name: 'missing transpose in (5a)',
      description: '−(Y − XUVᵀ)XU: dimensionally invalid unless m = n, and wrong when it is defined.',
      check: (inst, ctx) => gradFormulaCheck(inst, ctx, 'noTranspose'),
      runs: 3,
    },
    {
      name: 'Σ_x instead of Σ_x^{1/2} in the closed forms',
      description: 'EᵀΣ_xΦ1ᵀU and Φ1Σ_xEV: wrong whenever Σ_x ≠ I (generic rational Σ_x^{1/2}).',
      check: (inst, ctx) => gradClosedFormCheck(inst, ctx, 'one'),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-REPARAM-SYM

function exactBasisChecks(inst: SymInstance): Outcome {
  const d = exactData(inst);
  const eq = (a: boolean, what: string): Outcome => (a ? pass(0, `${what}: exact`) : identityOutcome(what, { holds: false, maxResidual: Number.NaN, method: 'exact', detail: 'exact rational matrices differ' }));
  const r = inst.r;
  const D = inst.D;
  return all([
    eq(ratEquals(ratMul(ratTranspose(d.Phi1), d.Phi1), ratIdentity(r)), 'Φ1ᵀΦ1 = I_r'),
    eq(ratEquals(ratMul(ratTranspose(d.Phi1), d.Phi2), ratZeros(r, D - r)), 'Φ1ᵀΦ2 = 0'),
    eq(ratEquals(ratAdd(ratMul(d.Phi1, ratTranspose(d.Phi1)), ratMul(d.Phi2, ratTranspose(d.Phi2))), ratIdentity(D)), 'Φ1Φ1ᵀ + Φ2Φ2ᵀ = I_D'),
    eq(ratEquals(ratMul(ratTranspose(d.W), d.W), ratIdentity(r)), 'WᵀW = I_r'),
  ]);
}

function reparamCheck(inst: SymInstance, ctx: CheckContext, variant: 'paper' | 'SigmaE'): Outcome {
  const g = exactModel(inst);
  const { e } = g;
  const U1 = matMul(transpose(e.Phi1), g.U);
  const Ed = defineMatrix('Ee', matSub(matMul(transpose(e.W), g.Y), matMul(matMul(e.S, U1), transpose(g.V))));
  const GU = defineMatrix('GU', matNeg(g.gU)); // −∂L/∂U from mathjs
  const GV = defineMatrix('GV', matNeg(g.gV));
  const opts = idOpts(inst, ctx, { defs: [...Ed.defs, ...GU.defs, ...GV.defs] });
  const U1dot = variant === 'paper' ? matMul(matMul(e.S, Ed.sym), g.V) : matMul(matMul(e.Sig, Ed.sym), g.V);
  return all([
    identityOutcome('Φ1ᵀ(−∂L/∂U) = Σ_x^{1/2}EV (7)', matIdentity(matMul(transpose(e.Phi1), GU.sym), U1dot, g.allVars, opts)),
    identityOutcome('−∂L/∂V = EᵀΣ_x^{1/2}U1 (7)', matIdentity(GV.sym, matMul(matMul(transpose(Ed.sym), e.S), U1), g.allVars, opts)),
  ]);
}

export const minReparamSym = defineClaim<SymInstance>({
  id: 'MIN-REPARAM-SYM',
  paper: PAPER,
  title: 'reparametrized flow (7) from the mathjs gradient, exact rational data',
  statement:
    'On exact rational data (4): Φ1ᵀΦ1 = I, Φ1ᵀΦ2 = 0, Φ1Φ1ᵀ + Φ2Φ2ᵀ = I, WᵀW = I hold exactly (deterministic rational arithmetic), and with U1 = Φ1ᵀU the mathjs gradient of L satisfies Φ1ᵀ(−∂L/∂U) = Σ_x^{1/2}EV and −∂L/∂V = EᵀΣ_x^{1/2}U1, i.e. (V, U1) follows the closed ODE (7). ' +
    SZ_NOTE,
  where: '§2.1, eqs. (4), (6), (7), L:70–92',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb(),
  check: (inst, ctx) => all([exactBasisChecks(inst), reparamCheck(inst, ctx, 'paper')]),
  falsifiers: [
    {
      name: 'U̇1 = Σ_x E V',
      description: 'Σ_x in place of Σ_x^{1/2} in (7): wrong whenever Σ_x ≠ I.',
      check: (inst, ctx) => reparamCheck(inst, ctx, 'SigmaE'),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-U2CONST-SYM

function u2ConstCheck(inst: SymInstance, ctx: CheckContext, variant: 'paper' | 'weightDecay' | 'Phi1'): Outcome {
  const g = exactModel(inst);
  const { d, e } = g;
  const outcomes: Outcome[] = [];
  if (variant === 'paper') {
    // Φ2ᵀXᵀ = 0 exactly: Xᵀ = Φ1Σ^{1/2}Wᵀ and Φ2ᵀΦ1 = 0.
    const z = ratMul(ratTranspose(d.Phi2), ratTranspose(d.X));
    outcomes.push(ratEquals(z, ratZeros(inst.D - inst.r, inst.n)) ? pass(0, 'Φ2ᵀXᵀ = 0: exact') : identityOutcome('Φ2ᵀXᵀ = 0', { holds: false, maxResidual: Number.NaN, method: 'exact' }));
  }
  // Flow (3) in (V, U): θ̇ = −∇L (mathjs gradient); weight decay adds −μθ (mutant).
  let rhs = g.grad.map((x) => `-(${x})`);
  const params = [...matSymbols(g.Y)];
  if (variant === 'weightDecay') {
    rhs = rhs.map((x, k) => `${x} - mu * ${g.vars[k]}`);
    params.push('mu');
  }
  const basis = variant === 'Phi1' ? e.Phi1 : e.Phi2;
  const Q = flatten(matMul(transpose(basis), g.U)); // U2 = Φ2ᵀU (or the mutant Φ1ᵀU)
  const r = lieDerivativeVanishes(Q, g.vars, rhs, { ...idOpts(inst, ctx), params });
  outcomes.push(identityOutcome(`d/dt ${variant === 'Phi1' ? 'Φ1ᵀU' : 'Φ2ᵀU'} = 0 along (3)${variant === 'weightDecay' ? ' with weight decay' : ''}`, r));
  return all(outcomes);
}

export const minU2ConstSym = defineClaim<SymInstance>({
  id: 'MIN-U2CONST-SYM',
  paper: PAPER,
  title: 'U2 = Φ2ᵀU has zero Lie derivative along (3)',
  statement:
    'On exact rational data (4), Φ2ᵀXᵀ = 0 exactly, and the Lie derivative of every entry of U2 = Φ2ᵀU along the gradient flow (3) — with the gradient of L = ½‖Y − XUVᵀ‖² taken by mathjs, Y symbolic — vanishes identically: U̇2 = 0. ' +
    SZ_NOTE,
  where: 'eq. (7) (U̇2 = 0), L:92, L:156',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb(),
  check: (inst, ctx) => u2ConstCheck(inst, ctx, 'paper'),
  falsifiers: [
    {
      name: 'weight decay moves U2',
      description: 'U̇ = −∂L/∂U − μU: d/dt U2 = −μU2 ≠ 0.',
      check: (inst, ctx) => u2ConstCheck(inst, ctx, 'weightDecay'),
      runs: 3,
    },
    {
      name: 'Φ1ᵀU claimed constant',
      description: 'The row-space coordinates U1 = Φ1ᵀU move (U̇1 = Σ^{1/2}EV ≠ 0).',
      check: (inst, ctx) => u2ConstCheck(inst, ctx, 'Phi1'),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-ZERO-SYM

function zeroCheck(inst: SymInstance, ctx: CheckContext, variant: 'paper' | 'anyU'): Outcome {
  const g = exactModel(inst);
  const { e } = g;
  // At V = 0 and U = Φ2U2 (U1 = 0, U2 free) the gradient vanishes; the mutant keeps U free.
  const U2 = symMatrix('W2', inst.D - inst.r, inst.h);
  const Uat = variant === 'paper' ? matMul(e.Phi2, U2) : g.U;
  const map: Record<string, string> = {};
  flatten(g.V).forEach((v) => (map[v] = '0'));
  if (variant === 'paper') flatten(g.U).forEach((u, k) => (map[u] = flatten(Uat)[k]));
  const at = g.grad.map((x) => substitute(x, map));
  const vars = variant === 'paper' ? [...matSymbols(U2), ...matSymbols(g.Y)] : [...matSymbols(g.U), ...matSymbols(g.Y)];
  return identityOutcome(variant === 'paper' ? '∇L(V = 0, U = Φ2U2) = 0' : '∇L(V = 0, U) = 0 for every U', identitiesHold(at, at.map(() => '0'), vars, idOpts(inst, ctx)));
}

export const minZeroSym = defineClaim<SymInstance>({
  id: 'MIN-ZERO-SYM',
  paper: PAPER,
  title: 'V = 0, U1 = 0 (any U2) is an equilibrium of (3)',
  statement:
    'On exact rational data (4), the mathjs gradient of L vanishes identically on {V = 0, U = Φ2U2} for symbolic U2 and Y: zero initialization (and any point with V = 0, U1 = 0) is an equilibrium, which satisfies (15) but not the convergence hypothesis of Prop. 1. ' +
    SZ_NOTE,
  where: 'L:182',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb(),
  check: (inst, ctx) => zeroCheck(inst, ctx, 'paper'),
  falsifiers: [
    {
      name: 'V = 0 with any U is an equilibrium',
      description: '−∂L/∂V = YᵀXU ≠ 0 when U has a row-space component.',
      check: (inst, ctx) => zeroCheck(inst, ctx, 'anyU'),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-NTK-SYM (App. D, (28)–(31)), and the printed intermediate step of (28)/(29)

type NtkVariant = 'paper' | 'timeFactorP' | 'lossPinv' | 'literal28' | 'literal29';

function ntkCheck(inst: SymInstance, ctx: CheckContext, variant: NtkVariant): Outcome {
  const g = generalModel(inst);
  // p stands for h^α > 0 (symbolic); Ũ = pU, Ṽ = pV.
  const Ut = symMatrix('Ut', inst.D, inst.h);
  const Vt = symMatrix('Vt', inst.m, inst.h);
  const pw = variant === 'lossPinv' ? 'p^(-1)' : 'p^(-2)';
  const Rt = matSub(g.Y, matScale(pw, matMul(matMul(g.X, Ut), transpose(Vt))));
  const Lt = `1/2 * (${frobSq(Rt)})`;
  const tvars = [...matSymbols(Vt), ...matSymbols(Ut)];
  const vars = [...tvars, ...matSymbols(g.X), ...matSymbols(g.Y), 'p'];
  const opts = idOpts(inst, ctx, { domain: { p: [0.5, 3] } });
  const back: Record<string, string> = {};
  [...flatten(g.V), ...flatten(g.U)].forEach((s, k) => (back[s] = `${tvars[k]} / p`));
  const outcomes: Outcome[] = [];
  if (variant === 'paper' || variant === 'lossPinv') {
    // L(V, U) = L̃(Ṽ, Ũ) at U = Ũ/p, V = Ṽ/p
    outcomes.push(identityOutcome('L(Ũ/p, Ṽ/p) = L̃(Ũ, Ṽ)', identitiesHold([substitute(g.L, back)], [Lt], vars, opts)));
    if (variant === 'lossPinv') return all(outcomes);
  }
  const gradT = gradientExprs(Lt, tvars, { simplify: false });
  const gradAt = g.grad.map((x) => substitute(x, back)); // ∂L/∂θ evaluated at θ = θ̃/p
  if (variant === 'paper') {
    // (28)/(29): ∂L̃/∂θ̃ = p^{-1}·∂L/∂θ
    outcomes.push(identityOutcome('(28)/(29) ∂L̃/∂θ̃ = h^{−α}∂L/∂θ', identitiesHold(gradT, gradAt.map((x) => `(${x}) / p`), vars, opts)));
  }
  if (variant === 'paper' || variant === 'timeFactorP') {
    // (30)/(31): d/dt θ̃ = p·θ̇ = p·(−∂L/∂θ) equals −p²·∂L̃/∂θ̃ (the mutant: −p·∂L̃/∂θ̃)
    const factor = variant === 'paper' ? 'p^2' : 'p';
    outcomes.push(identityOutcome(`(30)/(31) dθ̃/dt = −${factor}·∂L̃/∂θ̃`, identitiesHold(gradAt.map((x) => `-p * (${x})`), gradT.map((x) => `-${factor} * (${x})`), vars, opts)));
  }
  if (variant === 'literal28' || variant === 'literal29') {
    // The printed middle expressions: −h^{−α}∂L/∂U "= −h^{−α}Xᵀ(Y − XUVᵀ)V" (28) and
    // −h^{−α}∂L/∂V "= −h^{−α}(Y − XUVᵀ)ᵀXU" (29), in the original variables (U, V).
    const Rd = defineMatrix('Rr', g.R);
    const o = idOpts(inst, ctx, { domain: { p: [0.5, 3] }, defs: Rd.defs });
    const allv = [...g.allVars, 'p'];
    if (variant === 'literal28') {
      const printed = matScale('-(1/p)', matMul(matMul(transpose(g.X), Rd.sym), g.V));
      outcomes.push(identityOutcome('(28) as printed: −h^{−α}∂L/∂U = −h^{−α}Xᵀ(Y − XUVᵀ)V', matIdentity(matScale('-(1/p)', g.gU), printed, allv, o)));
    } else {
      const printed = matScale('-(1/p)', matMul(matMul(transpose(Rd.sym), g.X), g.U));
      outcomes.push(identityOutcome('(29) as printed: −h^{−α}∂L/∂V = −h^{−α}(Y − XUVᵀ)ᵀXU', matIdentity(matScale('-(1/p)', g.gV), printed, allv, o)));
    }
  }
  return all(outcomes);
}

const ntkArb = sizesArb({ rMax: 2, mMax: 2, hMax: 2 });

export const minNtkSym = defineClaim<SymInstance>({
  id: 'MIN-NTK-SYM',
  paper: PAPER,
  title: 'App. D: L(V,U) = L̃(Ṽ,Ũ), ∂L̃/∂Ũ = h^{−α}∂L/∂U, and the h^{2α} time rescaling',
  statement:
    'With p := h^α (a positive symbol), Ũ = pU, Ṽ = pV and L̃(Ṽ, Ũ) = ½‖Y − p^{−2}XŨṼᵀ‖_F² (X, Y symbolic): L(Ũ/p, Ṽ/p) = L̃(Ũ, Ṽ); the mathjs gradients satisfy ∂L̃/∂Ũ = p^{−1}∂L/∂U and ∂L̃/∂Ṽ = p^{−1}∂L/∂V at (U, V) = (Ũ/p, Ṽ/p) ((28), (29), endpoints of the chains); hence along gradient flow on L, dŨ/dt = p·U̇ = −p²∂L̃/∂Ũ and likewise for Ṽ ((30), (31)): unit-rate flow on L̃ sped up by h^{2α}. Rational-function identities in p. ' +
    SZ_NOTE,
  where: 'App. D, eqs. (28)–(31), L:566–590',
  kind: 'proof',
  expected: 'holds',
  arbitrary: ntkArb,
  check: (inst, ctx) => ntkCheck(inst, ctx, 'paper'),
  counterpart: 'MIN-NTK-SYM-LITERAL',
  erratum:
    'The middle expressions printed in (28) and (29) have the wrong sign: −h^{−α}∂L/∂U = +h^{−α}Xᵀ(Y − XUVᵀ)V (not −), and likewise for V; the chain endpoints −h^{−α}∂L/∂U = −∂L̃/∂Ũ are right. This claim checks the endpoints; MIN-NTK-SYM-LITERAL checks the printed middle step.',
  falsifiers: [
    {
      name: 'time factor h^α instead of h^{2α}',
      description: 'dŨ/dt = −h^α ∂L̃/∂Ũ: off by a factor p ≠ 1.',
      check: (inst, ctx) => ntkCheck(inst, ctx, 'timeFactorP'),
      runs: 3,
    },
    {
      name: 'L̃ with h^{−α} instead of h^{−2α}',
      description: 'L̃ = ½‖Y − h^{−α}XŨṼᵀ‖² breaks L = L̃.',
      check: (inst, ctx) => ntkCheck(inst, ctx, 'lossPinv'),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

export const minNtkSymLiteral = defineClaim<SymInstance>({
  id: 'MIN-NTK-SYM-LITERAL',
  paper: PAPER,
  title: 'App. D (28) as printed: −h^{−α}∂L/∂U = −h^{−α}Xᵀ(Y − XUVᵀ)V',
  statement:
    'The middle step of (28) as printed: −h^{−α}∂L/∂U(V, U) = −h^{−α}Xᵀ(Y − XUVᵀ)V, checked against the mathjs derivative of L = ½‖Y − XUVᵀ‖² with symbolic X, Y, U, V and p = h^α. Expected refuted (the sign is wrong; see MIN-NTK-SYM). ' +
    SZ_NOTE,
  where: 'App. D, eq. (28), L:576',
  kind: 'proof',
  expected: 'refuted',
  arbitrary: ntkArb,
  check: (inst, ctx) => ntkCheck(inst, ctx, 'literal28'),
  counterpart: 'MIN-NTK-SYM',
  erratum:
    'Since ∂L/∂U = −Xᵀ(Y − XUVᵀ)V, the printed −h^{−α}∂L/∂U = −h^{−α}Xᵀ(Y − XUVᵀ)V has the wrong sign (it should be +h^{−α}Xᵀ(Y − XUVᵀ)V); the same holds for the middle step of (29). The conclusion (30)/(31) is unaffected.',
  falsifiers: [
    {
      name: '(29) middle step as printed',
      description: '−h^{−α}∂L/∂V = −h^{−α}(Y − XUVᵀ)ᵀXU: same sign error, also rejected.',
      check: (inst, ctx) => ntkCheck(inst, ctx, 'literal29'),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-NTKOUT-SYM: VUᵀx = (√m/h^{2α−½})·(1/√(mh))ṼŨᵀx and κ_h = √m·h^{½−2α}

interface NtkOutInstance {
  m: number;
  h: number;
  D: number;
  seed: number;
}

function ntkOutCheck(inst: NtkOutInstance, ctx: CheckContext, sign: 1 | -1): Outcome {
  const exp = sign === 1 ? '(2*a - 1/2)' : '(1/2 - 2*a)';
  const opts = idOpts(inst, ctx, { domain: { a: [0.26, 0.5], mm: [1, 3], hh: [1, 100] } });
  // Scalar exponent identity with m, h, α all symbolic (positive domains): √m·h^{½−2α}/√(mh) = h^{−2α}.
  const kappa = sign === 1 ? 'sqrt(mm) * hh^(1/2 - 2*a)' : 'sqrt(mm) * hh^(2*a - 1/2)';
  const scalar = identityHolds(`${kappa} * (1 / sqrt(mm * hh))`, 'hh^(-2*a)', ['mm', 'hh', 'a'], opts);
  // Full output identity at the instance's integer m, h with symbolic V, U, x and α.
  const V = symMatrix('V', inst.m, inst.h);
  const U = symMatrix('U', inst.D, inst.h);
  const x = symMatrix('x', inst.D, 1);
  const lhs = matMul(matMul(V, transpose(U)), x);
  const Vt = matScale(`${inst.h}^a`, V);
  const Ut = matScale(`${inst.h}^a`, U);
  const rhs = matScale(`sqrt(${inst.m}) / ${inst.h}^${exp} * (1 / sqrt(${inst.m * inst.h}))`, matMul(matMul(Vt, transpose(Ut)), x));
  const vars = [...matSymbols(V), ...matSymbols(U), ...matSymbols(x), 'a'];
  const full = matIdentity(lhs, rhs, vars, opts);
  return all([identityOutcome('√m·h^{½−2α}·(mh)^{−½} = h^{−2α}', scalar), identityOutcome('VUᵀx = (√m/h^{2α−½})·f̃(x; Ṽ, Ũ)', full)]);
}

export const minNtkOutSym = defineClaim<NtkOutInstance>({
  id: 'MIN-NTKOUT-SYM',
  paper: PAPER,
  title: 'output scale κ_h = √m·h^{½−2α}: VUᵀx = κ_h·f̃(x; Ṽ, Ũ)',
  statement:
    'For positive symbols m, h and α: √m·h^{½−2α}·(mh)^{−½} = h^{−2α}; and for integer m, h, symbolic α, V, U, x: VUᵀx = (√m/h^{2α−½})·(1/√(mh))·ṼŨᵀx with Ṽ = h^αV, Ũ = h^αU. Non-rational (real powers, square roots): checked in BigNumber at ≥ 50 digits at random points, relative tolerance 1e−40.',
  where: 'App. D, L:566–570',
  kind: 'proof',
  expected: 'holds',
  arbitrary: fc.record({ m: fc.integer({ min: 1, max: 3 }), h: fc.integer({ min: 1, max: 4 }), D: fc.integer({ min: 1, max: 3 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
  check: (inst, ctx) => ntkOutCheck(inst, ctx, 1),
  falsifiers: [
    {
      name: 'κ_h = √m·h^{2α−½}',
      description: 'Wrong sign of the exponent: the output scale would grow with h.',
      check: (inst, ctx) => ntkOutCheck(inst, ctx, -1),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// MIN-QINV-SYM: right rotation by R ∈ O(h) is a symmetry of (3)

function qinvCheck(inst: SymInstance, ctx: CheckContext, variant: 'orthogonal' | 'scaled'): Outcome {
  const g = generalModel(inst);
  const rng = new Rng(inst.seed ^ 0x51ed);
  let Rr = cayleyOrthogonal(rng, inst.h);
  if (variant === 'scaled') Rr = ratAdd(Rr, ratScale(ratIdentity(inst.h), rat(1, 2)));
  const R = ratMatrixExprs(Rr);
  const UR = matMul(g.U, R);
  const VR = matMul(g.V, R);
  const map: Record<string, string> = {};
  flatten(g.U).forEach((u, k) => (map[u] = flatten(UR)[k]));
  flatten(g.V).forEach((v, k) => (map[v] = flatten(VR)[k]));
  const opts = idOpts(inst, ctx);
  const rot = (x: string) => substitute(x, map);
  // ∇L(VR, UR) = ∇L(V, U)·R (gradient flow commutes with θ ↦ θR), UR(VR)ᵀ = UVᵀ, L(VR, UR) = L(V, U).
  const gVd = defineMatrix('GV', g.gV);
  const gUd = defineMatrix('GU', g.gU);
  const o2 = { ...opts, defs: [...gVd.defs, ...gUd.defs] };
  return all([
    identityOutcome('∂L/∂V(VR, UR) = ∂L/∂V(V, U)·R', matIdentity(g.gV.map((row) => row.map(rot)), matMul(gVd.sym, R), g.allVars, o2)),
    identityOutcome('∂L/∂U(VR, UR) = ∂L/∂U(V, U)·R', matIdentity(g.gU.map((row) => row.map(rot)), matMul(gUd.sym, R), g.allVars, o2)),
    identityOutcome('UR(VR)ᵀ = UVᵀ', matIdentity(matMul(UR, transpose(VR)), matMul(g.U, transpose(g.V)), g.allVars, opts)),
    identityOutcome('(UR)ᵀUR − (VR)ᵀVR = Rᵀ(UᵀU − VᵀV)R', matIdentity(matSub(matMul(transpose(UR), UR), matMul(transpose(VR), VR)), matMul(matMul(transpose(R), matSub(matMul(transpose(g.U), g.U), matMul(transpose(g.V), g.V))), R), g.allVars, opts)),
  ]);
}

export const minQinvSym = defineClaim<SymInstance>({
  id: 'MIN-QINV-SYM',
  paper: PAPER,
  title: 'right rotations θ ↦ θR, R ∈ O(h), commute with the flow and keep UVᵀ',
  statement:
    'For an exactly orthogonal rational R ∈ O(h) (Cayley transform) and symbolic X, Y, U, V: the mathjs gradient satisfies ∇L(VR, UR) = ∇L(V, U)·R, so (V(t)R, U(t)R) solves (3) whenever (V(t), U(t)) does; UR(VR)ᵀ = UVᵀ (hence E, L unchanged) and the imbalance transforms as Rᵀ(·)R (so c is unchanged). This is why the choice of Q in the balanced initialization does not affect E(t). ' +
    SZ_NOTE,
  where: 'L:241, L:353 (M:258)',
  kind: 'proof',
  expected: 'holds',
  arbitrary: sizesArb({ rMax: 2, mMax: 2 }),
  check: (inst, ctx) => qinvCheck(inst, ctx, 'orthogonal'),
  falsifiers: [
    {
      name: 'non-orthogonal R',
      description: 'R + I/2 (not orthogonal): UR(VR)ᵀ ≠ UVᵀ and the gradient is not equivariant.',
      check: (inst, ctx) => qinvCheck(inst, ctx, 'scaled'),
      runs: 3,
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

export const gradientProofs: Claim[] = [minGradSym, minReparamSym, minU2ConstSym, minZeroSym, minNtkSym, minNtkSymLiteral, minNtkOutSym, minQinvSym];
