// Lie derivatives of quantities along a vector field: dQ/dt = Σ_k ∂Q/∂θ_k · θ̇_k.
import { derivativeExpr, type DerivativeOptions } from './derivatives.js';
import { identitiesHold, type IdentitiesResult, type IdentityOptions } from './identity.js';
import { mulExpr, sumExpr } from './matrix.js';

/**
 * The Lie derivative of each quantity along θ̇ = rhs(θ): L_f Q = Σ_k (∂Q/∂θ_k)·rhs_k, as expression
 * strings. `vars` are the state variables θ_k (one per rhs entry); other symbols are constants.
 */
export function lieDerivative(quantityExprs: string[], vars: string[], rhsExprs: string[], opts: DerivativeOptions = {}): string[] {
  if (vars.length !== rhsExprs.length) throw new Error(`lieDerivative: ${vars.length} variables vs ${rhsExprs.length} right-hand sides`);
  const dopts: DerivativeOptions = { simplify: opts.simplify ?? false };
  return quantityExprs.map((q) => sumExpr(vars.map((v, k) => mulExpr(derivativeExpr(q, v, dopts), rhsExprs[k]))));
}

/**
 * The Lie derivatives with the vector field's components kept as named definitions
 * (`rhs__1`, `rhs__2`, …) instead of being expanded into every quantity: pass `defs` to the
 * identity checker (opts.defs) to evaluate each component once per point.
 */
export function lieDerivativeShared(quantityExprs: string[], vars: string[], rhsExprs: string[]): { lie: string[]; defs: [string, string][] } {
  const names = rhsExprs.map((_, k) => `rhs__${k + 1}`);
  return { lie: lieDerivative(quantityExprs, vars, names), defs: rhsExprs.map((e, k) => [names[k], e]) };
}

export interface LieOptions extends IdentityOptions {
  /** Constant symbols of the flow (data, step sizes): sampled like the state variables. */
  params?: string[];
}

/**
 * Checks that every Lie derivative vanishes identically (identityHolds against '0'). The vector
 * field's components are evaluated once per point (see lieDerivativeShared); `lie` is returned in
 * terms of those components, with their definitions in `defs`.
 */
export function lieDerivativeVanishes(
  quantityExprs: string[],
  vars: string[],
  rhsExprs: string[],
  opts: LieOptions = {},
): IdentitiesResult & { lie: string[]; defs: [string, string][] } {
  const { lie, defs } = lieDerivativeShared(quantityExprs, vars, rhsExprs);
  const allDefs: [string, string][] = [...(opts.defs ?? []), ...defs];
  const all = [...vars, ...(opts.params ?? [])];
  const r = identitiesHold(lie, lie.map(() => '0'), all, { ...opts, defs: allDefs });
  return { ...r, lie, defs: allDefs };
}
