/**
 * Branch names as `git check-ref-format --branch` accepts them, without spawning git: the rules of
 * git-check-ref-format(1) applied to `refs/heads/<name>`, plus the two --branch extras (no leading
 * `-`, not `HEAD`). `@{-N}` shorthands are not branch names in a config file and are rejected.
 */

/** Why `name` is not a valid branch name, or undefined when it is. */
export function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'a branch name cannot be empty';
  if (name === 'HEAD') return '"HEAD" is not a valid branch name';
  if (name === '@') return 'a branch name cannot be the single character "@"';
  if (name.startsWith('-')) return 'a branch name cannot start with "-"';
  if (name.startsWith('refs/')) {
    return `write the branch name without "refs/…", e.g. "${name.replace(/^refs\/(heads\/)?/, '')}"`;
  }
  const bad = [...name].find((ch) => ch <= ' ' || ch === '\x7f' || '~^:?*[\\'.includes(ch));
  if (bad !== undefined) {
    const shown =
      bad === ' ' ? 'a space' : bad < ' ' || bad === '\x7f' ? 'a control character' : `"${bad}"`;
    return `a branch name cannot contain ${shown}`;
  }
  if (name.includes('..')) return 'a branch name cannot contain ".."';
  if (name.includes('@{')) return 'a branch name cannot contain "@{"';
  if (name.startsWith('/') || name.endsWith('/'))
    return 'a branch name cannot start or end with "/"';
  if (name.includes('//')) return 'a branch name cannot contain "//"';
  if (name.endsWith('.')) return 'a branch name cannot end with "."';
  for (const component of name.split('/')) {
    if (component.startsWith('.'))
      return `a branch name component cannot start with "." ("${component}")`;
    if (component.endsWith('.lock'))
      return `a branch name component cannot end with ".lock" ("${component}")`;
  }
  return undefined;
}

export function isValidBranchName(name: string): boolean {
  return branchNameProblem(name) === undefined;
}
