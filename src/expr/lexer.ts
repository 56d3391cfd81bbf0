/**
 * Tokens of expr-lang: numbers (`42`, `0x2A`, `0o52`, `0b101010`, `1_000`, `0.5`, `.5`, `1e3`),
 * strings (`'…'` and `"…"` with Go escapes, raw `` `…` ``), identifiers (`$env` included),
 * operators and punctuation. Comments `// …` and `/* … *\/` are skipped.
 */
import { exprErrorAt } from './errors.js';

export type TokenKind = 'number' | 'string' | 'ident' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Operator text, identifier name, decoded string, or number source text. */
  value: string;
  /** Parsed value of a number token. */
  num?: number;
  /** Offset in the source. */
  pos: number;
}

/** Words that are operators wherever an operator may stand. */
export const WORD_OPERATORS = new Set([
  'and',
  'or',
  'not',
  'in',
  'contains',
  'startsWith',
  'endsWith',
  'matches',
  'let',
]);

/** Symbol operators, longest first. */
const SYMBOLS = [
  '?.',
  '??',
  '..',
  '**',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '::',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '<',
  '>',
  '!',
  '?',
  ':',
  '.',
  ',',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '|',
  '#',
  ';',
  '=',
];

function isIdentStart(c: string): boolean {
  return /[A-Za-z_$]/.test(c) || (c.charCodeAt(0) > 127 && /\p{L}/u.test(c));
}

function isIdentPart(c: string): boolean {
  return /[A-Za-z0-9_$]/.test(c) || (c.charCodeAt(0) > 127 && /[\p{L}\p{N}]/u.test(c));
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '`': '`',
};

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const err = (pos: number, msg: string): never => {
    throw exprErrorAt(src, pos, msg);
  };

  while (i < src.length) {
    const c = src[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) err(i, 'unclosed comment');
      i = end + 2;
      continue;
    }
    const start = i;

    // Numbers: a digit, or a dot followed by a digit (but `..` is the range operator).
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const rest = src.slice(i);
      const radix = /^0([xXoObB])[0-9A-Fa-f_]+/.exec(rest);
      if (radix) {
        const text = radix[0];
        const digits = text.slice(2).replace(/_/g, '');
        const base = { x: 16, o: 8, b: 2 }[(radix[1] ?? 'x').toLowerCase() as 'x' | 'o' | 'b'];
        const valid = base === 16 ? /^[0-9A-Fa-f]+$/ : base === 8 ? /^[0-7]+$/ : /^[01]+$/;
        if (!valid.test(digits)) err(start, `invalid number literal ${text}`);
        tokens.push({ kind: 'number', value: text, num: parseInt(digits, base), pos: start });
        i += text.length;
        continue;
      }
      // Integer part, then a fraction only if the dot is not the start of `..`.
      const m = /^(?:[0-9][0-9_]*)?(?:\.(?!\.)[0-9_]*)?(?:[eE][+-]?[0-9_]+)?/.exec(rest);
      const text = m?.[0] ?? '';
      if (/[A-Za-z_]/.test(src[i + text.length] ?? '')) {
        // `1abc` is not a number followed by a name.
        err(start, `invalid number literal ${src.slice(i, i + text.length + 1)}`);
      }
      const clean = text.replace(/_/g, '');
      const num = Number(clean);
      if (clean === '' || Number.isNaN(num) || /_$|_\.|\._/.test(text)) {
        err(start, `invalid number literal ${text}`);
      }
      if (!Number.isFinite(num)) err(start, 'number literal is too large');
      tokens.push({ kind: 'number', value: text, num, pos: start });
      i += text.length;
      continue;
    }

    if (c === '"' || c === "'") {
      let out = '';
      i++;
      for (;;) {
        if (i >= src.length || src[i] === '\n') err(start, 'literal not terminated');
        const ch = src[i] ?? '';
        if (ch === c) {
          i++;
          break;
        }
        if (ch !== '\\') {
          out += ch;
          i++;
          continue;
        }
        const e = src[i + 1] ?? '';
        const simple = SIMPLE_ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          i += 2;
          continue;
        }
        const hex = (len: number): number => {
          const digits = src.slice(i + 2, i + 2 + len);
          if (!new RegExp(`^[0-9A-Fa-f]{${len}}$`).test(digits)) err(i, 'invalid char escape');
          return parseInt(digits, 16);
        };
        if (e === 'x') {
          out += String.fromCharCode(hex(2));
          i += 4;
        } else if (e === 'u' || e === 'U') {
          const len = e === 'u' ? 4 : 8;
          const cp = hex(len);
          if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) err(i, 'invalid char escape');
          out += String.fromCodePoint(cp);
          i += 2 + len;
        } else if (/[0-7]/.test(e)) {
          const digits = src.slice(i + 1, i + 4);
          if (!/^[0-7]{3}$/.test(digits)) err(i, 'invalid char escape');
          const cp = parseInt(digits, 8);
          if (cp > 255) err(i, 'invalid char escape');
          out += String.fromCharCode(cp);
          i += 4;
        } else {
          err(i, 'invalid char escape');
        }
      }
      tokens.push({ kind: 'string', value: out, pos: start });
      continue;
    }

    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) err(start, 'literal not terminated');
      tokens.push({ kind: 'string', value: src.slice(i + 1, end).replace(/\r/g, ''), pos: start });
      i = end + 1;
      continue;
    }

    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < src.length && isIdentPart(src[j] ?? '')) j++;
      const word = src.slice(i, j);
      tokens.push({ kind: WORD_OPERATORS.has(word) ? 'op' : 'ident', value: word, pos: start });
      i = j;
      continue;
    }

    const sym = SYMBOLS.find((s) => src.startsWith(s, i));
    if (sym === undefined) err(start, `unrecognized character ${JSON.stringify(c)}`);
    else {
      tokens.push({ kind: 'op', value: sym, pos: start });
      i += sym.length;
    }
  }
  tokens.push({ kind: 'eof', value: '', pos: src.length });
  return tokens;
}

/** How a token is named in "unexpected token" messages. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'end of expression';
    case 'string':
      return `string ${JSON.stringify(t.value)}`;
    case 'number':
      return `number ${t.value}`;
    case 'ident':
      return `name ${JSON.stringify(t.value)}`;
    default:
      return `'${t.value}'`;
  }
}
