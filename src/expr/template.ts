/**
 * Kargo's expression templates: strings with `${{ expr }}` (or `${% expr %}`) inside, as found in
 * promotion step configuration.
 *
 * Rendering follows Kargo (pkg/expressions/json_templates.go):
 * 1. A string without any opening delimiter is returned untouched (`"42"` stays a string).
 * 2. Each expression is evaluated; a string result is inserted as is, anything else as Go's
 *    JSON encoding of it (`42`, `true`, `null`, `{"a":1}`). Text between expressions is kept.
 *    An expression ends at the first closing delimiter, even inside a string literal: use
 *    `${% … %}` to write `}}` (Kargo's `'{{.domain}}'` case).
 * 3. The rendered text, less one trailing newline (YAML `|` blocks end with one), is then typed:
 *    if it is wrapped in double quotes (what `quote()`, `unsafeQuote()`, `asYAML()` and
 *    `asJSON()` produce) the quotes are stripped and the result is a string; otherwise a Go
 *    float, then a Go bool (`true`, `T`, `1` is taken by the float rule first…), then any JSON
 *    value; otherwise the text (with its newline back) is the string result.
 *
 * So `"${{ anInt }}"` is the number 42, `"${{ quote(anInt) }}"` the string "42",
 * `"${{ \"null\" }}"` JSON null, and `"${{ aString }}, world!"` the string "hello, world!".
 */
import { stringify as yamlStringify } from 'yaml';
import { parseGoFloat } from './builtins.js';
import { ExprError } from './errors.js';
import { compileExpr } from './compile.js';
import type { EvalOptions, ExprEnv } from './evaluator.js';
import { expectArgs, type ExprFunction, type ExprFunctions } from './functions.js';
import { marshalJSON, toPlain } from './values.js';

const DELIMITERS = [
  { open: '${{', close: '}}' },
  { open: '${%', close: '%}' },
] as const;

/** Names that templates reserve for their own functions; an environment may not use them. */
export const RESERVED_TEMPLATE_NAMES = ['quote', 'asYAML', 'asJSON'] as const;

function quoteFn(args: readonly unknown[]): string {
  const [v] = expectArgs('quote', args, ['any']);
  // Strings keep their text exactly (see the deviation note in the report); other values are
  // written as JSON, like unsafeQuote.
  return typeof v === 'string' ? `"${v}"` : unsafeQuoteFn(args);
}

function unsafeQuoteFn(args: readonly unknown[]): string {
  const [v] = expectArgs('unsafeQuote', args, ['any']);
  return `"${marshalJSON(v)}"`;
}

const asYAMLFn: ExprFunction = (args, ctx) => {
  const [v] = expectArgs('asYAML', args, ['any']);
  // yaml.v3's defaults: four-space indentation, sorted map keys, no line folding.
  const text = yamlStringify(toPlain(v), {
    indent: 4,
    indentSeq: true,
    sortMapEntries: true,
    lineWidth: 0,
  });
  ctx.checkString(text.length);
  return `"${text}"`;
};

const asJSONFn: ExprFunction = (args, ctx) => {
  const [v] = expectArgs('asJSON', args, ['any']);
  const text = marshalJSON(v, '  ');
  ctx.checkString(text.length);
  return `"${text}\n"`;
};

const TEMPLATE_FUNCTIONS: ExprFunctions = {
  quote: quoteFn,
  unsafeQuote: unsafeQuoteFn,
  asYAML: asYAMLFn,
  asJSON: asJSONFn,
};

function checkReservedKeys(env: ExprEnv): void {
  for (const name of RESERVED_TEMPLATE_NAMES) {
    const present = env instanceof Map ? env.has(name) : Object.hasOwn(env, name);
    if (present) {
      throw new ExprError(
        `${JSON.stringify(name)} is a forbidden key in the environment map; it is reserved for internal use`,
      );
    }
  }
}

/** Does `template` contain an opening delimiter (and so need evaluating at all)? */
export function hasExpression(template: string): boolean {
  return DELIMITERS.some((d) => template.includes(d.open));
}

const GO_BOOLS: Readonly<Record<string, boolean>> = {
  '1': true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  '0': false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false,
};

/** Go's strconv.ParseBool; undefined when the text is not a bool. */
export function parseGoBool(text: string): boolean | undefined {
  return Object.hasOwn(GO_BOOLS, text) ? GO_BOOLS[text] : undefined;
}

/** Evaluate every expression of `template` and concatenate (step 2 above). */
function renderText(template: string, env: ExprEnv, opts: EvalOptions): string {
  let out = '';
  let rest = template;
  for (;;) {
    let best: { at: number; open: string; close: string } | undefined;
    for (const d of DELIMITERS) {
      const at = rest.indexOf(d.open);
      if (at >= 0 && (!best || at < best.at)) best = { at, open: d.open, close: d.close };
    }
    if (!best) return out + rest;
    out += rest.slice(0, best.at);
    const start = best.at + best.open.length;
    const end = rest.indexOf(best.close, start);
    if (end < 0) {
      throw new ExprError(
        `unclosed expression: expected ${JSON.stringify(best.close)} but reached end of template`,
      );
    }
    const source = rest.slice(start, end);
    let value: unknown;
    try {
      value = compileExpr(source).evaluate(env, opts);
    } catch (err) {
      // Name the expression: a config holds many, and the position alone does not say which.
      if (!(err instanceof ExprError)) throw err;
      const shown = source.trim();
      throw new ExprError(
        `${err.message} in \${{ ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown} }}`,
        0,
        0,
        { cause: err },
      );
    }
    let text: string;
    if (typeof value === 'string') text = value;
    else {
      try {
        text = marshalJSON(value);
      } catch (err) {
        throw new ExprError(
          `${(err as Error).message} (in ${JSON.stringify(source.trim())})`,
          0,
          0,
          {
            cause: err,
          },
        );
      }
    }
    out += text;
    const limit = opts.limits?.maxStringLength ?? 1_000_000;
    if (out.length > limit) {
      throw new ExprError(`rendered template exceeds the limit of ${limit} characters`);
    }
    rest = rest.slice(end + best.close.length);
  }
}

/**
 * Render one template string the way Kargo does (see the module comment): the typed result of a
 * template that is a single expression, or the string of a mixed one. Strings without `${{` or
 * `${%` are returned as they are. Throws ExprError.
 */
export function renderTemplate(template: string, env: ExprEnv, opts: EvalOptions = {}): unknown {
  checkReservedKeys(env);
  if (!hasExpression(template)) return template;
  const functions = { ...opts.functions, ...TEMPLATE_FUNCTIONS };
  let result = renderText(template, env, { ...opts, functions });
  const hadNewline = result.endsWith('\n');
  if (hadNewline) result = result.slice(0, -1);
  if (result.length > 1 && result.startsWith('"') && result.endsWith('"')) {
    return result.slice(1, -1) + (hadNewline ? '\n' : '');
  }
  const num = parseGoFloat(result);
  if (num !== undefined) return num;
  const bool = parseGoBool(result);
  if (bool !== undefined) return bool;
  try {
    return JSON.parse(result) as unknown;
  } catch {
    return result + (hadNewline ? '\n' : '');
  }
}

/** Render every string leaf of a JSON value (map keys are left alone), returning a new value. */
export function renderTemplates(value: unknown, env: ExprEnv, opts: EvalOptions = {}): unknown {
  checkReservedKeys(env);
  const walk = (v: unknown, depth: number, path: string): unknown => {
    if (depth > 100) throw new ExprError('template nests more than 100 levels deep');
    if (typeof v === 'string') {
      try {
        return renderTemplate(v, env, opts);
      } catch (err) {
        // Say which field: `updates[0].value: …`.
        if (!(err instanceof ExprError) || path === '') throw err;
        throw new ExprError(`${path}: ${err.message}`, 0, 0, { cause: err });
      }
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, depth + 1, `${path}[${i}]`));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const field = /^[A-Za-z_$][\w$-]*$/.test(k) ? k : JSON.stringify(k);
        Object.defineProperty(out, k, {
          value: walk(x, depth + 1, path === '' ? field : `${path}.${field}`),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return v;
  };
  return walk(value, 0, '');
}

/**
 * Kargo's EvaluateJSONTemplate: parse `jsonText` (expressions must sit inside JSON strings), then
 * render every string value. Returns the resulting value.
 */
export function evaluateJSONTemplate(
  jsonText: string,
  env: ExprEnv,
  opts: EvalOptions = {},
): unknown {
  checkReservedKeys(env);
  let parsed: unknown;
  try {
    parsed = JSON.parse(jsonText);
  } catch (err) {
    throw new ExprError(
      `input is not valid JSON; are all expressions enclosed in quotes? ${(err as Error).message}`,
      0,
      0,
      { cause: err },
    );
  }
  return renderTemplates(parsed, env, opts);
}
