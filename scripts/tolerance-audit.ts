// Tolerance audit: every `within(observed, allowed, …)` in the claims (properties/, proofs/) must say
// where its allowed value comes from, in a comment on the same line or in the 8 lines above it (a
// derivation: rounding κ·ε, integrator error × horizon, the claim's own slack, a confidence bound; or a
// pointer to the calibration row in calibration/<paper>.json with its headroom).
//
//   npx tsx scripts/tolerance-audit.ts          # lists the call sites without such a comment; exit 1 if any
//
// test/tolerance-audit.test.ts runs the same scan. The keyword test is a guard against forgetting, not a
// proof that the comment is right: reviewers read the comment.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOOKBACK = 8;
/** Words a tolerance comment uses when it explains a number. */
export const TOLERANCE_WORDS =
  /tol|toleran|bound|round|ε|eps|ulp|rtol|atol|error|err\b|calibrat|derived|slack|exact|margin|headroom|cond|κ|confidence|binomial|quadrature|integrat|floor|precision|digits|drift|\bO\(|≤|≥/i;

export interface Site {
  file: string;
  line: number;
  text: string;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** `within(` call sites in properties/ and proofs/ with no explaining comment nearby. */
export function unexplainedTolerances(): { total: number; missing: Site[] } {
  let total = 0;
  const missing: Site[] = [];
  for (const file of [...tsFiles(join(ROOT, 'properties')), ...tsFiles(join(ROOT, 'proofs'))]) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((l, i) => {
      const code = l.replace(/\/\/.*$/, '');
      if (!/\bwithin\(/.test(code) || /^\s*(import|export function within|function within)/.test(code)) return;
      total++;
      const window = lines.slice(Math.max(0, i - LOOKBACK), i + 1);
      const explained = window.some((w) => {
        const k = w.indexOf('//');
        const c = k >= 0 ? w.slice(k) : /^\s*\*/.test(w) ? w : '';
        return c !== '' && TOLERANCE_WORDS.test(c);
      });
      if (!explained) missing.push({ file: relative(ROOT, file), line: i + 1, text: l.trim().slice(0, 140) });
    });
  }
  return { total, missing };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { total, missing } = unexplainedTolerances();
  for (const s of missing) console.log(`${s.file}:${s.line}: ${s.text}`);
  console.log(`${total} tolerance checks (within), ${missing.length} without an explaining comment`);
  process.exit(missing.length ? 1 : 0);
}
