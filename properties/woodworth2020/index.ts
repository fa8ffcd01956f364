// Every claim of this paper's catalog (../shared/claims/woodworth2020.md) except the symbolic proofs (proofs/woodworth2020).
import type { Claim, FigureSpec, ReportNote } from '../../src/core/claim.js';
import { regularizerClaims } from './regularizers.js';
import { diagonalClaims } from './diagonal.js';
import { matrixClaims } from './matrix.js';
import { figureClaims, figureSpecs } from './figures.js';

export const claims: Claim[] = [...regularizerClaims, ...diagonalClaims, ...matrixClaims, ...figureClaims];
export const figures: FigureSpec[] = figureSpecs;

/** What the report says about the experiments the suite does not reproduce. */
export const notes: ReportNote[] = [
  {
    paper: 'woodworth2020',
    title: 'Woodworth et al. (2020): experiments out of scope',
    markdown:
      'The MNIST and CIFAR-10 experiments (Figure 6 c/d, Figure 8) and the width-10000 ReLU network of Figure 7 are not ' +
      'reproduced: they need data sets this suite does not ship and hours of training. WOO-F7 and WOO-F8 check linear ' +
      'in-scope analogues of their statements instead, and WOO-APPA checks the α^D output scaling used as the x-axis of Figure 6; ' +
      'Figure 6 a/b is reproduced on the synthetic 2-D data with small ReLU networks (WOO-F6).',
  },
];
