/**
 * The interpreter must fail safely on hostile input: no way out of the data it is given, no
 * mutation of the environment, bounded time and memory, clear errors.
 */
import { describe, expect, it } from 'vitest';
import { compileExpr, evaluate, ExprError, renderTemplate } from '../../../src/expr/index.js';
// re2js, as the commands that run expressions and patterns load it (util/regex.ts).
import '../../../src/util/regex.js';

function fails(src: string, env: Record<string, unknown> = {}, opts = {}): ExprError {
  try {
    evaluate(src, env, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(ExprError);
    return e as ExprError;
  }
  throw new Error(`expected ${src} to fail`);
}

describe('prototype and host access', () => {
  const env = { obj: { a: 1 }, list: [1, 2], s: 'text', fn: () => 'called' };
  it.each([
    'constructor',
    '__proto__',
    'prototype',
    'obj.constructor',
    'obj.__proto__',
    "obj['__proto__']",
    "obj['constructor']",
    'obj.prototype',
    'obj?.constructor',
    "obj['construct' + 'or']",
    'list.constructor',
    "list['constructor']",
    'list.length',
    "'a'.constructor",
    's.length',
    'obj.toString()',
    'obj.hasOwnProperty("a")',
    'list.map',
    's.constructor.constructor("return 1")()',
    'obj.constructor.constructor',
    "$env['constructor']",
    '$env.__proto__',
    'toString()',
    'valueOf()',
    'hasOwnProperty("x")',
    'fn',
    'fn()',
  ])('%s fails with an ExprError', (src) => {
    fails(src, env);
  });

  it('inherited properties read as missing', () => {
    const proto = { secret: 's3cr3t' };
    const child = Object.create(proto) as Record<string, unknown>;
    child.own = 'ok';
    // A class instance is opaque; a plain object only shows its own data properties.
    expect(() => evaluate('x.own', { x: child })).toThrow(ExprError);
    expect(evaluate('x.toString', { x: { a: 1 } })).toBeNull();
    expect(evaluate("'toString' in x", { x: { a: 1 } })).toBe(false);
  });

  it('getters are never run', () => {
    let ran = false;
    const obj = {
      get g() {
        ran = true;
        return 1;
      },
    };
    expect(evaluate('o.g', { o: obj })).toBeNull();
    expect(ran).toBe(false);
  });

  it('non-enumerable properties are invisible', () => {
    const obj = {};
    Object.defineProperty(obj, 'hidden', { value: 1, enumerable: false });
    expect(evaluate('o.hidden', { o: obj })).toBeNull();
    expect(evaluate('keys(o)', { o: obj })).toEqual([]);
  });

  it('map literals with dangerous keys stay plain data', () => {
    const out = evaluate("{'__proto__': {polluted: true}}", {}) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
  });

  it('fromJSON with __proto__ does not pollute', () => {
    evaluate('fromJSON(\'{"__proto__": {"polluted": 1}}\')', {});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('unknown function names never reach Object.prototype', () => {
    expect(fails('constructor()').message).toContain('unknown function constructor()');
    expect(fails('__proto__()').message).toContain('unknown function');
  });
});

describe('the environment is never mutated', () => {
  it('sort, reverse, filter, slices and templates leave inputs alone', () => {
    const env = {
      list: [3, 1, 2],
      m: { b: 2, a: 1, nested: { x: [1] } },
      users: [{ n: 'b' }, { n: 'a' }],
    };
    const snapshot = structuredClone(env);
    Object.freeze(env.list);
    Object.freeze(env.m);
    evaluate('sort(list)', env);
    evaluate("sort(list, 'desc')", env);
    evaluate('reverse(list)', env);
    evaluate('sortBy(users, .n)', env);
    evaluate('list[1:] + [4]', env);
    evaluate('map(list, # * 2)', env);
    evaluate('toJSON(m)', env);
    renderTemplate('${{ m }}', env);
    renderTemplate('${{ quote(m) }}', env);
    expect(env).toEqual(snapshot);
  });

  it('template results are fresh values, not the environment objects', () => {
    const env = { m: { a: [1] } };
    const out = renderTemplate('${{ m }}', env) as { a: number[] };
    expect(out).toEqual(env.m);
    expect(out).not.toBe(env.m);
    out.a.push(2);
    expect(env.m.a).toEqual([1]);
  });
});

describe('bounded work', () => {
  it('a huge range is refused before it is built', () => {
    expect(fails('1..100000000').message).toContain('exceed the limit');
  });

  it('a huge repeat is refused before it is built', () => {
    expect(fails("repeat('x', 1000000000)").message).toContain('exceeds the limit');
  });

  it('string doubling runs into the string limit', () => {
    // Each step doubles the previous string: 1000 · 2^12 characters is past the 1M limit.
    const doubling = ["let s0 = repeat('x', 1000);"];
    for (let i = 1; i <= 12; i++) doubling.push(`let s${i} = s${i - 1} + s${i - 1};`);
    doubling.push('len(s12)');
    expect(fails(doubling.join(' ')).message).toContain('exceeds the limit');
  });

  it('the step budget stops long computations', () => {
    expect(fails('map(1..90000, map(1..90000, #))').message).toContain('exceeded its budget');
    expect(fails('filter(1..90000, # > 0) | len()').message).toContain('exceeded its budget');
    expect(fails('len(1..10)', {}, { limits: { maxSteps: 5 } }).message).toContain(
      'budget of 5 steps',
    );
  });

  it('nested predicates cannot multiply past the budget', () => {
    const err = fails('count(1..1000, any(1..1000, all(1..1000, # > 0)))');
    expect(err.message).toContain('exceeded its budget');
  });

  it('deep nesting is a parse error, not a stack overflow', () => {
    expect(() => compileExpr('('.repeat(5000) + '1' + ')'.repeat(5000))).toThrow(
      'nests too deeply',
    );
    expect(() => compileExpr('!'.repeat(5000) + 'true')).toThrow('nests too deeply');
    expect(() => compileExpr('['.repeat(5000) + ']'.repeat(5000))).toThrow('nests too deeply');
    expect(() => compileExpr(Array.from({ length: 5000 }, () => '1').join(' + '))).toThrow(
      'nests too deeply',
    );
    expect(() => compileExpr('a' + '.b'.repeat(5000))).toThrow('nests too deeply');
    expect(() => compileExpr('2' + ' ** 2'.repeat(5000))).toThrow('nests too deeply');
  });

  it('over-long sources are refused', () => {
    expect(() => compileExpr(`'${'x'.repeat(100_000)}'`)).toThrow('too long');
  });

  it('cyclic environment values fail cleanly', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(fails('toJSON(a)', { a }).message).toContain('nests more than');
    const b: Record<string, unknown> = { name: 'a' };
    b.self = b;
    expect(evaluate('a == a.self.self', { a })).toBe(true);
    expect(fails('a == b', { a, b }).message).toContain('nests more than');
    expect(fails('string(a)', { a }).message).toContain('nests more than');
  });

  it('shared sub-values cannot make a walk exponential', () => {
    const dag = (): unknown => {
      let v: unknown = [1];
      for (let i = 0; i < 40; i++) v = [v, v];
      return v;
    };
    const v = dag();
    expect(fails('toJSON(v)', { v }).message).toContain('more than 200000 parts');
    expect(fails('v == w', { v, w: dag() }).message).toContain('parts');
    expect(fails('string(v)', { v }).message).toContain('parts');
  });

  it('matches is RE2: a pattern that explodes a backtracking engine answers at once', () => {
    const s = `${'a'.repeat(100_000)}!`;
    const started = performance.now();
    expect(evaluate('s matches "^(a+)+$"', { s })).toBe(false);
    expect(evaluate('s matches p', { s, p: '^(a|aa)*$' })).toBe(false);
    expect(evaluate('s matches "^(a+)+!$"', { s })).toBe(true);
    // A backtracking engine needs minutes for 30 a's.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(fails('"a" matches "(?=a)"').message).toContain(
      'error compiling regular expression "(?=a)": error parsing regexp: invalid or unsupported Perl syntax: `(?=`',
    );
  });

  it('matches charges for its subject, so a loop of matches meets the budget', () => {
    const s = 'x'.repeat(1_000_000);
    expect(fails('any(1..1000, {s matches "y"})', { s }).message).toContain('exceeded its budget');
  });

  it('string indexing, slicing, == and contains charge for what they walk', () => {
    const s = 'x'.repeat(1_000_000);
    const list = Array.from({ length: 100_000 }, (_, i) => i);
    const copy = [...list];
    for (const src of [
      'all(1..1000, {s[0] == "x"})',
      'all(1..1000, {len(s[1:]) > 0})',
      'all(1..1000, {list == copy})',
      'any(1..1000, {s contains "y"})',
    ]) {
      expect(fails(src, { s, list, copy }).message).toContain('exceeded its budget');
    }
  });

  it('functions over user text that used backtracking regexes are linear', () => {
    const started = performance.now();
    // trim's /[\s]+$/ was quadratic in a run of inner spaces; float's pattern too in digits.
    expect(evaluate('len(trim(s))', { s: `a${' '.repeat(200_000)}a` })).toBe(200_002);
    expect(fails('float(s)', { s: `${'1'.repeat(200_000)}x` }).message).toContain('ParseFloat');
    // Go layouts of one-or-two-digit fields split a long run of digits exponentially many ways.
    expect(fails('date(v, l)', { v: `${'1'.repeat(60)}x`, l: '1'.repeat(32) }).message).toContain(
      'cannot parse',
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(evaluate('trim(s)', { s: '\u0085 \t a b \u3000' })).toBe('a b');
    expect(evaluate('float("1.5e3") + float(".5") + float("2.")', {})).toBe(1502.5);
  });

  it('an interrupt ends an evaluation that is still running', () => {
    let polls = 0;
    const err = fails(
      'map(1..50000, # + 1) | len()',
      {},
      {
        interrupt: () => (++polls >= 3 ? 'time is up' : undefined),
      },
    );
    expect(err.message).toContain('time is up');
    expect(polls).toBe(3);
    expect(evaluate('len(map(1..5000, # + 1))', {}, { interrupt: () => undefined })).toBe(5000);
  });

  it('template output is bounded too', () => {
    expect(() =>
      renderTemplate("${{ repeat('x', 600000) }}${{ repeat('y', 600000) }}", {}),
    ).toThrow('exceeds the limit');
  });
});
