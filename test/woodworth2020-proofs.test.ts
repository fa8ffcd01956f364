import { describeClaims } from './helpers/claimSuite.js';
import { proofs } from '../proofs/woodworth2020/index.js';
describeClaims('woodworth2020 symbolic proofs', proofs);
