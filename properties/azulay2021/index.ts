// Every claim of this paper's catalog (../shared/claims/azulay2021.md) except the symbolic proofs (proofs/azulay2021).
// Data convention in this folder: X is N×d with rows as samples (the paper's X is d×N).
import type { Claim, FigureSpec } from '../../src/core/claim.js';
import { frameworkClaims } from './framework.js';
import { diagonalClaims } from './diagonal.js';
import { neuronClaims } from './neuron.js';
import { limitClaims } from './limits.js';
import { leakyClaims } from './leaky.js';
import { experimentClaims, experimentFigures } from './experiments.js';

export const claims: Claim[] = [...frameworkClaims, ...diagonalClaims, ...neuronClaims, ...limitClaims, ...leakyClaims, ...experimentClaims];
export const figures: FigureSpec[] = [...experimentFigures];
