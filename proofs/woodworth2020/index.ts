// Symbolic derivations for woodworth2020 (mathjs; exact where it simplifies, else BigNumber/Fraction points).
import type { Claim } from '../../src/core/claim.js';

export const proofs: Claim[] = [];
