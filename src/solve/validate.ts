// Validation of a parsed case: every problem becomes a CaseError naming the field (a JSON path such
// as `init.W[2][0]` or `data.X`) and saying what is wrong, so the CLI can print one clear line and
// exit 2. The checks go from syntax to substance: known keys, types, finiteness, shapes, then the
// properties of the data every implicit-bias claim in the suite needs (n < d, full row rank of X).
// Hypotheses of individual theorems (e.g. an unbiased initialization) are not checked here: they
// decide whether a claim applies, in the model adapters (src/solve/*.ts).
import { Matrix, SVD } from 'ml-matrix';
import {
  CaseError,
  FAMILIES,
  LOSS_SCALINGS,
  type Case,
  type CaseCommon,
  type Family,
  type IntegratorSpec,
  type Mat,
  type TensorNetwork,
  type Vec,
} from './types.js';
import type { FlowMethod } from '../flow/types.js';

type Obj = Record<string, unknown>;

const describe = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 30 ? v.slice(0, 30) + '…' : v)}`;
  return `a ${typeof v}`;
};

function obj(v: unknown, path: string): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new CaseError(path, `expected an object, got ${describe(v)}`);
  return v as Obj;
}

function onlyKeys(o: Obj, path: string, allowed: string[]): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) {
      const near = allowed.find((a) => a.toLowerCase() === k.toLowerCase());
      const hint = near ? ` (did you mean "${near}"?)` : ` (allowed: ${allowed.join(', ')})`;
      throw new CaseError(path ? `${path}.${k}` : k, `unknown field${hint}`);
    }
  }
}

function required(o: Obj, key: string, path: string): unknown {
  if (!(key in o) || o[key] === undefined) throw new CaseError(path ? `${path}.${key}` : key, 'is required but missing');
  return o[key];
}

function finite(v: unknown, path: string): number {
  if (typeof v !== 'number') throw new CaseError(path, `expected a number, got ${describe(v)}`);
  if (Number.isNaN(v)) throw new CaseError(path, 'NaN is not a finite number');
  if (!Number.isFinite(v)) throw new CaseError(path, `${v} is not a finite number (an overflowing literal such as 1e400 reads as Infinity)`);
  return v;
}

function positive(v: unknown, path: string): number {
  const x = finite(v, path);
  if (!(x > 0)) throw new CaseError(path, `must be > 0, got ${x}`);
  return x;
}

function integer(v: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const x = finite(v, path);
  if (!Number.isInteger(x)) throw new CaseError(path, `must be an integer, got ${x}`);
  if (x < min || x > max) throw new CaseError(path, `must be an integer in [${min}, ${max}], got ${x}`);
  return x;
}

function vec(v: unknown, path: string, len?: number, why?: string): Vec {
  if (!Array.isArray(v)) throw new CaseError(path, `expected an array of numbers, got ${describe(v)}`);
  if (v.length === 0) throw new CaseError(path, 'is empty');
  if (len !== undefined && v.length !== len) throw new CaseError(path, `has ${v.length} entries, expected ${len}${why ? ` (${why})` : ''}`);
  return v.map((x, i) => finite(x, `${path}[${i}]`));
}

function mat(v: unknown, path: string, rows?: number, cols?: number, rowsWhy?: string, colsWhy?: string): Mat {
  if (!Array.isArray(v)) throw new CaseError(path, `expected a matrix (an array of rows), got ${describe(v)}`);
  if (v.length === 0) throw new CaseError(path, 'is empty');
  if (rows !== undefined && v.length !== rows) throw new CaseError(path, `has ${v.length} rows, expected ${rows}${rowsWhy ? ` (${rowsWhy})` : ''}`);
  const first = v[0];
  if (!Array.isArray(first)) throw new CaseError(`${path}[0]`, `expected a row (an array of numbers), got ${describe(first)}`);
  const c = cols ?? first.length;
  return v.map((row, i) => {
    if (!Array.isArray(row)) throw new CaseError(`${path}[${i}]`, `expected a row (an array of numbers), got ${describe(row)}`);
    if (row.length !== c) {
      const expect = cols !== undefined ? `${c}${colsWhy ? ` (${colsWhy})` : ''}` : `${c} like row 0`;
      throw new CaseError(`${path}[${i}]`, `has ${row.length} entries, expected ${expect}`);
    }
    return row.map((x, j) => finite(x, `${path}[${i}][${j}]`));
  });
}

function optionalString(o: Obj, key: string): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new CaseError(key, `expected a string, got ${describe(v)}`);
  return v;
}

const METHODS: FlowMethod[] = ['dopri5', 'gauss2', 'rk4', 'euler'];

export const INTEGRATOR_DEFAULTS: IntegratorSpec = {
  method: 'dopri5',
  // rtol 1e-11 (one decade tighter than the catalogs' 1e-10) keeps the integrator's accuracy floor on
  // the residual, ≈ rtol·‖X‖‖θ‖², an order of magnitude below the convergence threshold below.
  rtol: 1e-11,
  atol: 1e-13,
  maxTime: 1e5,
  wallSeconds: 60,
  maxSteps: 2_000_000,
  // Woodworth catalog S8 INCONCLUSIVE policy 1: converged when ‖res‖ ≤ 1e-9(1 + ‖y‖). 
  residualTol: 1e-9,
};

function integratorSpec(v: unknown): IntegratorSpec {
  const spec: IntegratorSpec = { ...INTEGRATOR_DEFAULTS };
  if (v === undefined) return spec;
  const o = obj(v, 'integrator');
  onlyKeys(o, 'integrator', ['method', 'rtol', 'atol', 'maxTime', 'wallSeconds', 'maxSteps', 'residualTol', 'h']);
  if (o.method !== undefined) {
    if (typeof o.method !== 'string' || !METHODS.includes(o.method as FlowMethod)) {
      throw new CaseError('integrator.method', `unknown method ${describe(o.method)} (one of ${METHODS.join(', ')})`);
    }
    spec.method = o.method as FlowMethod;
  }
  if (o.rtol !== undefined) spec.rtol = positive(o.rtol, 'integrator.rtol');
  if (o.atol !== undefined) spec.atol = positive(o.atol, 'integrator.atol');
  if (o.maxTime !== undefined) spec.maxTime = positive(o.maxTime, 'integrator.maxTime');
  if (o.wallSeconds !== undefined) spec.wallSeconds = positive(o.wallSeconds, 'integrator.wallSeconds');
  if (o.maxSteps !== undefined) spec.maxSteps = integer(o.maxSteps, 'integrator.maxSteps', 1);
  if (o.residualTol !== undefined) spec.residualTol = positive(o.residualTol, 'integrator.residualTol');
  if (o.h !== undefined) spec.h = positive(o.h, 'integrator.h');
  if (spec.rtol >= 1) throw new CaseError('integrator.rtol', `must be < 1, got ${spec.rtol}`);
  if ((spec.method === 'rk4' || spec.method === 'euler') && spec.h === undefined) {
    throw new CaseError('integrator.h', `method '${spec.method}' takes a fixed step: give integrator.h`);
  }
  return spec;
}

/** Numerical rank of a matrix (singular values above rankTol·σ₁). */
export function numericalRankOf(M: Mat, rankTol: number): number {
  const svd = new SVD(new Matrix(M), { computeLeftSingularVectors: false, computeRightSingularVectors: false, autoTranspose: true });
  const s = svd.diagonal;
  const smax = s.length ? Math.max(...s) : 0;
  if (smax === 0) return 0;
  return s.filter((x) => x > rankTol * smax).length;
}

/** The data checks every claim of a regression family needs: n < d and X of full row rank. */
function checkUnderdetermined(X: Mat, rankTol: number, field: string, allowRankDeficient: boolean): void {
  const n = X.length;
  const d = X[0].length;
  if (n >= d) {
    throw new CaseError(field, `has n = ${n} samples (rows) and d = ${d} features: the implicit-bias claims need an underdetermined problem, n < d`);
  }
  const r = numericalRankOf(X, rankTol);
  if (r === 0) throw new CaseError(field, 'is zero: there is nothing to fit');
  if (r < n && !allowRankDeficient) {
    throw new CaseError(field, `is rank-deficient (numerical rank ${r} < n = ${n} rows at relative tolerance ${rankTol}): the claims for this model need X of full row rank`);
  }
}

const COMMON_KEYS = ['$schema', 'name', 'description', 'comment', 'model', 'data', 'init', 'loss', 'integrator', 'claims', 'hyper'];

function common(o: Obj): CaseCommon {
  const lossRaw = required(o, 'loss', '');
  if (typeof lossRaw !== 'string' || !(LOSS_SCALINGS as readonly string[]).includes(lossRaw)) {
    throw new CaseError('loss', `unknown loss scaling ${describe(lossRaw)} (one of ${LOSS_SCALINGS.join(', ')}: Σr², ½Σr², (1/2n)Σr²)`);
  }
  let claims: string[] | undefined;
  if (o.claims !== undefined) {
    if (!Array.isArray(o.claims)) throw new CaseError('claims', `expected an array of claim ids, got ${describe(o.claims)}`);
    claims = o.claims.map((c, i) => {
      if (typeof c !== 'string' || c.length === 0) throw new CaseError(`claims[${i}]`, `expected a claim id string, got ${describe(c)}`);
      return c;
    });
  }
  const hyper = { rankTol: 1e-10 };
  if (o.hyper !== undefined) {
    const h = obj(o.hyper, 'hyper');
    onlyKeys(h, 'hyper', ['rankTol']);
    if (h.rankTol !== undefined) hyper.rankTol = positive(h.rankTol, 'hyper.rankTol');
    if (hyper.rankTol >= 1) throw new CaseError('hyper.rankTol', `must be < 1, got ${hyper.rankTol}`);
  }
  return {
    name: optionalString(o, 'name'),
    description: optionalString(o, 'description'),
    loss: lossRaw as CaseCommon['loss'],
    integrator: integratorSpec(o.integrator),
    claims,
    hyper,
  };
}

function regressionData(o: Obj, rankTol: number): { X: Mat; y: Vec } {
  const data = obj(required(o, 'data', ''), 'data');
  onlyKeys(data, 'data', ['X', 'y']);
  const X = mat(required(data, 'X', 'data'), 'data.X');
  const y = vec(required(data, 'y', 'data'), 'data.y', X.length, 'one label per row of data.X');
  checkUnderdetermined(X, rankTol, 'data.X', false);
  if (y.every((v) => v === 0)) throw new CaseError('data.y', 'is all zeros: the zero predictor already interpolates, so no claim has anything to predict');
  return { X, y };
}

/** Validate a parsed JSON value as a case. Throws CaseError on the first problem. */
export function validateCase(raw: unknown): Case {
  const o = obj(raw, '(top level)');
  const modelRaw = required(o, 'model', '');
  const m = typeof modelRaw === 'string' ? { family: modelRaw } : obj(modelRaw, 'model');
  const familyRaw = required(m as Obj, 'family', 'model');
  if (typeof familyRaw !== 'string' || !(FAMILIES as readonly string[]).includes(familyRaw)) {
    const field = typeof modelRaw === 'string' ? 'model' : 'model.family';
    throw new CaseError(field, `unknown model ${describe(familyRaw)} (one of ${FAMILIES.join(', ')})`);
  }
  const family = familyRaw as Family;
  onlyKeys(o, '', COMMON_KEYS);
  const c = common(o);
  const initO = obj(required(o, 'init', ''), 'init');

  switch (family) {
    case 'diagonal-shared': {
      onlyKeys(m as Obj, 'model', ['family', 'depth']);
      const depth = (m as Obj).depth === undefined ? 2 : integer((m as Obj).depth, 'model.depth', 2, 50);
      const { X, y } = regressionData(o, c.hyper.rankTol);
      const d = X[0].length;
      onlyKeys(initO, 'init', ['wPlus', 'wMinus']);
      const wPlus = vec(required(initO, 'wPlus', 'init'), 'init.wPlus', d, 'one per column of data.X');
      const wMinus = vec(required(initO, 'wMinus', 'init'), 'init.wMinus', d, 'one per column of data.X');
      return { ...c, model: { family, depth }, data: { X, y }, init: { wPlus, wMinus } };
    }
    case 'diagonal-untied': {
      onlyKeys(m as Obj, 'model', ['family']);
      const { X, y } = regressionData(o, c.hyper.rankTol);
      const d = X[0].length;
      onlyKeys(initO, 'init', ['uPlus', 'vPlus', 'uMinus', 'vMinus']);
      const get = (k: string): Vec => vec(required(initO, k, 'init'), `init.${k}`, d, 'one per column of data.X');
      return { ...c, model: { family }, data: { X, y }, init: { uPlus: get('uPlus'), vPlus: get('vPlus'), uMinus: get('uMinus'), vMinus: get('vMinus') } };
    }
    case 'fully-connected': {
      onlyKeys(m as Obj, 'model', ['family', 'width']);
      const { X, y } = regressionData(o, c.hyper.rankTol);
      const d = X[0].length;
      onlyKeys(initO, 'init', ['a', 'W']);
      const width = (m as Obj).width === undefined ? undefined : integer((m as Obj).width, 'model.width', 1, 10_000);
      const a = vec(required(initO, 'a', 'init'), 'init.a', width, 'one per neuron, model.width');
      const W = mat(required(initO, 'W', 'init'), 'init.W', d, a.length, 'W is d×m: one row per column of data.X', 'one per neuron: the length of init.a');
      return { ...c, model: { family, width: a.length }, data: { X, y }, init: { a, W } };
    }
    case 'factorization': {
      onlyKeys(m as Obj, 'model', ['family', 'width']);
      const data = obj(required(o, 'data', ''), 'data');
      onlyKeys(data, 'data', ['X', 'Y']);
      const X = mat(required(data, 'X', 'data'), 'data.X');
      const Y = mat(required(data, 'Y', 'data'), 'data.Y', X.length, undefined, 'one per row of data.X');
      // Min et al. allow rank(X) = r < n (then L* > 0); only D > n is required (§2, L:62).
      checkUnderdetermined(X, c.hyper.rankTol, 'data.X', true);
      const D = X[0].length;
      const mOut = Y[0].length;
      onlyKeys(initO, 'init', ['U', 'V']);
      const width = (m as Obj).width === undefined ? undefined : integer((m as Obj).width, 'model.width', 1, 10_000);
      const U = mat(required(initO, 'U', 'init'), 'init.U', D, width, 'U is D×h: one row per column of data.X', 'the hidden width h');
      const h = U[0].length;
      const V = mat(required(initO, 'V', 'init'), 'init.V', mOut, h, 'V is m×h: one row per column of data.Y', `the hidden width h = ${h}, as in init.U`);
      if (Y.every((r) => r.every((v) => v === 0))) throw new CaseError('data.Y', 'is all zeros: nothing to fit');
      return { ...c, model: { family, width: h }, data: { X, Y }, init: { U, V } };
    }
    case 'tensor': {
      onlyKeys(m as Obj, 'model', ['family', 'network', 'depth', 'filterSizes', 'widths']);
      const mo = m as Obj;
      const network = required(mo, 'network', 'model');
      if (network !== 'diagonal' && network !== 'conv' && network !== 'fc') {
        throw new CaseError('model.network', `unknown tensor network ${describe(network)} (one of diagonal, conv, fc)`);
      }
      const L = integer(required(mo, 'depth', 'model'), 'model.depth', 2, 20);
      const { X, y } = regressionData(o, c.hyper.rankTol);
      const d = X[0].length;
      let sizes: number[]; // k_1..k_L
      let filterSizes: number[] | undefined;
      let widths: number[] | undefined;
      if (network === 'diagonal') {
        if (mo.filterSizes !== undefined) throw new CaseError('model.filterSizes', "only for network 'conv'");
        if (mo.widths !== undefined) throw new CaseError('model.widths', "only for network 'fc'");
        sizes = Array(L).fill(d);
      } else if (network === 'conv') {
        if (mo.widths !== undefined) throw new CaseError('model.widths', "only for network 'fc'");
        filterSizes = mo.filterSizes === undefined ? Array(L - 1).fill(d) : vec(mo.filterSizes, 'model.filterSizes', L - 1, 'filter sizes k_1..k_{L−1}; k_L = d');
        filterSizes.forEach((k, i) => integer(k, `model.filterSizes[${i}]`, 1, d));
        sizes = [...filterSizes, d];
      } else {
        if (mo.filterSizes !== undefined) throw new CaseError('model.filterSizes', "only for network 'conv'");
        widths = vec(required(mo, 'widths', 'model'), 'model.widths', L - 1, 'widths d_2..d_L; d_1 = d');
        widths.forEach((k, i) => integer(k, `model.widths[${i}]`, 1, 1000));
        const dl = [d, ...widths];
        sizes = [];
        for (let l = 0; l < L - 1; l++) sizes.push(dl[l] * dl[l + 1]);
        sizes.push(dl[L - 1]);
      }
      onlyKeys(initO, 'init', ['v']);
      const vRaw = required(initO, 'v', 'init');
      if (!Array.isArray(vRaw)) throw new CaseError('init.v', `expected an array of ${L} layer vectors, got ${describe(vRaw)}`);
      if (vRaw.length !== L) throw new CaseError('init.v', `has ${vRaw.length} layers, expected model.depth = ${L}`);
      const v = vRaw.map((vl, l) => {
        const path = `init.v[${l}]`;
        // fc layers may be given as matrices W_l (d_l × d_{l+1}); they are vectorized column-major.
        if (network === 'fc' && l < L - 1 && Array.isArray(vl) && Array.isArray(vl[0])) {
          const dl = [d, ...(widths as number[])];
          const W = mat(vl, path, dl[l], dl[l + 1], `W_${l + 1} is d_${l + 1}×d_${l + 2}`, `d_${l + 2}`);
          const out: number[] = [];
          for (let j = 0; j < dl[l + 1]; j++) for (let i = 0; i < dl[l]; i++) out.push(W[i][j]);
          return out;
        }
        return vec(vl, path, sizes[l], `layer ${l + 1} has k_${l + 1} = ${sizes[l]} parameters`);
      });
      return { ...c, model: { family, network: network as TensorNetwork, depth: L, filterSizes, widths }, data: { X, y }, init: { v } };
    }
  }
}
