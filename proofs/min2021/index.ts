// Symbolic proofs for Min et al. 2021: mathjs derivatives and exact (Schwartz–Zippel) or
// BigNumber identity checks of the paper's algebraic steps. Ids are catalog ids + '-SYM'
// ('-SYM-LITERAL' for a printed step that is wrong, expected refuted).
import type { Claim } from '../../src/core/claim.js';
import { errorProofs } from './error.js';
import { gradientProofs } from './gradient.js';
import { imbalanceProofs } from './imbalance.js';
import { lemmaProofs } from './lemmas.js';

export const proofs: Claim[] = [...gradientProofs, ...imbalanceProofs, ...errorProofs, ...lemmaProofs];
