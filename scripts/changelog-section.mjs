#!/usr/bin/env node
// Prints one version's section of a Keep a Changelog file, without its heading: the release
// notes of that version. The release workflow runs it for the tag it releases.
// Usage: node scripts/changelog-section.mjs CHANGELOG.md v1.2.3   (or 1.2.3, or Unreleased)
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The body of the `## [version]` section of `markdown`, trimmed; undefined when there is none. */
export function changelogSection(markdown, version) {
  const wanted = version.replace(/^v(?=\d)/, '').toLowerCase();
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const heading = (line) => /^## \[([^\]]+)\]/.exec(line)?.[1]?.toLowerCase();
  const start = lines.findIndex((l) => heading(l) === wanted);
  if (start < 0) return undefined;
  const body = [];
  for (const line of lines.slice(start + 1)) {
    // The next version's heading, or the link definitions Keep a Changelog puts at the end.
    if (/^## /.test(line) || /^\[[^\]]+\]:\s/.test(line)) break;
    body.push(line);
  }
  const text = body.join('\n').trim();
  return text === '' ? undefined : `${text}\n`;
}

function main([file, version]) {
  if (!file || !version) {
    process.stderr.write('usage: changelog-section.mjs CHANGELOG.md <version>\n');
    return 2;
  }
  const text = changelogSection(readFileSync(file, 'utf8'), version);
  if (text === undefined) {
    process.stderr.write(
      `${file}: no "## [${version.replace(/^v(?=\d)/, '')}]" section with any text: add the release's notes under that heading (docs/releasing.md)\n`,
    );
    return 1;
  }
  process.stdout.write(text);
  return 0;
}

// Run as a command (through a symlink too), not when imported.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
