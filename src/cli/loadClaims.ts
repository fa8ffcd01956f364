// Loads contributors' claim files from a directory, possibly outside the repository
// (`biascheck verify --claims-from DIR`), so a researcher can check a new conjecture without forking.
//
// Every .ts / .mts / .js / .mjs file directly in DIR (sorted by name; files starting with '_' or '.'
// and *.d.ts / *.test.* files are skipped) is imported with a dynamic import(). The CLI runs under tsx,
// so TypeScript files load as they are. A file contributes claims through any of:
//   - an exported array `claims` (the convention of properties/<paper>/index.ts);
//   - any exported value that is a Claim, or an array of Claims;
//   - a default-exported factory `(api) => Claim[] | Claim`, called with { fc, defineClaim, pass, fail,
//     inconclusive, within, all, Rng }. A file outside the repository cannot resolve the bare import
//     'fast-check' (there is no node_modules beside it); the factory hands it everything it needs.
// Problems (missing directory, a file that fails to load, a malformed claim, a duplicated id) throw a
// ClaimLoadError with a one-line message naming the file and the field.
import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { all, defineClaim, fail, inconclusive, pass, within, type Claim } from '../core/claim.js';
import { Rng } from '../random/rng.js';
import { UsageError } from './args.js';

/** A UsageError, so the CLI prints it as one line and exits 2 (bad input), like any other usage problem. */
export class ClaimLoadError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'ClaimLoadError';
  }
}

/** What a factory-style claim file receives. */
export const claimApi = { fc, defineClaim, pass, fail, inconclusive, within, all, Rng };
export type ClaimApi = typeof claimApi;

const EXT = /\.(ts|mts|js|mjs)$/;

function isArbitrary(a: unknown): boolean {
  return !!a && typeof a === 'object' && typeof (a as { generate?: unknown }).generate === 'function' && typeof (a as { shrink?: unknown }).shrink === 'function';
}

/** Does this value try to be a claim (has an id and a check)? Such values are validated strictly. */
function looksLikeClaim(v: unknown): boolean {
  return !!v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { id?: unknown }).id === 'string' && 'check' in (v as object);
}

/** Returns the problem with a claim-like value, or null if it is a well-formed Claim. */
export function claimProblem(v: unknown): string | null {
  if (!v || typeof v !== 'object') return 'is not an object';
  const c = v as Record<string, unknown>;
  if (typeof c.id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(c.id)) return 'id: expected a non-empty id of letters, digits and - _ . :';
  if (typeof c.title !== 'string' || !c.title) return 'title: expected a non-empty string';
  if (typeof c.statement !== 'string' || !c.statement) return 'statement: expected a non-empty string';
  if (c.expected !== 'holds' && c.expected !== 'refuted') return `expected: must be 'holds' or 'refuted', got ${JSON.stringify(c.expected)}`;
  if (c.expected === 'refuted' && (typeof c.erratum !== 'string' || !c.erratum)) return "erratum: a claim expected 'refuted' needs erratum text";
  if (!isArbitrary(c.arbitrary)) return 'arbitrary: expected a fast-check Arbitrary (e.g. fc.record({...}))';
  if (typeof c.check !== 'function') return 'check: expected a function (instance, ctx) => Outcome';
  if (!Array.isArray(c.falsifiers) || c.falsifiers.length === 0) return 'falsifiers: expected at least one falsifier (a check that cannot fail is a defect)';
  for (let k = 0; k < c.falsifiers.length; k++) {
    const f = c.falsifiers[k] as Record<string, unknown> | null;
    if (!f || typeof f !== 'object') return `falsifiers[${k}]: expected an object`;
    if (typeof f.name !== 'string' || !f.name) return `falsifiers[${k}].name: expected a non-empty string`;
    if (typeof f.description !== 'string') return `falsifiers[${k}].description: expected a string`;
    if (typeof f.check !== 'function') return `falsifiers[${k}].check: expected a function`;
    if (f.arbitrary !== undefined && !isArbitrary(f.arbitrary)) return `falsifiers[${k}].arbitrary: expected a fast-check Arbitrary`;
  }
  if (c.paper !== undefined && typeof c.paper !== 'string') return 'paper: expected a string';
  return null;
}

function collect(value: unknown, file: string, where: string, out: Claim[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (looksLikeClaim(v) || where === 'claims') collect(v, file, `${where}[${i}]`, out);
    });
    return;
  }
  if (!looksLikeClaim(value)) {
    if (where.startsWith('claims')) throw new ClaimLoadError(`${file}: export ${where} is not a claim (needs at least id and check)`);
    return;
  }
  const problem = claimProblem(value);
  const id = (value as { id: string }).id;
  if (problem) throw new ClaimLoadError(`${file}: claim ${JSON.stringify(id)} (export ${where}): ${problem}`);
  const claim = value as Claim;
  if (claim.paper === undefined) (claim as { paper: string }).paper = 'external';
  if (!out.includes(claim)) out.push(claim);
}

export async function loadClaimsFrom(dir: string): Promise<Claim[]> {
  const abs = resolve(dir);
  let st;
  try {
    st = statSync(abs);
  } catch {
    throw new ClaimLoadError(`--claims-from ${dir}: no such directory`);
  }
  if (!st.isDirectory()) throw new ClaimLoadError(`--claims-from ${dir}: not a directory`);
  const files = readdirSync(abs)
    .filter((f) => EXT.test(f) && !f.endsWith('.d.ts') && !/\.test\./.test(f) && !f.startsWith('_') && !f.startsWith('.'))
    .sort();
  if (files.length === 0) throw new ClaimLoadError(`--claims-from ${dir}: no .ts, .mts, .js or .mjs files in the directory`);

  const claims: Claim[] = [];
  if (files.some((f) => /\.m?ts$/.test(f))) await ensureTypeScriptLoader();
  for (const f of files) {
    const path = join(abs, f);
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    } catch (e) {
      const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
      throw new ClaimLoadError(`${f}: failed to load: ${msg}`);
    }
    const before = claims.length;
    for (const [name, value] of Object.entries(mod)) {
      if (name === 'default' && typeof value === 'function') {
        let produced: unknown;
        try {
          produced = (value as (api: ClaimApi) => unknown)(claimApi);
          if (produced instanceof Promise) produced = await produced;
        } catch (e) {
          const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
          throw new ClaimLoadError(`${f}: the default-exported factory threw: ${msg}`);
        }
        collect(produced, f, Array.isArray(produced) ? 'claims' : 'default()', claims);
      } else {
        collect(value, f, name, claims);
      }
    }
    if (claims.length === before) {
      throw new ClaimLoadError(`${f}: exports no claims (export an array 'claims', Claim values, or a default factory (api) => Claim[])`);
    }
  }
  const seen = new Map<string, string>();
  for (const c of claims) {
    if (seen.has(c.id)) throw new ClaimLoadError(`claim id ${c.id} is defined twice in ${basename(abs)}/`);
    seen.set(c.id, c.id);
  }
  return claims;
}

let tsLoaderReady = false;
/**
 * The bundled CLI runs on plain Node, which cannot import .ts files: register tsx's loader, once,
 * only when a contributor's directory holds TypeScript (under tsx itself this is a no-op).
 */
async function ensureTypeScriptLoader(): Promise<void> {
  if (tsLoaderReady || import.meta.url.endsWith('.ts')) return;
  const { register } = await import('tsx/esm/api');
  register();
  tsLoaderReady = true;
}
