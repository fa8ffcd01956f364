// The registry plus any contributor claim directories, as lookup maps.
import { figureRegistry, registry, assertUniqueIds } from '../../properties/index.js';
import type { Claim } from '../core/claim.js';
import { loadClaimsFrom } from './loadClaims.js';
import type { Catalog } from './tasks.js';

export interface LoadedCatalog extends Catalog {
  ordered: Claim[];
}

export async function loadCatalog(claimsFrom: string[] = []): Promise<LoadedCatalog> {
  const extra: Claim[] = [];
  for (const dir of claimsFrom) extra.push(...(await loadClaimsFrom(dir)));
  const ordered = [...registry, ...extra];
  assertUniqueIds(ordered);
  return {
    ordered,
    claims: new Map(ordered.map((c) => [c.id, c])),
    figures: new Map(figureRegistry.map((f) => [f.id, f])),
  };
}
