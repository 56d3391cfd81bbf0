/**
 * Markdown for job summaries, pull request bodies and the dashboard: one table builder and the
 * escapers its cells need.
 */

/** Text on one Markdown line, or in one table cell: a `|` would end the cell, a newline the row. */
export function tableCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/**
 * Plain text from outside (names, versions, messages) shown as Markdown: every character Markdown
 * or HTML would read as markup becomes an entity, so the text shows as written and a crafted name
 * cannot add a link, an image or a tag.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<>"'|\\`*_[\]~#!]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type ColumnAlign = 'left' | 'center' | 'right';

const RULE: Record<ColumnAlign | 'none', string> = {
  none: '---',
  left: ':--',
  center: ':-:',
  right: '--:',
};

/**
 * A GitHub-flavoured Markdown table, as lines. Headers and cells are Markdown already (bold, code
 * spans); each is made safe for its cell here (`|` escaped, which GitHub undoes inside code spans
 * too, and newlines joined), so a caller escapes only what must not be read as markup
 * (markdownText). A row shorter than the headers is filled with empty cells.
 */
export function mdTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly (ColumnAlign | undefined)[] = [],
): string[] {
  const line = (cells: readonly string[]) =>
    `| ${headers.map((_, i) => tableCell(cells[i] ?? '')).join(' | ')} |`;
  return [
    line(headers),
    `| ${headers.map((_, i) => RULE[align[i] ?? 'none']).join(' | ')} |`,
    ...rows.map(line),
  ];
}
