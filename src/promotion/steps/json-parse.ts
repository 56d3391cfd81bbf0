/**
 * Kargo's `json-parse` step: reads a JSON file and makes outputs from it, each an expr-lang
 * expression over the document (see parse-outputs.ts).
 */
import { parseDocument } from 'yaml';
import { ConfigError } from '../../util/errors.js';
import { parseStep } from './parse-outputs.js';
import type { StepDefinition } from './types.js';

const STEP = 'json-parse';

/** `text` parsed; an error names the file and, when JSON.parse gives a position, line and column. */
export function parseJsonFile(step: string, rel: string, text: string): unknown {
  if (text.trim() === '') {
    throw new ConfigError(`${step}: path ${JSON.stringify(rel)}: the file is empty`);
  }
  const body = text.replace(/^\uFEFF/, '');
  try {
    // A byte-order mark is not JSON, but editors write one.
    return JSON.parse(body) as unknown;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const reason = /^(Unexpected [^,"]+?|[^"\n]+?)(?: in JSON at position \d+)?(?:$|[,"\n])/
      .exec(message)?.[1]
      ?.trim();
    let where = rel;
    const pos = /at position (\d+)/.exec(message)?.[1];
    if (pos !== undefined) {
      const lines = body.slice(0, Number(pos)).split('\n');
      where = `${rel}:${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}`;
    } else {
      // Node 20 does not always say where; the YAML parser (JSON is YAML 1.2) often does.
      const at = parseDocument(body, { version: '1.2' }).errors[0]?.linePos?.[0];
      if (at) where = `${rel}:${at.line}:${at.col}`;
    }
    throw new ConfigError(`${step}: ${where}: not valid JSON: ${reason ?? message}`);
  }
}

export const jsonParse: StepDefinition = parseStep(STEP, 'JSON', parseJsonFile);
