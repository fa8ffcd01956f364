import { describeClaims } from './helpers/claimSuite.js';
import { matrixClaims } from '../properties/woodworth2020/matrix.js';
describeClaims('woodworth2020 matrix factorization', matrixClaims);
