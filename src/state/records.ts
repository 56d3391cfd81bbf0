import { OperationError } from '../util/errors.js';

/**
 * Verification and approval records are annotated tags whose message is a subject line and a JSON
 * body: readable with `git tag -n` / `git show`, and parsed thousands at a time in milliseconds.
 */

export interface VerificationRecord {
  project: string;
  stage: string;
  freightId: string;
  alias: string;
  verifiedAt: string;
  /** The run or person that verified it. */
  verifiedBy: string;
  run?: string;
  /** One line per metric, for people reading the tag. */
  summary?: string[];
  /** The promotion commit that was verified. */
  commit?: string;
}

export interface ApprovalRecord {
  project: string;
  stage: string;
  freightId: string;
  alias: string;
  approvedAt: string;
  approvedBy: string;
  reason?: string;
}

export function serializeVerification(r: VerificationRecord): string {
  return `verified ${r.alias} in ${r.stage}\n\n${JSON.stringify(r, null, 2)}\n`;
}

export function serializeApproval(r: ApprovalRecord): string {
  return `approved ${r.alias} for ${r.stage}\n\n${JSON.stringify(r, null, 2)}\n`;
}

/** Splits `subject\n\n{json}` and parses the JSON, naming the tag when it cannot. */
export function parseTagBody(message: string, where: string): Record<string, unknown> {
  const start = message.indexOf('\n{');
  if (start < 0)
    throw new OperationError(
      `unreadable tag ${where}: its message has no JSON document after the subject line`,
    );
  let value: unknown;
  try {
    value = JSON.parse(message.slice(start + 1));
  } catch (err) {
    throw new OperationError(`unreadable tag ${where}: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OperationError(`unreadable tag ${where}: the document is not an object`);
  }
  return value as Record<string, unknown>;
}

function str(
  doc: Record<string, unknown>,
  key: string,
  where: string,
  optional = false,
): string | undefined {
  const v = doc[key];
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string' || !v)
    throw new OperationError(`unreadable tag ${where}: field "${key}" must be a non-empty string`);
  return v;
}

export function parseVerification(message: string, where: string): VerificationRecord {
  const d = parseTagBody(message, where);
  const summary = d.summary;
  if (
    summary !== undefined &&
    !(Array.isArray(summary) && summary.every((s) => typeof s === 'string'))
  ) {
    throw new OperationError(`unreadable tag ${where}: field "summary" must be a list of strings`);
  }
  return {
    project: str(d, 'project', where) as string,
    stage: str(d, 'stage', where) as string,
    freightId: str(d, 'freightId', where) as string,
    alias: str(d, 'alias', where) as string,
    verifiedAt: str(d, 'verifiedAt', where) as string,
    verifiedBy: str(d, 'verifiedBy', where) as string,
    run: str(d, 'run', where, true),
    summary: summary as string[] | undefined,
    ...(typeof d.commit === 'string' ? { commit: d.commit } : {}),
  };
}

export function parseApproval(message: string, where: string): ApprovalRecord {
  const d = parseTagBody(message, where);
  return {
    project: str(d, 'project', where) as string,
    stage: str(d, 'stage', where) as string,
    freightId: str(d, 'freightId', where) as string,
    alias: str(d, 'alias', where) as string,
    approvedAt: str(d, 'approvedAt', where) as string,
    approvedBy: str(d, 'approvedBy', where) as string,
    reason: str(d, 'reason', where, true),
  };
}
