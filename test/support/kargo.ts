/**
 * Kargo's quickstart template, the shape most of Kargo's examples share, for tests that run it:
 * clone `main` to ./src and the stage's branch (created when missing) to ./out, clear ./out, set
 * the image in ./src/base, render ./src into ./out with kustomize-build, commit ./out. What comes
 * after (the push, a pull request, argocd-update) is each test's own.
 */
export interface QuickstartOptions {
  /** The GitOps repository, or an expression such as `${{ vars.gitopsRepo }}`. */
  repoURL: string;
  /** The image repository, or an expression; default ghcr.io/acme/echo. */
  image?: string;
  /** The kustomization kustomize-build renders; default ./src/stages/<stage>. */
  build?: string;
  /** The commit message; default the kustomize-set-image step's commitMessage. */
  message?: string;
  /** The git-commit step's alias, when later steps read its outputs. */
  commitAs?: string;
}

/** The steps as YAML list items, each line indented by `indent` spaces. */
export function quickstartSteps(indent: number, o: QuickstartOptions): string {
  const image = o.image ?? 'ghcr.io/acme/echo';
  const tag = image.startsWith('${{')
    ? `\${{ imageFrom(${image.slice(3, -2).trim()}).Tag }}`
    : `\${{ imageFrom("${image}").Tag }}`;
  const lines = [
    '- uses: git-clone',
    '  config:',
    `    repoURL: ${o.repoURL}`,
    '    checkout:',
    '      - {branch: main, path: ./src}',
    "      - {branch: 'stage/${{ ctx.stage }}', create: true, path: ./out}",
    '- uses: git-clear',
    '  config: {path: ./out}',
    '- uses: kustomize-set-image',
    '  as: update',
    '  config:',
    '    path: ./src/base',
    `    images: [{image: '${image}', tag: '${tag}'}]`,
    '- uses: kustomize-build',
    `  config: {path: '${o.build ?? './src/stages/${{ ctx.stage }}'}', outPath: ./out}`,
    '- uses: git-commit',
    ...(o.commitAs ? [`  as: ${o.commitAs}`] : []),
    `  config: {path: ./out, message: '${o.message ?? '${{ outputs.update.commitMessage }}'}'}`,
  ];
  const pad = ' '.repeat(indent);
  return lines.map((l) => pad + l).join('\n') + '\n';
}
