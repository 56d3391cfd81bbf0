import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import {
  ANNOTATIONS,
  KARGO_OPTIONS,
  kargoSchemas,
  PROJECT_OPTIONS,
  validatorFiles,
} from '../../../scripts/gen-validators.js';
import schema from '../../../schema/project.schema.json' with { type: 'json' };
import { KARGO_VALIDATORS } from '../../../src/pipeline/generated/kargo-validators.js';
import { validate as generated } from '../../../src/pipeline/generated/project-validator.js';

const root = join(import.meta.dirname, '..', '..', '..');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The document with the value at `path` replaced (or removed, with `undefined`). */
function edit(doc: Json, path: (string | number)[], value: Json | undefined): Json {
  if (!path.length) return value === undefined ? null : value;
  const [head, ...rest] = path;
  if (Array.isArray(doc)) {
    const out = [...doc];
    if (value === undefined && !rest.length) out.splice(head as number, 1);
    else out[head as number] = edit(out[head as number] as Json, rest, value);
    return out;
  }
  const obj = doc as Record<string, Json>;
  if (value === undefined && !rest.length)
    return Object.fromEntries(Object.entries(obj).filter(([k]) => k !== head));
  return { ...obj, [head as string]: edit(obj[head as string] as Json, rest, value) };
}

/** Every path in the document. */
function paths(doc: Json, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(doc)) doc.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (doc && typeof doc === 'object')
    for (const [k, v] of Object.entries(doc)) out.push(...paths(v, [...at, k]));
  return out;
}

/** Broken copies of `doc`: each value replaced by wrong ones, each key removed, one key added. */
function mutations(doc: Json): Json[] {
  const wrong: Json[] = [
    7,
    1.5,
    -1,
    'x',
    '',
    'Bad Name!',
    'y'.repeat(300),
    '😀'.repeat(40),
    true,
    null,
    [],
    [1],
    {},
  ];
  const out: Json[] = [];
  for (const p of paths(doc)) {
    for (const w of wrong) out.push(edit(doc, p, w));
    if (p.length) out.push(edit(doc, p, undefined));
    out.push(edit(doc, [...p, 'unknownField'], 'x'));
  }
  return out;
}

/** What the messages read from an error (schemaPath and the rest, the data, the schema's text). */
const view = (errors: readonly ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => ({
    ...e,
    schema: JSON.stringify(e.schema),
    parentSchema: JSON.stringify(e.parentSchema),
  }));

describe('the precompiled project-file validator', () => {
  it('is what scripts/gen-validators.ts generates (run it after changing the schema)', () => {
    for (const [file, text] of validatorFiles()) {
      // Compared whole, reported short: the file is one long line of generated code.
      const current = readFileSync(join(root, file), 'utf8') === text;
      expect(current, `${file} is stale: node --import tsx scripts/gen-validators.ts`).toBe(true);
    }
  });

  it('reports the same errors as the schema compiled at run time, on thousands of broken files', () => {
    const ajv = new Ajv(PROJECT_OPTIONS);
    ajv.addVocabulary(ANNOTATIONS);
    const compiled = ajv.compile(schema);
    const files = [
      'test/fixtures/pipeline/repo/.gantry/echo.yaml',
      'test/fixtures/pipeline/repo/.gantry/web.yml',
    ];
    let checked = 0;
    let failing = 0;
    for (const file of files) {
      const doc = parse(readFileSync(join(root, file), 'utf8')) as Json;
      for (const data of [doc, ...mutations(doc)]) {
        const a = compiled(data);
        const b = generated(data);
        expect(b).toBe(a);
        expect(view(generated.errors)).toEqual(view(compiled.errors));
        checked++;
        if (!a) failing++;
      }
    }
    // The mutations reach the schema's many kinds of error, not one.
    expect(checked).toBeGreaterThan(1000);
    expect(failing).toBeGreaterThan(checked / 2);
  });

  it('reads Kargo manifests as the schemas compiled at run time do, broken ones too', () => {
    const ajv = new Ajv(KARGO_OPTIONS);
    const schemas = kargoSchemas();
    const compiled = Object.fromEntries(
      Object.entries(schemas).map(([k, schema]) => [k, ajv.compile(schema)]),
    );
    const dir = join(root, 'test', 'fixtures', 'kargo');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.yaml'),
    );
    let checked = 0;
    for (const file of files) {
      for (const d of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
        const doc = d.toJS() as Json;
        const kind = file.includes('.gantry/')
          ? 'gantry-file'
          : doc && typeof doc === 'object' && !Array.isArray(doc) && String(doc.kind) in schemas
            ? String(doc.kind)
            : 'any';
        const a = compiled[kind]!;
        const b = KARGO_VALIDATORS[kind]!;
        for (const data of [doc, ...mutations(doc)].slice(0, 120)) {
          expect(b(data)).toBe(a(data));
          expect(view(b.errors)).toEqual(view(a.errors));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1500);
    expect(Object.keys(KARGO_VALIDATORS).sort()).toEqual(Object.keys(schemas).sort());
  });
});
