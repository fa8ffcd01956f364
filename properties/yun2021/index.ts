// Every claim of this paper's catalog (../shared/claims/yun2021.md) except the symbolic proofs (proofs/yun2021).
import type { Claim, FigureSpec } from '../../src/core/claim.js';
import { claims as tensorClaims } from './tensors.js';
import { claims as regressionClaims } from './regression.js';
import { claims as classificationClaims } from './classification.js';
import { claims as toyClaims, figures as toyFigures } from './toy.js';

export const claims: Claim[] = [...tensorClaims, ...regressionClaims, ...classificationClaims, ...toyClaims];
export const figures: FigureSpec[] = [...toyFigures];
export { reconstructions } from './reconstructions.js';
