// The Hessian-map condition: a smooth matrix field H(w) on a simply connected domain is the
// Hessian ∇²F of some potential F iff H is symmetric and ∂H_ij/∂w_k = ∂H_ik/∂w_j for all i, j, k
// (the third derivatives ∂_k∂_j∂_i F must be symmetric in all three indices; Poincaré's lemma
// applied row by row, then to the resulting gradient field). Azulay et al. 2021 apply this to the
// inverse metric of a reparametrized flow; this check takes whatever field it is given.
import { derivativeExpr } from './derivatives.js';
import { identityHolds, type IdentityOptions } from './identity.js';

export interface HessianMapResult {
  symmetric: boolean;
  integrable: boolean;
  /** Failing integrability equations ∂H_ij/∂w_k = ∂H_ik/∂w_j (j < k), with the relative residual. */
  violations: { i: number; j: number; k: number; residual: number }[];
  /** Failing symmetry equations H_ij = H_ji (i < j). */
  asymmetric: { i: number; j: number; residual: number }[];
  /** Methods used by the identity checks. */
  methods: string[];
}

/**
 * Check the Hessian-map condition for an n×n field of expressions in n variables. Extra constant
 * symbols may be listed in `opts.params` (they are sampled like the variables).
 */
export function hessianMapCondition(matrixExprs: string[][], vars: string[], opts: IdentityOptions & { params?: string[] } = {}): HessianMapResult {
  const n = vars.length;
  if (matrixExprs.length !== n || matrixExprs.some((row) => row.length !== n)) {
    throw new Error(`hessianMapCondition: need an ${n}×${n} field for ${n} variables`);
  }
  const all = [...vars, ...(opts.params ?? [])];
  const methods = new Set<string>();
  const asymmetric: HessianMapResult['asymmetric'] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const r = identityHolds(matrixExprs[i][j], matrixExprs[j][i], all, opts);
      methods.add(r.method);
      if (!r.holds) asymmetric.push({ i, j, residual: r.maxResidual });
    }
  // Derivatives ∂H_ij/∂w_k, computed lazily once each.
  const cache = new Map<string, string>();
  const d = (i: number, j: number, k: number): string => {
    const key = `${i},${j},${k}`;
    let e = cache.get(key);
    if (e === undefined) {
      e = derivativeExpr(matrixExprs[i][j], vars[k], { simplify: false });
      cache.set(key, e);
    }
    return e;
  };
  const violations: HessianMapResult['violations'] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = j + 1; k < n; k++) {
        const r = identityHolds(d(i, j, k), d(i, k, j), all, opts);
        methods.add(r.method);
        if (!r.holds) violations.push({ i, j, k, residual: r.maxResidual });
      }
  return { symmetric: asymmetric.length === 0, integrable: violations.length === 0, violations, asymmetric, methods: [...methods] };
}
