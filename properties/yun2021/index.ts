// Every claim of this paper's catalog (../shared/claims/yun2021.md) except the symbolic proofs (proofs/yun2021).
import type { Claim, FigureSpec } from '../../src/core/claim.js';

export const claims: Claim[] = [];
export const figures: FigureSpec[] = [];
