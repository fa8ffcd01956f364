// Every claim of this paper's catalog (../shared/claims/woodworth2020.md) except the symbolic proofs (proofs/woodworth2020).
import type { Claim, FigureSpec } from '../../src/core/claim.js';
import { regularizerClaims } from './regularizers.js';
import { diagonalClaims } from './diagonal.js';
import { matrixClaims } from './matrix.js';
import { figureClaims, figureSpecs } from './figures.js';

export const claims: Claim[] = [...regularizerClaims, ...diagonalClaims, ...matrixClaims, ...figureClaims];
export const figures: FigureSpec[] = figureSpecs;
