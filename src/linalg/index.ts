// Public API of the linear-algebra layer (see brief): Float64Array kernels and ml-matrix bridges.
export { dot, norm2, normInf, axpy, scale, sub, add, dist2, copy, allFinite } from './kernels.js';
export { toFlat, fromFlat, frob, spectralNorm, diagMatrix, columnsOf, maxAbsDiff, orthonormalityError } from './matrix.js';
export { qrFull, orthogonalComplement } from './qr.js';
export type { FullQR } from './qr.js';
export { svdFull, singularValues, numericalRank, rowSpaceBasis, nullSpaceBasis, pinv } from './svd.js';
export type { FullSVD } from './svd.js';
export { symEig, symApply, symSqrt, symPow, projectorOnto } from './eig.js';
export type { SymEig } from './eig.js';
export { gaussianMatrix, randomOrthogonal, randomOrthonormalColumns, dataWithSpectrum } from './random.js';
export type { SpectralData } from './random.js';
export { dftMatrix, dftReal, circularConvolve } from './dft.js';
export type { ComplexMatrix } from './dft.js';
