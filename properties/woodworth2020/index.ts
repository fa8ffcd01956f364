// Every claim of this paper's catalog (../shared/claims/woodworth2020.md) except the symbolic proofs (proofs/woodworth2020).
import type { Claim, FigureSpec } from '../../src/core/claim.js';

export const claims: Claim[] = [];
export const figures: FigureSpec[] = [];
