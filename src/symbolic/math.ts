// The mathjs instances of the symbolic layer: plain doubles (derivatives, compilation),
// BigNumber (high-precision evaluation; one instance per precision) and Fraction.
import { createRequire } from 'node:module';
import type { MathJsInstance, all as AllFactories, create as CreateFn } from 'mathjs';

// Importing mathjs at all builds its default instance (~1 s of CPU), and the registry is imported
// by every CLI process and worker thread. So mathjs itself is loaded on first use, synchronously
// through require (its CommonJS build), together with the instances below.
const requireCjs = createRequire(import.meta.url);
let mathjsModule: { all: typeof AllFactories; create: typeof CreateFn } | undefined;
function create(factories: 'all', config: object): MathJsInstance {
  void factories;
  mathjsModule ??= requireCjs('mathjs') as { all: typeof AllFactories; create: typeof CreateFn };
  return mathjsModule.create(mathjsModule.all, config);
}
const all = 'all' as const;

/**
 * Creating a full mathjs instance costs ~0.4 s of CPU; the registry is imported by every CLI process
 * and worker, most of which never touch a symbolic claim. So instances are made on first use.
 */
function lazy<T extends object>(make: () => T): T {
  let inst: T | undefined;
  const get = () => (inst ??= make());
  return new Proxy({} as T, {
    get: (_t, p) => {
      const v = Reflect.get(get(), p);
      return typeof v === 'function' ? v.bind(get()) : v;
    },
    has: (_t, p) => Reflect.has(get(), p),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_t, p) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), p);
      return d ? { ...d, configurable: true } : d;
    },
  });
}

/** Doubles: parsing, `derivative`, `simplify`, compilation for float64 checks. */
export const mathNum: MathJsInstance = lazy(() => create(all, {}));

/** Default precision (significant digits) of the BigNumber instance. */
export const BIG_DIGITS = 80;

const bigInstances = new Map<number, MathJsInstance>();

/** A BigNumber instance with the given number of significant digits (≥ 64 by default). */
export function mathBigAt(digits: number = BIG_DIGITS): MathJsInstance {
  const d = Math.max(16, Math.round(digits));
  let inst = bigInstances.get(d);
  if (!inst) {
    inst = lazy(() => create(all, { number: 'BigNumber', precision: d }));
    bigInstances.set(d, inst);
  }
  return inst;
}

/** The default BigNumber instance (80 significant digits). */
export const mathBig: MathJsInstance = lazy(() => mathBigAt(BIG_DIGITS));

/**
 * A Fraction-capable instance (numeric literals parse to exact fractions). Note that fraction.js
 * rejects exponent literals such as "1e-30": the identity checker therefore evaluates rational
 * expressions on its own bigint `Rational` type (rational.ts, exact.ts) rather than here.
 */
export const mathFrac: MathJsInstance = lazy(() => create(all, { number: 'Fraction' }));
