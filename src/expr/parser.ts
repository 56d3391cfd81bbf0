/**
 * Pratt-style (precedence climbing) parser for expr-lang, with expr-lang's precedences:
 *
 *   |  (pipe) 0 · or || 10 · and && 15 · == != < > <= >= in matches contains startsWith
 *   endsWith 20 (chained: `a < b < c` is `a < b && b < c`) · .. 25 · + - 30 · * / % 60 ·
 *   unary not ! 50 · unary - + 90 · ** ^ 100 (right) · ?? 500 · then `? :` lowest.
 *
 * `not` before in/contains/startsWith/endsWith/matches negates it (`x not in list`). `??` may not
 * be mixed with other binary operators without parentheses (as in expr-lang). Predicate builtins
 * (`filter`, `map`, `all`, …) take their predicate argument as a closure in which `#`, `#index`,
 * `#acc` and `.field` (short for `#.field`) are valid.
 */
import type { Node } from './ast.js';
import { ExprError, exprErrorAt } from './errors.js';
import { describeToken, tokenize, WORD_OPERATORS, type Token } from './lexer.js';

interface Op {
  prec: number;
  right?: boolean;
}

const BINARY: Record<string, Op> = {
  '|': { prec: 0 },
  or: { prec: 10 },
  '||': { prec: 10 },
  and: { prec: 15 },
  '&&': { prec: 15 },
  '==': { prec: 20 },
  '!=': { prec: 20 },
  '<': { prec: 20 },
  '>': { prec: 20 },
  '<=': { prec: 20 },
  '>=': { prec: 20 },
  in: { prec: 20 },
  matches: { prec: 20 },
  contains: { prec: 20 },
  startsWith: { prec: 20 },
  endsWith: { prec: 20 },
  '..': { prec: 25 },
  '+': { prec: 30 },
  '-': { prec: 30 },
  '*': { prec: 60 },
  '/': { prec: 60 },
  '%': { prec: 60 },
  '**': { prec: 100, right: true },
  '^': { prec: 100, right: true },
  '??': { prec: 500 },
};

const UNARY: Record<string, number> = { not: 50, '!': 50, '-': 90, '+': 90 };

const NEGATABLE = new Set(['in', 'contains', 'startsWith', 'endsWith', 'matches']);

/** Argument shapes of the predicate builtins: e = expression, p = predicate, ? = optional. */
export const PREDICATE_BUILTINS: Record<string, string[]> = {
  all: ['e', 'p'],
  none: ['e', 'p'],
  any: ['e', 'p'],
  one: ['e', 'p'],
  filter: ['e', 'p'],
  map: ['e', 'p'],
  find: ['e', 'p'],
  findIndex: ['e', 'p'],
  findLast: ['e', 'p'],
  findLastIndex: ['e', 'p'],
  groupBy: ['e', 'p'],
  count: ['e', 'p?'],
  sum: ['e', 'p?'],
  sortBy: ['e', 'p', 'e?'],
  reduce: ['e', 'p', 'e?'],
};

export interface ParseLimits {
  /** Deepest syntax tree accepted (also bounds the evaluator's recursion). */
  maxDepth: number;
  /** Longest source accepted, in UTF-16 code units. */
  maxSourceLength: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 128, maxSourceLength: 64 * 1024 };

class Parser {
  private readonly src: string;
  private readonly tokens: Token[];
  private pos = 0;
  private predicateDepth = 0;
  private nesting = 0;
  private readonly limits: ParseLimits;

  constructor(src: string, limits: ParseLimits) {
    this.src = src;
    this.limits = limits;
    this.tokens = tokenize(src);
  }

  private get cur(): Token {
    return this.tokens[this.pos] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private peekAt(offset: number): Token {
    return this.tokens[this.pos + offset] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private error(token: Token, reason: string): ExprError {
    return exprErrorAt(this.src, token.pos, reason);
  }

  private unexpected(token: Token = this.cur): ExprError {
    if (token.kind === 'eof') return this.error(token, 'unexpected end of expression');
    return this.error(token, `unexpected token ${describeToken(token)}`);
  }

  private isOp(value: string, token: Token = this.cur): boolean {
    return token.kind === 'op' && token.value === value;
  }

  private expectOp(value: string): Token {
    const t = this.cur;
    if (!this.isOp(value)) throw this.unexpected();
    this.pos++;
    return t;
  }

  parse(): Node {
    if (this.tokens.length === 1) throw this.error(this.cur, 'empty expression');
    const node = this.expression(0);
    if (this.cur.kind !== 'eof') throw this.unexpected();
    return node;
  }

  private expression(minPrec: number): Node {
    if (++this.nesting > this.limits.maxDepth) {
      throw this.error(this.cur, `expression nests too deeply (limit ${this.limits.maxDepth})`);
    }
    try {
      return this.expressionInner(minPrec);
    } finally {
      this.nesting--;
    }
  }

  private expressionInner(minPrec: number): Node {
    if (minPrec === 0 && this.isOp('let')) return this.letExpression();
    let left = this.primary();
    let prevOp = '';
    for (;;) {
      let opToken = this.cur;
      if (opToken.kind !== 'op') break;
      let negate = false;
      if (opToken.value === 'not') {
        const next = this.peekAt(1);
        if (next.kind !== 'op' || !NEGATABLE.has(next.value)) throw this.unexpected(next);
        if ((BINARY[next.value]?.prec ?? -1) < minPrec) break;
        negate = true;
        this.pos++;
        opToken = next;
      }
      const op = BINARY[opToken.value];
      if (!op || op.prec < minPrec) break;
      this.pos++;

      if (opToken.value === '|') {
        const name = this.cur;
        if (name.kind !== 'ident') throw this.unexpected();
        this.pos++;
        left = this.postfix(this.call(name, [left]));
        prevOp = '|';
        continue;
      }
      if (prevOp === '??' && opToken.value !== '??') {
        throw this.error(
          opToken,
          `operator (${opToken.value}) and coalesce expressions (??) cannot be mixed; wrap either in parentheses`,
        );
      }
      if (op.prec === 20 && !negate) {
        left = this.comparison(left, opToken);
      } else {
        const right = this.expression(op.right ? op.prec : op.prec + 1);
        left = { k: 'binary', pos: opToken.pos, op: opToken.value, left, right };
        if (negate) left = { k: 'unary', pos: opToken.pos, op: 'not', operand: left };
      }
      prevOp = opToken.value;
    }
    if (minPrec === 0) left = this.conditional(left);
    return left;
  }

  /** `a < b < c` ⇒ `a < b && b < c`, as expr-lang chains comparisons. */
  private comparison(left: Node, first: Token): Node {
    let root: Node | undefined;
    let token = first;
    for (;;) {
      const right = this.expression(21);
      const cmp: Node = { k: 'binary', pos: token.pos, op: token.value, left, right };
      root = root ? { k: 'binary', pos: token.pos, op: '&&', left: root, right: cmp } : cmp;
      left = right;
      token = this.cur;
      if (token.kind !== 'op' || BINARY[token.value]?.prec !== 20) break;
      this.pos++;
    }
    return root;
  }

  private conditional(test: Node): Node {
    let node = test;
    while (this.isOp('?')) {
      const q = this.cur;
      this.pos++;
      if (this.isOp(':')) {
        // `a ?: b` is `a ? a : b`.
        this.pos++;
        node = {
          k: 'cond',
          pos: q.pos,
          test: node,
          then: node,
          else: this.expression(0),
          elvis: true,
        };
      } else {
        const then = this.expression(0);
        this.expectOp(':');
        node = { k: 'cond', pos: q.pos, test: node, then, else: this.expression(0) };
      }
    }
    return node;
  }

  private letExpression(): Node {
    const letToken = this.expectOp('let');
    const name = this.cur;
    if (name.kind !== 'ident') throw this.unexpected();
    this.pos++;
    this.expectOp('=');
    const value = this.expression(0);
    this.expectOp(';');
    return { k: 'let', pos: letToken.pos, name: name.value, value, body: this.expression(0) };
  }

  private primary(): Node {
    const t = this.cur;
    if (t.kind === 'op') {
      const prec = UNARY[t.value];
      if (prec !== undefined) {
        this.pos++;
        const operand = this.expression(prec);
        return this.postfix({ k: 'unary', pos: t.pos, op: t.value, operand });
      }
      if (t.value === '(') {
        this.pos++;
        const inner = this.expression(0);
        this.expectOp(')');
        return this.postfix(inner);
      }
      if (t.value === '#' || t.value === '.') {
        if (this.predicateDepth === 0) {
          throw this.error(t, 'cannot use pointer accessor outside predicate');
        }
        if (t.value === '.') return this.postfix({ k: 'pointer', pos: t.pos, name: '' });
        this.pos++;
        let name = '';
        const next = this.cur;
        // `#index`, `#acc`: the name must touch the `#`.
        if (next.kind === 'ident' && next.pos === t.pos + 1) {
          name = next.value;
          this.pos++;
        }
        return this.postfix({ k: 'pointer', pos: t.pos, name });
      }
      if (t.value === '[') return this.postfix(this.arrayLiteral());
      if (t.value === '{') return this.postfix(this.mapLiteral());
      throw this.unexpected();
    }
    this.pos++;
    switch (t.kind) {
      case 'number':
        return this.postfix({ k: 'lit', pos: t.pos, value: t.num ?? 0 });
      case 'string':
        return this.postfix({ k: 'lit', pos: t.pos, value: t.value });
      case 'ident':
        switch (t.value) {
          case 'true':
            return this.postfix({ k: 'lit', pos: t.pos, value: true });
          case 'false':
            return this.postfix({ k: 'lit', pos: t.pos, value: false });
          case 'nil':
          case 'null':
            return this.postfix({ k: 'lit', pos: t.pos, value: null });
        }
        if (this.isOp('(')) return this.postfix(this.call(t, []));
        return this.postfix({ k: 'ident', pos: t.pos, name: t.value });
      default:
        this.pos--;
        throw this.unexpected();
    }
  }

  private call(name: Token, piped: Node[]): Node {
    const shape = Object.hasOwn(PREDICATE_BUILTINS, name.value)
      ? PREDICATE_BUILTINS[name.value]
      : undefined;
    this.expectOp('(');
    const args = [...piped];
    if (!shape) {
      while (!this.isOp(')')) {
        if (args.length > piped.length) {
          this.expectOp(',');
          if (this.isOp(')')) break;
        }
        args.push(this.expression(0));
      }
      this.expectOp(')');
      return { k: 'call', pos: name.pos, name: name.value, args };
    }
    const rest = shape.slice(piped.length);
    for (let i = 0; i < rest.length; i++) {
      const kind = rest[i] ?? 'e';
      if (this.isOp(')')) {
        if (kind.endsWith('?')) break;
        const required = shape.filter((s) => !s.endsWith('?')).length;
        throw this.error(this.cur, `${name.value}() expects at least ${required} arguments`);
      }
      if (i > 0) {
        this.expectOp(',');
        if (this.isOp(')') && kind.endsWith('?')) break;
      }
      if (kind.startsWith('p')) args.push(this.predicate());
      else args.push(this.expression(0));
    }
    if (this.isOp(',')) this.pos++;
    if (!this.isOp(')')) {
      throw this.error(this.cur, `${name.value}() takes at most ${shape.length} arguments`);
    }
    this.pos++;
    return { k: 'call', pos: name.pos, name: name.value, args };
  }

  private predicate(): Node {
    const start = this.cur;
    const braced = this.isOp('{');
    if (braced) this.pos++;
    this.predicateDepth++;
    const body = this.expression(0);
    this.predicateDepth--;
    if (braced) this.expectOp('}');
    return { k: 'closure', pos: start.pos, body };
  }

  private arrayLiteral(): Node {
    const open = this.expectOp('[');
    const items: Node[] = [];
    while (!this.isOp(']')) {
      if (items.length > 0) {
        this.expectOp(',');
        if (this.isOp(']')) break;
      }
      items.push(this.expression(0));
    }
    this.expectOp(']');
    return { k: 'array', pos: open.pos, items };
  }

  private mapLiteral(): Node {
    const open = this.expectOp('{');
    const entries: { key: Node; value: Node }[] = [];
    while (!this.isOp('}')) {
      if (entries.length > 0) {
        this.expectOp(',');
        if (this.isOp('}')) break;
      }
      const t = this.cur;
      let key: Node;
      if (
        t.kind === 'string' ||
        t.kind === 'ident' ||
        t.kind === 'number' ||
        (t.kind === 'op' && WORD_OPERATORS.has(t.value))
      ) {
        key = { k: 'lit', pos: t.pos, value: t.value };
        this.pos++;
      } else if (this.isOp('(')) {
        key = this.expression(0);
      } else {
        throw this.error(
          t,
          `a map key must be a quoted string, a number, a name, or an expression in parentheses (unexpected token ${describeToken(t)})`,
        );
      }
      this.expectOp(':');
      entries.push({ key, value: this.expression(0) });
    }
    this.expectOp('}');
    return { k: 'map', pos: open.pos, entries };
  }

  /** Member access, indexing, slicing and method calls after a primary. */
  private postfix(start: Node): Node {
    let node = start;
    let chained = false;
    for (;;) {
      const t = this.cur;
      if (this.isOp('.') || this.isOp('?.')) {
        const optional = t.value === '?.';
        this.pos++;
        if (optional && this.isOp('[')) {
          chained = true;
          node = this.index(node, true);
          continue;
        }
        const name = this.cur;
        // Operator words (`not`, `matches`, …) are valid property and method names.
        if (name.kind !== 'ident' && !(name.kind === 'op' && WORD_OPERATORS.has(name.value))) {
          throw this.error(name, 'expected name');
        }
        this.pos++;
        if (optional) chained = true;
        if (this.isOp('(')) {
          this.pos++;
          const args: Node[] = [];
          while (!this.isOp(')')) {
            if (args.length > 0) {
              this.expectOp(',');
              if (this.isOp(')')) break;
            }
            args.push(this.expression(0));
          }
          this.expectOp(')');
          node = { k: 'method', pos: name.pos, object: node, name: name.value, args, optional };
        } else {
          node = {
            k: 'member',
            pos: name.pos,
            object: node,
            property: { k: 'lit', pos: name.pos, value: name.value },
            optional,
            name: name.value,
          };
        }
        continue;
      }
      if (this.isOp('[')) {
        node = this.index(node, false);
        continue;
      }
      break;
    }
    return chained ? { k: 'chain', pos: start.pos, node } : node;
  }

  private index(object: Node, optional: boolean): Node {
    const open = this.expectOp('[');
    if (this.isOp(':')) {
      this.pos++;
      const to = this.isOp(']') ? undefined : this.expression(0);
      this.expectOp(']');
      return { k: 'slice', pos: open.pos, object, to };
    }
    const from = this.expression(0);
    if (this.isOp(':')) {
      this.pos++;
      const to = this.isOp(']') ? undefined : this.expression(0);
      this.expectOp(']');
      return { k: 'slice', pos: open.pos, object, from, to };
    }
    this.expectOp(']');
    return { k: 'member', pos: open.pos, object, property: from, optional };
  }
}

/** The child nodes of a node, for walks that must not recurse. */
export function children(n: Node): Node[] {
  switch (n.k) {
    case 'lit':
    case 'ident':
    case 'pointer':
      return [];
    case 'array':
      return n.items;
    case 'map':
      return n.entries.flatMap((e) => [e.key, e.value]);
    case 'member':
      return [n.object, n.property];
    case 'slice':
      return [n.object, ...(n.from ? [n.from] : []), ...(n.to ? [n.to] : [])];
    case 'call':
      return n.args;
    case 'method':
      return [n.object, ...n.args];
    case 'closure':
      return [n.body];
    case 'unary':
      return [n.operand];
    case 'binary':
      return [n.left, n.right];
    case 'cond':
      return [n.test, n.then, n.else];
    case 'chain':
      return [n.node];
    case 'let':
      return [n.value, n.body];
  }
}

/** Parse `source` into a syntax tree; throws ExprError with the position of the problem. */
export function parse(source: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Node {
  if (source.length > limits.maxSourceLength) {
    throw new ExprError(`expression is too long (limit ${limits.maxSourceLength} characters)`);
  }
  const root = new Parser(source, limits).parse();
  // Left-associative chains are built in a loop, so check the tree's depth without recursion.
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Node, number];
    if (depth > limits.maxDepth) {
      throw exprErrorAt(source, node.pos, `expression nests too deeply (limit ${limits.maxDepth})`);
    }
    for (const c of children(node)) stack.push([c, depth + 1]);
  }
  return root;
}
