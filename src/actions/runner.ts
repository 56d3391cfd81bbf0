import { EOL } from 'node:os';

/**
 * The few workflow commands an action needs before it knows what it runs: read an input, mask a
 * secret, say what it does, fail. @actions/core writes the same lines, but loading it loads an
 * HTTP client (undici) too, which costs more than the 60 ms an action may take to start; the
 * phase that does the work loads core for everything else.
 */

/** An input as the runner passes it (INPUT_<NAME>, spaces as underscores), trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

/** Where an annotation points, in the names @actions/core takes. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

// The runner reads `::name k=v,k=v::message` up to the end of the line: a line break or `%` in
// the message, and `:` or `,` in a value, are sent percent-encoded.
const escapeData = (s: string): string =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string =>
  escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(
  name: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): void {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '' && v !== 0)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

export function setSecret(secret: string): void {
  command('add-mask', {}, secret);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function error(message: string, where: AnnotationProperties = {}): void {
  command(
    'error',
    { title: where.title, file: where.file, line: where.startLine, col: where.startColumn },
    message,
  );
}

/** Fails the step: an error line, and exit code 1 once the process ends. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}
