// Loads contributors' claim files from a directory outside the repository (`verify --claims-from DIR`).
import type { Claim } from '../core/claim.js';

export async function loadClaimsFrom(_dir: string): Promise<Claim[]> {
  throw new Error('--claims-from is not implemented yet');
}
