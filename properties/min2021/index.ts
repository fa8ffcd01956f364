// Every claim of ../shared/claims/min2021.md except the symbolic proofs (proofs/min2021).
// partA: the dynamics, Theorem 1, Proposition 1 and the deterministic identities, Figure 3.
// partB: the appendix lemmas, Lemma 1, Theorem 2 and its rate, Figure 4.
import type { Claim, FigureSpec } from '../../src/core/claim.js';
import * as partA from './partA.js';
import * as partB from './partB.js';

export const claims: Claim[] = [...partA.claims, ...partB.claims];
export const figures: FigureSpec[] = [...partA.figures, ...partB.figures];
