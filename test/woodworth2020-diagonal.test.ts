import { describeClaims } from './helpers/claimSuite.js';
import { diagonalClaims } from '../properties/woodworth2020/diagonal.js';
describeClaims('woodworth2020 diagonal models', diagonalClaims);
