// A small, strict argument parser: unknown flags and malformed values are usage errors (exit 2).

export class UsageError extends Error {}

export interface FlagSpec {
  /** 'bool' takes no value; 'string' takes one; 'list' is repeatable (and accepts comma lists). */
  type: 'bool' | 'string' | 'list';
}

export interface Parsed {
  flags: Record<string, string | boolean | string[]>;
  positional: string[];
}

export function parseArgs(argv: string[], spec: Record<string, FlagSpec>): Parsed {
  const flags: Parsed['flags'] = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const s = spec[name];
    if (!s) throw new UsageError(`unknown option --${name}`);
    if (s.type === 'bool') {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let value: string;
    if (eq > 0) value = a.slice(eq + 1);
    else {
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new UsageError(`--${name} needs a value`);
      value = argv[++i];
    }
    if (s.type === 'string') {
      if (flags[name] !== undefined) throw new UsageError(`--${name} given twice`);
      flags[name] = value;
    } else {
      const prev = (flags[name] as string[] | undefined) ?? [];
      flags[name] = [...prev, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
    }
  }
  return { flags, positional };
}

export function intFlag(v: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  if (!/^-?\d+$/.test(s)) throw new UsageError(`--${name} must be an integer, got "${s}"`);
  const n = Number(s);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}
