// Small statistics toolkit: exact and approximate binomial confidence intervals, ordinary least
// squares with Student-t confidence intervals, and elementary summaries. No dependencies.
//
// Special functions follow Numerical Recipes (3rd ed.) §6.1–6.4 in spirit: log-gamma by the
// Lanczos approximation, the regularized incomplete beta by Lentz's continued fraction, and the
// quantiles by bisection/Newton on the CDFs (monotone, so bisection always converges).

// ---------------------------------------------------------------- special functions

const LANCZOS_G = 7;
const LANCZOS_C = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (Lanczos, |rel err| ≲ 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // reflection: Γ(x)Γ(1−x) = π / sin(πx)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  x -= 1;
  let a = LANCZOS_C[0];
  const t = x + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS_G + 2; i++) a += LANCZOS_C[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the incomplete beta (modified Lentz). */
function betacf(a: number, b: number, x: number): number {
  const FPMIN = 1e-300;
  const EPS = 1e-15;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b), a, b > 0, x ∈ [0, 1]. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`incompleteBeta: a, b must be > 0 (got ${a}, ${b})`);
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lbt = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const bt = Math.exp(lbt);
  // Use the continued fraction where it converges fast; the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) otherwise.
  if (x < (a + 1) / (a + b + 2)) return (bt * betacf(a, b, x)) / a;
  return 1 - (bt * betacf(b, a, 1 - x)) / b;
}

/** Bisection for an increasing function f on [lo, hi] with f(lo) ≤ target ≤ f(hi). */
function bisect(f: (x: number) => number, target: number, lo: number, hi: number, iters = 200): number {
  for (let i = 0; i < iters; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Quantile of the Beta(a, b) distribution. */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return bisect((x) => incompleteBeta(x, a, b), p, 0, 1);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  // P(X ≤ k) = I_{1−p}(n − k, k + 1)
  return incompleteBeta(1 - p, n - k, k + 1);
}

/** Standard normal CDF Φ(x), through erfc = Q(½, x²) (near machine precision). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Complementary error function. */
export function erfc(x: number): number {
  // erfc(x) = Q(½, x²) for x ≥ 0 (regularized upper incomplete gamma).
  if (x < 0) return 2 - erfc(-x);
  return gammaQ(0.5, x * x);
}

/** Regularized upper incomplete gamma Q(a, x). */
export function gammaQ(a: number, x: number): number {
  return Math.exp(logGammaQ(a, x));
}

/** log Q(a, x) (regularized upper incomplete gamma), accurate far into the tail (no underflow). */
export function logGammaQ(a: number, x: number): number {
  if (x <= 0) return 0;
  const gln = logGamma(a);
  if (x < a + 1) {
    // series for P; Q = 1 − P (not a deep tail here)
    let ap = a;
    let sum = 1 / a;
    let del = sum;
    for (let n = 0; n < 10000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
    }
    return Math.log1p(-sum * Math.exp(-x + a * Math.log(x) - gln));
  }
  // continued fraction for Q (Lentz)
  const FPMIN = 1e-300;
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return -x + a * Math.log(x) - gln + Math.log(h);
}

/** log P(χ²_k ≥ q) = log Q(k/2, q/2). */
export function logChiSquareSurvival(q: number, k: number): number {
  return logGammaQ(k / 2, q / 2);
}

/** Standard normal quantile Φ⁻¹(p) (Acklam's rational approximation refined by two Halley steps). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`normalQuantile: p must be in (0,1), got ${p}`);
  }
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let x: number;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  for (let i = 0; i < 2; i++) {
    const e = normalCdf(x) - p;
    const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    x = x - u / (1 + (x * u) / 2);
  }
  return x;
}

/** CDF of Student's t with ν degrees of freedom. */
export function studentTCdf(t: number, nu: number): number {
  if (!(nu > 0)) throw new RangeError(`studentTCdf: ν must be > 0 (got ${nu})`);
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  const x = nu / (nu + t * t);
  const tail = 0.5 * incompleteBeta(x, nu / 2, 0.5); // P(T > |t|)
  return t >= 0 ? 1 - tail : tail;
}

/** Quantile of Student's t with ν degrees of freedom (bisection on the CDF). */
export function studentTQuantile(p: number, nu: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`studentTQuantile: p must be in (0,1), got ${p}`);
  }
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, nu);
  // P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½) = 1 − p  ⇒  solve for x = ν/(ν+t²) by Beta quantile.
  const x = betaQuantile(2 * (1 - p), nu / 2, 0.5);
  return Math.sqrt((nu * (1 - x)) / x);
}

// ---------------------------------------------------------------- binomial intervals

export interface Interval {
  lo: number;
  hi: number;
}

function checkBinomial(k: number, n: number, conf: number): void {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`n must be a positive integer (got ${n})`);
  if (!(Number.isInteger(k) && k >= 0 && k <= n)) throw new RangeError(`k must be an integer in [0, n] (got ${k})`);
  if (!(conf > 0 && conf < 1)) throw new RangeError(`conf must be in (0, 1) (got ${conf})`);
}

/**
 * Exact (Clopper–Pearson) two-sided interval for a binomial proportion at confidence `conf`:
 * lo = Beta quantile (α/2; k, n−k+1), hi = Beta quantile (1−α/2; k+1, n−k), α = 1 − conf.
 * For a ONE-SIDED bound at level c, call with conf = 2c − 1 and use one end (e.g. the upper end
 * of clopperPearson(k, n, 0.98) is the 99% one-sided upper bound). See `clopperPearsonUpper`.
 */
export function clopperPearson(k: number, n: number, conf = 0.95): Interval {
  checkBinomial(k, n, conf);
  const alpha = 1 - conf;
  const lo = k === 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1);
  const hi = k === n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k);
  return { lo, hi };
}

/** One-sided exact upper confidence bound on p at level `conf`: P_p(X ≤ k) = 1 − conf. */
export function clopperPearsonUpper(k: number, n: number, conf = 0.99): number {
  checkBinomial(k, n, conf);
  return k === n ? 1 : betaQuantile(conf, k + 1, n - k);
}

/** One-sided exact lower confidence bound on p at level `conf`. */
export function clopperPearsonLower(k: number, n: number, conf = 0.99): number {
  checkBinomial(k, n, conf);
  return k === 0 ? 0 : betaQuantile(1 - conf, k, n - k + 1);
}

/** Wilson score interval (two-sided, confidence `conf`). */
export function wilson(k: number, n: number, conf = 0.95): Interval {
  checkBinomial(k, n, conf);
  const z = normalQuantile(1 - (1 - conf) / 2);
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

// ---------------------------------------------------------------- summaries

export function mean(x: ArrayLike<number>): number {
  if (x.length === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** Sample standard deviation (n − 1 denominator). */
export function sd(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i] - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

/** Quantile with linear interpolation between order statistics (type 7, R's default). */
export function quantile(x: ArrayLike<number>, q: number): number {
  const n = x.length;
  if (n === 0) return Number.NaN;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be in [0,1] (got ${q})`);
  const s = Array.from(x).sort((a, b) => a - b);
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

export const median = (x: ArrayLike<number>): number => quantile(x, 0.5);

// ---------------------------------------------------------------- regression

export interface LineFit {
  slope: number;
  intercept: number;
  /**
   * Two-sided confidence interval of the slope (t with n − 2 degrees of freedom) at the level `conf`
   * passed to fitLine/fitLogLog — 95% by default, hence the name. NaN when n < 3.
   */
  slopeCI95: [number, number];
  /** Standard error of the slope. */
  slopeSE: number;
  r2: number;
  n: number;
}

/** Ordinary least squares y ≈ intercept + slope·x with a 95% t-interval for the slope (needs n ≥ 3). */
export function fitLine(x: ArrayLike<number>, y: ArrayLike<number>, conf = 0.95): LineFit {
  const n = x.length;
  if (n !== y.length) throw new RangeError(`fitLine: x and y lengths differ (${n} vs ${y.length})`);
  if (n < 2) throw new RangeError('fitLine: need at least 2 points');
  const mx = mean(x);
  const my = mean(y);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (!(sxx > 0)) throw new RangeError('fitLine: x values are all equal');
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - intercept - slope * x[i]) ** 2;
  const r2 = syy > 0 ? 1 - sse / syy : 1;
  let slopeSE = Number.NaN;
  let ci: [number, number] = [Number.NaN, Number.NaN];
  if (n >= 3) {
    slopeSE = Math.sqrt(sse / (n - 2) / sxx);
    const tq = studentTQuantile(1 - (1 - conf) / 2, n - 2);
    ci = [slope - tq * slopeSE, slope + tq * slopeSE];
  }
  return { slope, intercept, slopeCI95: ci, slopeSE, r2, n };
}

/** OLS on (log x, log y): the exponent of a power law y ≈ C x^slope. All values must be positive. */
export function fitLogLog(x: ArrayLike<number>, y: ArrayLike<number>, conf = 0.95): LineFit {
  const lx: number[] = [];
  const ly: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (!(x[i] > 0 && y[i] > 0)) throw new RangeError(`fitLogLog: non-positive value at ${i} (x=${x[i]}, y=${y[i]})`);
    lx.push(Math.log(x[i]));
    ly.push(Math.log(y[i]));
  }
  return fitLine(lx, ly, conf);
}
