// Part B of Min et al. (2021): the appendix lemmas (B.1–B.4, E.1), Lemma 1 and the steps of its proof,
// Theorem 2, its width threshold and rate, and Figure 4.
import type { Claim, FigureSpec } from '../../src/core/claim.js';
import * as lemmas from './b-lemmas.js';
import * as lemma1 from './b-lemma1.js';
import * as theorem2 from './b-theorem2.js';

export const claims: Claim[] = [...lemmas.claims, ...lemma1.claims, ...theorem2.claims];
export const figures: FigureSpec[] = [...theorem2.figures];
