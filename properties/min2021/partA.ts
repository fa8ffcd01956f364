// Min et al. (2021), part A: the dynamics, Theorem 1, Proposition 1, the deterministic identities, Figure 3.
// Topic files: identities.ts (pointwise), dynamics.ts (flows), theorem1.ts, proposition1.ts, fig3.ts.
import type { Claim, FigureSpec } from '../../src/core/claim.js';
import { identityClaims } from './identities.js';
import { theorem1Claims } from './theorem1.js';
import { dynamicsClaims } from './dynamics.js';
import { proposition1Claims } from './proposition1.js';
import { fig3Claims, fig3Figure } from './fig3.js';

export const claims: Claim[] = [...identityClaims, ...theorem1Claims, ...dynamicsClaims, ...proposition1Claims, ...fig3Claims];
export const figures: FigureSpec[] = [fig3Figure];
