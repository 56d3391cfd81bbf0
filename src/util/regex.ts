/**
 * Go RE2 patterns (what Kargo users write in `allowTags`, `ignoreTags`, path filters, …) compiled
 * into JavaScript RegExps with the same meaning.
 *
 * The pattern is translated token by token rather than handed to `new RegExp` as is, because the
 * two dialects disagree in ways that matter for tags and paths:
 * - RE2 rejects lookaround and backreferences; JS would silently accept them.
 * - RE2 has inline flags (`(?i)`, `(?s)`, `(?m)`, `(?U)`), `(?P<name>…)`, `\Q…\E`, `\z`, `\A`,
 *   `[[:alpha:]]`, `\pN`, `\p{Greek}`, octal `\123` and `\x{10FFFF}`; JS spells these differently
 *   or not at all.
 * - RE2's `\s` is ASCII only; its `.` excludes only `\n` (JS's also excludes `\r`, U+2028/9);
 *   under `(?m)` RE2's `^`/`$` see only `\n` as a line end.
 *
 * The output always uses the `u` flag (so `.` and classes work on code points, as RE2 works on
 * runes), and every escape is re-emitted in a form `u` accepts: `[\-]`, `\_`, `\@` and friends,
 * which `u` rejects when written by hand, are fine in the input. The result has no `g` or `y`
 * flag, so `test()` is stateless. Matching is unanchored, as in Go.
 *
 * Errors read like Kargo's: `error compiling regular expression "<pattern>": error parsing regexp:
 * <Go's reason>: `<expr>``.
 */

type Range = readonly [number, number];

const MAX_CP = 0x10ffff;
const MAX_REPEAT = 1000;

const PERL_CLASSES: Record<string, Range[]> = {
  d: [[0x30, 0x39]],
  s: [
    [0x09, 0x0a],
    [0x0c, 0x0d],
    [0x20, 0x20],
  ],
  w: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
  ],
};

const POSIX_CLASSES: Record<string, Range[]> = {
  alnum: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  alpha: [
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  ascii: [[0x00, 0x7f]],
  blank: [
    [0x09, 0x09],
    [0x20, 0x20],
  ],
  cntrl: [
    [0x00, 0x1f],
    [0x7f, 0x7f],
  ],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [
    [0x21, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e],
  ],
  space: [
    [0x09, 0x0d],
    [0x20, 0x20],
  ],
  upper: [[0x41, 0x5a]],
  word: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
  ],
  xdigit: [
    [0x30, 0x39],
    [0x41, 0x46],
    [0x61, 0x66],
  ],
};

/** Unicode general-category values RE2 knows as `\pX` / `\p{Xx}`. */
const GENERAL_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(
    ' ',
  ),
);

class RegexSyntaxError extends Error {}

function goError(code: string, expr: string): RegexSyntaxError {
  return new RegexSyntaxError(`error parsing regexp: ${code}: \`${expr}\``);
}

function complement(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

function isCasedChar(cp: number): boolean {
  const s = String.fromCodePoint(cp);
  return s.toLowerCase() !== s.toUpperCase() || cp === 0x212a || cp === 0x17f;
}

function rangeIsCased(lo: number, hi: number): boolean {
  if (hi - lo > 2000) return true;
  for (let cp = lo; cp <= hi; cp++) if (isCasedChar(cp)) return true;
  return false;
}

const SYNTAX_OUTSIDE = new Set('^$\\.*+?()[]{}|/');
const SYNTAX_INSIDE = new Set('\\]-[^');

/** One code point written so that a `u`-flag RegExp reads it literally. */
function emitChar(cp: number, inClass: boolean): string {
  const ch = String.fromCodePoint(cp);
  if ((inClass ? SYNTAX_INSIDE : SYNTAX_OUTSIDE).has(ch)) return `\\${ch}`;
  if (cp >= 0x20 && cp < 0x7f) return ch;
  // Non-ASCII letters, digits, punctuation and symbols stay readable; the rest is escaped.
  return cp >= 0xa0 && /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch) ? ch : `\\u{${cp.toString(16)}}`;
}

function emitRanges(ranges: readonly Range[]): string {
  return ranges
    .map(([lo, hi]) =>
      lo === hi ? emitChar(lo, true) : `${emitChar(lo, true)}-${emitChar(hi, true)}`,
    )
    .join('');
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

/** What the last emitted item was, for quantifier checks. */
type Last = 'none' | 'atom' | 'assertion' | 'quantified';

interface Frame {
  flags: Flags;
  /** Index in `out` where the group starts. */
  start: number;
}

/** A piece of a character class as parsed. */
interface ClassPiece {
  text: string;
  cased: boolean;
}

class Translator {
  private readonly src: string;
  private pos = 0;
  private out = '';
  private last: Last = 'none';
  private lastStart = 0;
  private lastQuantifier = '';
  private flags: Flags = { i: false, m: false, s: false, U: false };
  private readonly frames: Frame[] = [];
  private readonly names = new Set<string>();
  /** Case-insensitivity wanted by the cased atoms seen so far. */
  private readonly caseModes = new Set<boolean>();

  constructor(src: string) {
    this.src = src;
  }

  translate(): { source: string; flags: string } {
    while (this.pos < this.src.length) this.step();
    if (this.frames.length > 0) throw goError('missing closing )', this.src);
    if (this.caseModes.size > 1) {
      throw new RegexSyntaxError(
        'gantry supports case-insensitive matching ((?i)) only for the whole expression, ' +
          'not for a part of it',
      );
    }
    return { source: this.out, flags: this.caseModes.has(true) ? 'iu' : 'u' };
  }

  private peek(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }

  private cased(isCased: boolean): void {
    if (isCased) this.caseModes.add(this.flags.i);
  }

  private atom(text: string, kind: 'atom' | 'assertion' = 'atom'): void {
    this.lastStart = this.out.length;
    this.out += text;
    this.last = kind;
  }

  private step(): void {
    const c = this.peek();
    switch (c) {
      case '(':
        this.openGroup();
        return;
      case ')': {
        const frame = this.frames.pop();
        if (!frame) throw goError('unexpected )', this.src);
        this.pos++;
        this.out += ')';
        this.flags = frame.flags;
        this.lastStart = frame.start;
        this.last = 'atom';
        return;
      }
      case '|':
        this.pos++;
        this.out += '|';
        this.last = 'none';
        return;
      case '*':
      case '+':
      case '?':
        this.pos++;
        this.quantifier(c);
        return;
      case '{': {
        const rep = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
        if (rep) {
          const min = Number(rep[1]);
          const max = rep[2] === undefined ? min : rep[3] === '' ? -1 : Number(rep[3]);
          if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
            throw goError('invalid repeat count', rep[0]);
          }
          this.pos += rep[0].length;
          this.quantifier(rep[0]);
          return;
        }
        this.pos++;
        this.atom('\\{');
        return;
      }
      case '[':
        this.charClass();
        return;
      case '.':
        this.pos++;
        this.atom(this.flags.s ? '[^]' : '[^\\n]');
        return;
      case '^':
        this.pos++;
        this.atom(this.flags.m ? '(?:^|(?<=\\n))' : '^', 'assertion');
        return;
      case '$':
        this.pos++;
        this.atom(this.flags.m ? '(?:$|(?=\\n))' : '$', 'assertion');
        return;
      case '\\':
        this.escapeOutsideClass();
        return;
      default: {
        const cp = this.src.codePointAt(this.pos) ?? 0;
        this.pos += cp > 0xffff ? 2 : 1;
        this.cased(isCasedChar(cp));
        this.atom(emitChar(cp, false));
      }
    }
  }

  private quantifier(op: string): void {
    if (this.last === 'none') throw goError('missing argument to repetition operator', op);
    if (this.last === 'quantified') {
      throw goError('invalid nested repetition operator', this.lastQuantifier + op);
    }
    if (this.last === 'assertion') {
      this.out = `${this.out.slice(0, this.lastStart)}(?:${this.out.slice(this.lastStart)})`;
    }
    let lazy = false;
    let written = op;
    if (this.peek() === '?') {
      lazy = true;
      this.pos++;
      written += '?';
    }
    if (this.flags.U) lazy = !lazy;
    this.out += op + (lazy ? '?' : '');
    this.last = 'quantified';
    this.lastQuantifier = written;
  }

  private openGroup(): void {
    const rest = this.src.slice(this.pos);
    if (!rest.startsWith('(?')) {
      this.pos++;
      this.pushGroup('(');
      return;
    }
    if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      throw goError('invalid or unsupported Perl syntax', rest.slice(0, 3));
    }
    if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      throw goError('invalid or unsupported Perl syntax', rest.slice(0, 4));
    }
    const named = /^\(\?P?<([^>]*)>/.exec(rest);
    if (named || rest.startsWith('(?P<') || rest.startsWith('(?<')) {
      if (!named) throw goError('invalid named capture', rest);
      const name = named[1] ?? '';
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw goError('invalid named capture', named[0]);
      this.pos += named[0].length;
      // Go allows names JS does not (leading digit) and repeated names (the leftmost wins for
      // lookups); keep such groups capturing but unnamed so numbering stays the same.
      if (/^[0-9]/.test(name) || this.names.has(name)) {
        this.pushGroup('(');
      } else {
        this.names.add(name);
        this.pushGroup(`(?<${name}>`);
      }
      return;
    }
    // Flags: (?flags) or (?flags:re), flags from [imsU] with at most one '-'.
    let i = 2;
    let negate = false;
    let sawFlag = false;
    const flags = { ...this.flags };
    for (;;) {
      const c = rest[i];
      if (c === undefined) throw goError('missing closing )', this.src);
      if (c === 'i' || c === 'm' || c === 's' || c === 'U') {
        flags[c] = !negate;
        sawFlag = true;
      } else if (c === '-' && !negate) {
        negate = true;
        sawFlag = false;
      } else if (c === ':' || c === ')') {
        if (negate && !sawFlag)
          throw goError('invalid or unsupported Perl syntax', rest.slice(0, i + 1));
        if (c === ':') {
          this.pos += i + 1;
          this.pushGroup('(?:');
          this.flags = flags;
        } else {
          if (i === 2) throw goError('invalid or unsupported Perl syntax', rest.slice(0, i + 1));
          this.pos += i + 1;
          this.flags = flags;
          // A flag group is not an operand: `(?i)*` has nothing to repeat.
          this.last = 'none';
        }
        return;
      } else {
        throw goError('invalid or unsupported Perl syntax', rest.slice(0, i + 1));
      }
      i++;
    }
  }

  private pushGroup(open: string): void {
    if (this.frames.length >= 1000) throw goError('expression nests too deeply', this.src);
    this.frames.push({ flags: { ...this.flags }, start: this.out.length });
    this.out += open;
    this.last = 'none';
  }

  private escapeOutsideClass(): void {
    const next = this.peek(1);
    if (next === '') throw goError('trailing backslash at end of expression', '');
    switch (next) {
      case 'A':
        this.pos += 2;
        this.atom('^', 'assertion');
        return;
      case 'z':
        this.pos += 2;
        this.atom('$', 'assertion');
        return;
      case 'b':
      case 'B':
        this.pos += 2;
        this.atom(`\\${next}`, 'assertion');
        return;
      case 'Q': {
        this.pos += 2;
        const end = this.src.indexOf('\\E', this.pos);
        const text = end < 0 ? this.src.slice(this.pos) : this.src.slice(this.pos, end);
        this.pos = end < 0 ? this.src.length : end + 2;
        for (const ch of text) {
          const cp = ch.codePointAt(0) ?? 0;
          this.cased(isCasedChar(cp));
          this.atom(emitChar(cp, false));
        }
        return;
      }
      default: {
        const piece = this.classEscape();
        if (piece) {
          this.cased(piece.cased);
          this.atom(
            piece.text.startsWith('\\p') || piece.text.startsWith('\\P')
              ? piece.text
              : `[${piece.text}]`,
          );
          return;
        }
        const cp = this.charEscape();
        this.cased(isCasedChar(cp));
        this.atom(emitChar(cp, false));
      }
    }
  }

  /** `\d \s \w \D \S \W \pX \p{…} \PX \P{…}` at `pos`, or null for other escapes. */
  private classEscape(): ClassPiece | null {
    const letter = this.peek(1);
    const perl =
      letter !== '' && 'dswDSW'.includes(letter) ? PERL_CLASSES[letter.toLowerCase()] : undefined;
    if (perl) {
      this.pos += 2;
      const ranges = letter === letter.toLowerCase() ? perl : complement(perl);
      return {
        text: emitRanges(ranges),
        cased: letter.toLowerCase() === 'w' || letter !== letter.toLowerCase(),
      };
    }
    if (letter !== 'p' && letter !== 'P') return null;
    const start = this.pos;
    let name: string;
    if (this.peek(2) === '{') {
      const end = this.src.indexOf('}', this.pos);
      if (end < 0) throw goError('invalid character class range', this.src.slice(start));
      name = this.src.slice(this.pos + 3, end);
      this.pos = end + 1;
    } else {
      const cp = this.src.codePointAt(this.pos + 2);
      if (cp === undefined) throw goError('invalid character class range', this.src.slice(start));
      name = String.fromCodePoint(cp);
      this.pos += 2 + name.length;
    }
    const expr = this.src.slice(start, this.pos);
    let negated = letter === 'P';
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    let property: string;
    if (name === 'Any') property = 'Any';
    else if (GENERAL_CATEGORIES.has(name)) property = name;
    else if (/^[A-Z][A-Za-z_]*$/.test(name)) property = `Script=${name}`;
    else throw goError('invalid character class range', expr);
    const text = `\\${negated ? 'P' : 'p'}{${property}}`;
    try {
      new RegExp(text, 'u');
    } catch {
      throw goError('invalid character class range', expr);
    }
    return { text, cased: true };
  }

  /** A single-character escape at `pos` (past the backslash handling of classes). */
  private charEscape(): number {
    const start = this.pos;
    const c = this.peek(1);
    this.pos += 2;
    const invalid = (): RegexSyntaxError =>
      goError('invalid escape sequence', this.src.slice(start, this.pos));
    switch (c) {
      case 'a':
        return 0x07;
      case 'f':
        return 0x0c;
      case 't':
        return 0x09;
      case 'n':
        return 0x0a;
      case 'r':
        return 0x0d;
      case 'v':
        return 0x0b;
      case 'x': {
        if (this.peek() === '{') {
          const m = /^\{([0-9A-Fa-f]+)\}/.exec(this.src.slice(this.pos));
          if (!m) {
            this.pos = Math.min(this.src.length, this.pos + 1);
            throw invalid();
          }
          this.pos += m[0].length;
          const cp = parseInt(m[1] ?? '', 16);
          if (cp > MAX_CP) throw invalid();
          return cp;
        }
        const m = /^[0-9A-Fa-f]{2}/.exec(this.src.slice(this.pos));
        if (!m) throw invalid();
        this.pos += 2;
        return parseInt(m[0], 16);
      }
    }
    if (c >= '1' && c <= '9') {
      // A lone non-zero digit is a backreference, which RE2 does not have; followed by octal
      // digits it is an octal escape.
      const n = this.peek();
      if (c > '7' || n < '0' || n > '7') throw invalid();
    }
    if (c >= '0' && c <= '7') {
      let value = c.charCodeAt(0) - 0x30;
      for (let k = 0; k < 2; k++) {
        const d = this.peek();
        if (d < '0' || d > '7') break;
        value = value * 8 + (d.charCodeAt(0) - 0x30);
        this.pos++;
      }
      return value;
    }
    const cp = c.codePointAt(0) ?? 0;
    // Only ASCII punctuation may be escaped.
    if (cp < 0x80 && !/[0-9A-Za-z]/.test(c)) return cp;
    if (cp > 0xffff) this.pos++;
    throw invalid();
  }

  private charClass(): void {
    const start = this.pos;
    this.pos++;
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    const pieces: ClassPiece[] = [];
    let first = true;
    for (;;) {
      if (this.pos >= this.src.length) throw goError('missing closing ]', this.src.slice(start));
      const c = this.peek();
      if (c === ']' && !first) {
        this.pos++;
        break;
      }
      first = false;
      if (c === '[' && this.peek(1) === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.pos));
        const ranges = m ? POSIX_CLASSES[m[2] ?? ''] : undefined;
        if (m && ranges) {
          this.pos += m[0].length;
          pieces.push({
            text: emitRanges(m[1] ? complement(ranges) : ranges),
            cased: m[1] !== '' || ranges.some(([lo, hi]) => rangeIsCased(lo, hi)),
          });
          continue;
        }
        if (m) throw goError('invalid character class range', m[0]);
      }
      if (c === '\\') {
        if (this.peek(1) === '') throw goError('trailing backslash at end of expression', '');
        const piece = this.classEscape();
        if (piece) {
          pieces.push(piece);
          continue;
        }
      }
      const rangeStart = this.pos;
      const lo = this.classChar(rangeStart);
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
        this.pos++;
        const hi = this.classChar(rangeStart);
        if (hi < lo)
          throw goError('invalid character class range', this.src.slice(rangeStart, this.pos));
        pieces.push({
          text: `${emitChar(lo, true)}-${emitChar(hi, true)}`,
          cased: rangeIsCased(lo, hi),
        });
      } else {
        pieces.push({ text: emitChar(lo, true), cased: isCasedChar(lo) });
      }
    }
    this.cased(pieces.some((p) => p.cased));
    this.atom(`[${negated ? '^' : ''}${pieces.map((p) => p.text).join('')}]`);
  }

  private classChar(rangeStart: number): number {
    if (this.peek() === '\\') {
      if (this.peek(1) === '') throw goError('trailing backslash at end of expression', '');
      const letter = this.peek(1);
      if ('dswDSWpP'.includes(letter)) {
        throw goError('invalid character class range', this.src.slice(rangeStart, this.pos + 2));
      }
      return this.charEscape();
    }
    const cp = this.src.codePointAt(this.pos) ?? 0;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }
}

/**
 * Compile a Go RE2 pattern into an equivalent JS RegExp (unanchored, as in Go). Throws an Error
 * whose message starts `error compiling regular expression "<pattern>": ` when the pattern is not
 * valid RE2, uses something RE2 lacks (lookaround, backreferences) or something gantry cannot
 * translate (case-insensitivity for only part of the pattern).
 */
export function compileRegex(pattern: string): RegExp {
  const prefix = `error compiling regular expression ${JSON.stringify(pattern)}`;
  let translated: { source: string; flags: string };
  try {
    translated = new Translator(pattern).translate();
  } catch (err) {
    if (err instanceof RegexSyntaxError)
      throw new Error(`${prefix}: ${err.message}`, { cause: err });
    throw err;
  }
  try {
    return new RegExp(translated.source, translated.flags);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`${prefix}: ${reason}`, { cause: err });
  }
}
