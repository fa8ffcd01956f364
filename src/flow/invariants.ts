// Invariant drift measured per component, for claims that need it stricter than the contract's
// FlowSolution.invariantDrift (which is relative to max(1, ‖I(θ₀)‖∞)).
import type { FlowModel } from './types.js';

/**
 * max over the given states θ and components i of |I_i(θ) − I_i(θ₀)| / |I_i(θ₀)|, with θ₀ = thetas[0]
 * (a component with I_i(θ₀) = 0 counts relative to the smallest positive double, so any change there
 * is infinite drift). 0 if the model has no invariants. Pass a solution's recorded trajectory
 * (`sol.thetas`, which always holds θ₀ first and the final state last).
 */
export function componentwiseInvariantDrift(model: FlowModel, thetas: readonly Float64Array[]): number {
  if (!model.invariants || thetas.length === 0) return 0;
  const I0 = model.invariants(thetas[0]);
  let drift = 0;
  for (let k = 1; k < thetas.length; k++) {
    const I = model.invariants(thetas[k]);
    for (let i = 0; i < I.length; i++) {
      const r = Math.abs(I[i] - I0[i]) / Math.max(Number.MIN_VALUE, Math.abs(I0[i]));
      if (r > drift || r !== r) drift = r;
    }
  }
  return drift;
}
