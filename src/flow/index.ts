// Public API of the flow layer.
export type { FlowModel, FlowOptions, FlowSolution, FlowStats, FlowStatus, FlowMethod, GDOptions } from './types.js';
export { integrateFlow, makeRhs } from './integrate.js';
export type { Rhs, Stepper } from './integrate.js';
export { integrateOde } from './ode.js';
export type { OdeOptions, OdeResult, OdeStatus, OdeRhs, ErrorNorm } from './ode.js';
export { makeDopri5Core } from './dopri5.js';
export type { Dopri5Core, Dopri5Options } from './dopri5.js';
export { componentwiseInvariantDrift } from './invariants.js';
export { gradientDescent, checkGradientFD, checkGradientFDDetail } from './gd.js';
export type { GradientCheck } from './gd.js';
