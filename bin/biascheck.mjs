#!/usr/bin/env node
// Launcher: bundles the TypeScript CLI with esbuild into dist/<fingerprint>/ and runs it with plain
// Node. Loading ~250 TypeScript files (and mathjs's ~1000 modules) through a TS loader hook costs
// seconds per process and per worker thread; the bundle loads in a fraction of that. The
// fingerprint covers every source file's path, size and mtime, so an edited claim is rebuilt
// (in ~0.3 s) and a stale bundle is never run. Builds go to a temporary folder renamed into place,
// so concurrent launches (parallel test files) cannot see a half-written bundle.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['src', 'properties', 'proofs'];

function listFiles(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) listFiles(p, out);
    else if (/\.(m?ts|m?js|json)$/.test(e.name)) out.push(p);
  }
  return out;
}

function fingerprint() {
  const h = createHash('sha256');
  for (const d of SOURCES) {
    for (const f of listFiles(join(root, d), []).sort()) {
      const s = statSync(f);
      h.update(`${f}\0${s.size}\0${s.mtimeMs}\n`);
    }
  }
  h.update(process.version);
  return h.digest('hex').slice(0, 16);
}

async function ensureBundle() {
  const fp = fingerprint();
  const out = join(root, 'dist', fp);
  if (existsSync(join(out, 'main.js'))) return out;
  const { build } = await import('esbuild');
  const tmp = `${out}.tmp-${process.pid}`;
  mkdirSync(tmp, { recursive: true });
  await build({
    entryPoints: [join(root, 'src/cli/main.ts'), join(root, 'src/cli/worker.ts')],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: tmp,
    logLevel: 'error',
  });
  try {
    renameSync(tmp, out);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another launch finished first: use its bundle
  }
  // Keep dist/ small: drop bundles of older sources (but never one in use by a running process,
  // which holds its files open; removal of open files is harmless on POSIX).
  for (const e of readdirSync(join(root, 'dist'))) {
    if (e !== fp && !e.includes('.tmp-')) {
      const p = join(root, 'dist', e);
      if (Date.now() - statSync(p).mtimeMs > 60_000) rmSync(p, { recursive: true, force: true });
    }
  }
  return out;
}

const dir = await ensureBundle();
await import(pathToFileURL(join(dir, 'main.js')).href);
