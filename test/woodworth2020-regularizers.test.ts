import { describeClaims } from './helpers/claimSuite.js';
import { regularizerClaims } from '../properties/woodworth2020/regularizers.js';
describeClaims('woodworth2020 regularizers', regularizerClaims);
