// Symbolic derivations for min2021 (mathjs; exact where it simplifies, else BigNumber/Fraction points).
import type { Claim } from '../../src/core/claim.js';

export const proofs: Claim[] = [];
