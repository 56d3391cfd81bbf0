/** Text for one cell of a Markdown table: a `|` would end the cell, a newline the row. */
export function tableCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}
