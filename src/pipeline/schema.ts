/**
 * JSON-schema validation of a project file (schema/project.schema.json, draft-07 so that
 * yaml-language-server reads it too) and the translation of ajv's errors into problems that say
 * where and what to do. Two non-standard annotations from VS Code's JSON language service are
 * honoured: `errorMessage` and `patternErrorMessage`.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schema/project.schema.json' with { type: 'json' };
import { validate as projectValidator } from './generated/project-validator.js';
import type { Problem } from '../util/errors.js';
import { didYouMean, suggest } from '../util/suggest.js';
import {
  pointerToSegments,
  problemAt,
  type Anchor,
  type PathSegment,
  type SourceFile,
} from './source.js';

export const projectSchema = schema;

/**
 * The schema compiled ahead of time (scripts/gen-validators.ts, with every error, the failing
 * data and schema, strict): compiling it here cost each command ~100 ms before its first read.
 */
const validator = (): ValidateFunction => projectValidator;

type SchemaNode = Record<string, unknown>;

function asSchemaNode(value: unknown): SchemaNode | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as SchemaNode)
    : undefined;
}

function stringProp(node: SchemaNode | undefined, key: string): string | undefined {
  const v = node?.[key];
  return typeof v === 'string' ? v : undefined;
}

function numberProp(node: SchemaNode | undefined, key: string): number | undefined {
  const v = node?.[key];
  return typeof v === 'number' ? v : undefined;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  null: 'nothing',
};

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
}

function typeMessage(err: ErrorObject): string {
  const expected = String(err.params.type ?? '')
    .split(',')
    .map((t) => TYPE_NAMES[t] ?? t)
    .join(' or ');
  const data: unknown = err.data;
  let hint = '';
  if (err.params.type === 'boolean' && typeof data === 'string') {
    hint = /^(y|yes|on|true)$/i.test(data)
      ? ' (write true)'
      : /^(n|no|off|false)$/i.test(data)
        ? ' (write false)'
        : '';
  } else if (
    err.params.type === 'string' &&
    (typeof data === 'number' || typeof data === 'boolean')
  ) {
    hint = ` (quote it: "${String(data)}")`;
  } else if (err.params.type === 'integer' && typeof data === 'string' && /^\d+$/.test(data)) {
    hint = ' (remove the quotes)';
  } else if (err.params.type === 'integer' && typeof data === 'number') {
    return `expected an integer, got ${data}`;
  }
  return `expected ${expected}, got ${describeValue(data)}${hint}`;
}

function allowedKeys(parentSchema: SchemaNode | undefined): string[] {
  const props = asSchemaNode(parentSchema?.properties);
  if (!props) return [];
  return Object.keys(props).filter(
    (k) => k !== '$schema' && asSchemaNode(props[k])?.deprecated !== true,
  );
}

interface Mapped {
  segments: PathSegment[];
  anchor: Anchor;
  message: string;
}

function mapError(err: ErrorObject, data: unknown): Mapped | undefined {
  const segments = pointerToSegments(err.instancePath, data);
  const parent = asSchemaNode(err.parentSchema);
  const custom = stringProp(parent, 'errorMessage');
  const at = (message: string, anchor: Anchor = 'value'): Mapped => ({ segments, anchor, message });

  switch (err.keyword) {
    case 'if':
      return undefined; // the failing then/else branch reports it
    case 'additionalProperties': {
      const name = String(err.params.additionalProperty);
      const candidates = allowedKeys(parent);
      const hint = didYouMean(name, candidates);
      const list = !hint && candidates.length ? ` (allowed: ${candidates.join(', ')})` : '';
      return {
        segments: [...segments, name],
        anchor: 'key',
        message: `unknown field ${JSON.stringify(name)}${hint}${list}`,
      };
    }
    case 'required': {
      if (custom) return at(custom);
      if (segments.length === 0 && (data === null || typeof data !== 'object')) {
        return at('a project file must be a mapping with project, warehouses and stages');
      }
      return at(`missing required field ${JSON.stringify(String(err.params.missingProperty))}`);
    }
    case 'type':
      if (segments.length === 0) {
        return at(
          `a project file must be a mapping with project, warehouses and stages, found ${describeValue(err.data)}`,
        );
      }
      return at(typeMessage(err));
    case 'enum': {
      const allowed = (err.params.allowedValues as unknown[]).map((v) => String(v));
      const hint = typeof err.data === 'string' ? didYouMean(err.data, allowed) : '';
      const one = allowed.length === 1;
      return at(
        `invalid value ${quote(err.data)}: must be ${one ? '' : 'one of '}${allowed.join(', ')}${hint}`,
      );
    }
    case 'const':
      return at(`invalid value ${quote(err.data)}: must be ${quote(err.params.allowedValue)}`);
    case 'pattern': {
      const msg =
        stringProp(parent, 'patternErrorMessage') ??
        custom ??
        `must match the pattern ${String(err.params.pattern)}`;
      return at(`invalid value ${quote(err.data)}: ${msg}`);
    }
    case 'minLength': {
      const limit = Number(err.params.limit);
      return at(limit === 1 ? 'must not be empty' : `must be at least ${limit} characters long`);
    }
    case 'maxLength':
      return at(
        `must be at most ${String(err.params.limit)} characters long (this is ${String(err.data).length})`,
      );
    case 'minItems': {
      const limit = Number(err.params.limit);
      return at(
        limit === 1 ? 'must have at least one entry' : `must have at least ${limit} entries`,
      );
    }
    case 'maxItems':
      return at(`must have at most ${String(err.params.limit)} entries`);
    case 'uniqueItems':
      return at(
        `has duplicate entries (items ${String(err.params.j)} and ${String(err.params.i)} are the same)`,
      );
    case 'minimum':
    case 'maximum': {
      const min = numberProp(parent, 'minimum');
      const max = numberProp(parent, 'maximum');
      const range =
        min !== undefined && max !== undefined
          ? `must be between ${min} and ${max}`
          : err.keyword === 'minimum'
            ? `must be at least ${String(min)}`
            : `must be at most ${String(max)}`;
      return at(`${range}, got ${String(err.data)}`);
    }
    case 'not':
    case 'false schema':
      return at(custom ?? 'this field is not allowed here', 'key');
    case 'minProperties':
    case 'maxProperties':
    case 'oneOf':
    case 'anyOf':
      return at(
        custom ??
          (err.keyword === 'oneOf' || err.keyword === 'anyOf'
            ? 'does not match any of the allowed forms'
            : (err.message ?? 'invalid')),
      );
    default:
      return at(custom ?? err.message ?? `failed ${err.keyword}`);
  }
}

/**
 * ajv reports every branch of a oneOf/anyOf that failed, which reads as noise ("must be object",
 * "must have required property", "must match exactly one schema"…). Keep the oneOf/anyOf error
 * itself (it carries the useful errorMessage) and drop what its branches said.
 */
function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  if (!alternatives.length) return [...errors];
  return errors.filter(
    (e) =>
      !alternatives.some(
        (alt) =>
          alt !== e &&
          e.schemaPath.startsWith(`${alt.schemaPath}/`) &&
          e.instancePath.startsWith(alt.instancePath),
      ),
  );
}

/** Problems from validating `data` (the document as plain JS) against the project schema. */
export function schemaProblems(src: SourceFile, data: unknown): Problem[] {
  return validationProblems(src, data, validator());
}

/**
 * Problems from validating `data`, found at `base` in the file, with `validate` (any ajv
 * validator compiled with `allErrors` and `verbose`). `ignore` drops errors about a part of the
 * data (by JSON pointer) that cannot be judged yet, such as a string that is an expression.
 */
export function validationProblems(
  src: SourceFile,
  data: unknown,
  validate: ValidateFunction,
  base: readonly PathSegment[] = [],
  ignore: (err: ErrorObject) => boolean = () => false,
): Problem[] {
  if (validate(data)) return [];
  const problems: Problem[] = [];
  // Several missing fields of one object make one problem: `missing required fields "a", "b"`.
  const missing = new Map<string, string[]>();
  const errors = collapseAlternatives((validate.errors ?? []).filter((e) => !ignore(e)));
  // A misspelt required field is reported once, as the unknown field with its suggestion, not
  // a second time as missing.
  const suggested = new Set<string>();
  for (const err of errors) {
    if (err.keyword !== 'additionalProperties') continue;
    const hint = suggest(
      String(err.params.additionalProperty),
      allowedKeys(asSchemaNode(err.parentSchema)),
    );
    if (hint) suggested.add(`${err.instancePath}\0${hint}`);
  }
  for (const err of errors) {
    const plain =
      err.keyword === 'required' && !stringProp(asSchemaNode(err.parentSchema), 'errorMessage');
    if (plain && suggested.has(`${err.instancePath}\0${String(err.params.missingProperty)}`))
      continue;
    if (plain && data !== null && typeof data === 'object') {
      const list = missing.get(err.instancePath) ?? [];
      list.push(JSON.stringify(String(err.params.missingProperty)));
      missing.set(err.instancePath, list);
      continue;
    }
    const mapped = mapError(err, data);
    if (mapped) {
      problems.push(problemAt(src, [...base, ...mapped.segments], mapped.message, mapped.anchor));
    }
  }
  for (const [pointer, fields] of missing) {
    const message = `missing required field${fields.length > 1 ? 's' : ''} ${fields.join(', ')}`;
    problems.push(problemAt(src, [...base, ...pointerToSegments(pointer, data)], message));
  }
  return problems;
}
