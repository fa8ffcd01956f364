// Composite Gauss–Legendre quadrature on geometrically growing panels: an independent route to
// ∫₀ᶻ f for the closed-form checks (q = ∫ arcsinh(u/2), q_D = ∫ h_D⁻¹).

function gaussLegendre(n: number): { x: number[]; w: number[] } {
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 1; i <= n; i++) {
    let t = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = t;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (t * p1 - p0)) / (t * t - 1);
      const dt = p1 / dp;
      t -= dt;
      if (Math.abs(dt) < 1e-16) break;
    }
    x.push(t);
    w.push(2 / ((1 - t * t) * dp * dp));
  }
  return { x, w };
}
const GL = gaussLegendre(24);

function panel(f: (u: number) => number, a: number, b: number): number {
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  let s = 0;
  for (let k = 0; k < GL.x.length; k++) s += GL.w[k] * f(c + h * GL.x[k]);
  return s * h;
}

/** ∫₀ᶻ f(u) du with panels [0, z₀], [z₀, 2z₀], … (z₀ = min(|z|, 1/8)), each split in 4 sub-panels. */
export function integrate0(f: (u: number) => number, z: number): number {
  if (z === 0) return 0;
  const sg = Math.sign(z);
  const a = Math.abs(z);
  const g = (v: number) => f(sg * v);
  let total = 0;
  let lo = 0;
  let hi = Math.min(a, 0.125);
  while (lo < a) {
    const m = 8;
    for (let j = 0; j < m; j++) total += panel(g, lo + ((hi - lo) * j) / m, lo + ((hi - lo) * (j + 1)) / m);
    lo = hi;
    hi = Math.min(a, hi * 2);
  }
  return sg * total;
}
