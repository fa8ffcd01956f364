import type { Claim, FigureSpec } from '../../src/core/claim.js';

export const claims: Claim[] = [];
export const figures: FigureSpec[] = [];
