/**
 * Settings written straight into a fresh repository's config file: one file append instead of a
 * `git config` process per key (each costs a few milliseconds of start-up, more on a busy runner).
 */

/** A config value as git reads it back byte for byte: quoted, with `\` and `"` escaped. */
export function configValue(value: string): string {
  if (/[\n\r\0]/.test(value)) {
    // Git cannot hold these in a value written this way; a URL never needs them.
    throw new Error(
      `a git config value cannot contain a line break or NUL: ${JSON.stringify(value)}`,
    );
  }
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `[section "sub"]` blocks of `key = value` lines, for appending to `.git/config`. */
export function configText(sections: Record<string, Record<string, string>>): string {
  let out = '';
  for (const [name, keys] of Object.entries(sections)) {
    const dot = name.indexOf('.');
    out +=
      dot < 0 ? `[${name}]\n` : `[${name.slice(0, dot)} ${configValue(name.slice(dot + 1))}]\n`;
    for (const [k, v] of Object.entries(keys)) out += `\t${k} = ${configValue(v)}\n`;
  }
  return out;
}
