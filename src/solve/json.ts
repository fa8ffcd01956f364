// A small strict JSON reader for case files. Two reasons not to use JSON.parse alone:
//  1. Its error messages differ between Node versions and rarely say line:column; a researcher
//     editing a case by hand needs "line 7, column 12: expected ',' or ']'".
//  2. People write NaN and Infinity into data files (Python's json.dump does by default). JSON.parse
//     rejects them with a generic message; we read them as non-finite numbers so the validator can
//     name the field ("data.X[2][1]: NaN is not a finite number"). Overflowing literals such as
//     1e400 become Infinity here too, and are caught the same way.

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

export function parseJson(text: string): unknown {
  let i = 0;
  const n = text.length;

  const where = (pos: number): { line: number; column: number } => {
    let line = 1;
    let col = 1;
    for (let k = 0; k < pos && k < n; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        col = 1;
      } else col++;
    }
    return { line, column: col };
  };
  const err = (msg: string, pos = i): never => {
    const { line, column } = where(pos);
    const found = pos >= n ? 'end of file' : `'${text[pos]}'`;
    throw new JsonSyntaxError(`line ${line}, column ${column}: ${msg} (found ${found})`, line, column);
  };
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const word = (w: string): boolean => {
    if (text.startsWith(w, i)) {
      i += w.length;
      return true;
    }
    return false;
  };

  const value = (): unknown => {
    ws();
    if (i >= n) return err('expected a value');
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === 't') return word('true') ? true : err('expected a value');
    if (c === 'f') return word('false') ? false : err('expected a value');
    if (c === 'n') return word('null') ? null : err('expected a value');
    if (c === 'N') return word('NaN') ? Number.NaN : err('expected a value');
    if (c === 'I') return word('Infinity') ? Number.POSITIVE_INFINITY : err('expected a value');
    if (c === '-' && text.startsWith('-Infinity', i)) {
      i += 9;
      return Number.NEGATIVE_INFINITY;
    }
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    return err('expected a value');
  };

  const number = (): number => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (text[i] >= '1' && text[i] <= '9') while (i < n && text[i] >= '0' && text[i] <= '9') i++;
    else return err('expected a digit');
    if (text[i] === '.') {
      i++;
      if (!(text[i] >= '0' && text[i] <= '9')) return err('expected a digit after the decimal point');
      while (i < n && text[i] >= '0' && text[i] <= '9') i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!(text[i] >= '0' && text[i] <= '9')) return err('expected a digit in the exponent');
      while (i < n && text[i] >= '0' && text[i] <= '9') i++;
    }
    return Number(text.slice(start, i));
  };

  const string = (): string => {
    i++; // opening quote
    let out = '';
    while (true) {
      if (i >= n) return err('unterminated string');
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in map) {
          out += map[e];
          i += 2;
        } else if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return err('bad \\u escape', i);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else return err('bad escape in string', i);
      } else if (c.charCodeAt(0) < 32) {
        return err('control character in string');
      } else {
        out += c;
        i++;
      }
    }
  };

  const array = (): unknown[] => {
    i++;
    const out: unknown[] = [];
    ws();
    if (text[i] === ']') {
      i++;
      return out;
    }
    while (true) {
      out.push(value());
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return out;
      }
      return err("expected ',' or ']'");
    }
  };

  const object = (): Record<string, unknown> => {
    i++;
    const out: Record<string, unknown> = {};
    ws();
    if (text[i] === '}') {
      i++;
      return out;
    }
    while (true) {
      ws();
      if (text[i] !== '"') return err('expected a quoted key');
      const key = string();
      ws();
      if (text[i] !== ':') return err("expected ':' after a key");
      i++;
      if (Object.prototype.hasOwnProperty.call(out, key)) return err(`duplicate key "${key}"`, i);
      Object.defineProperty(out, key, { value: value(), enumerable: true, writable: true, configurable: true });
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return out;
      }
      return err("expected ',' or '}'");
    }
  };

  // A UTF-8 byte-order mark is harmless; skip it.
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const v = value();
  ws();
  if (i < n) err('unexpected text after the JSON value');
  return v;
}
