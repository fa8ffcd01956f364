// Public API of the flow layer.
export type { FlowModel, FlowOptions, FlowSolution, FlowStats, FlowStatus, FlowMethod, GDOptions } from './types.js';
export { integrateFlow, makeRhs } from './integrate.js';
export type { Rhs, Stepper } from './integrate.js';
export { gradientDescent, checkGradientFD, checkGradientFDDetail } from './gd.js';
export type { GradientCheck } from './gd.js';
