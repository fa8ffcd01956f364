// Seeds: every claim's run is derived from the global seed and the claim id, so a claim's result
// does not depend on which other claims ran, in what order, or on which shard.

/** FNV-1a 32-bit hash of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The seed a claim runs with, given the global seed. Fits fast-check's 32-bit seed. */
export function claimSeed(globalSeed: number, claimId: string): number {
  return (hashString(`${globalSeed >>> 0}:${claimId}`) ^ Math.imul(globalSeed | 0, 0x9e3779b1)) | 0;
}
