/**
 * The built-in promotion steps, by Kargo's names. `runSteps` looks `uses` up here; an unknown name
 * is a ConfigError with a did-you-mean.
 */
import { argocdUpdate } from './argocd-update.js';
import { argocdWait } from './argocd-wait.js';
import { composeOutput } from './compose-output.js';
import { copy } from './copy.js';
import { fail } from './fail.js';
import { fileWrite } from './file-write.js';
import { deleteStep } from './delete.js';
import { gitClear, gitClone, gitCommit, gitPush, gitTag } from './git.js';
import { githubPush } from './git.js';
import { GIT_PR_STEPS } from './git-pr.js';
import { helmTemplate } from './helm-template.js';
import { helmUpdateChart } from './helm-update-chart.js';
import { http } from './http.js';
import { httpDownload } from './http-download.js';
import { jsonParse } from './json-parse.js';
import { jsonUpdate } from './json-update.js';
import { kustomizeBuild } from './kustomize-build.js';
import { kustomizeSetImage } from './kustomize-set-image.js';
import { ociDownload } from './oci-download.js';
import { ociPush } from './oci-push.js';
import { setFreightAlias } from './set-freight-alias.js';
import { setMetadata } from './set-metadata.js';
import { tar } from './tar.js';
import { tomlParse } from './toml-parse.js';
import { tomlUpdate } from './toml-update.js';
import type { StepDefinition } from './types.js';
import { untar } from './untar.js';
import { yamlMerge } from './yaml-merge.js';
import { yamlParse } from './yaml-parse.js';
import { yamlUpdate } from './yaml-update.js';

export function defaultRegistry(): Map<string, StepDefinition> {
  const steps: StepDefinition[] = [
    yamlUpdate,
    jsonUpdate,
    kustomizeSetImage,
    helmUpdateChart,
    kustomizeBuild,
    helmTemplate,
    copy,
    deleteStep,
    composeOutput,
    fail,
    fileWrite,
    yamlParse,
    jsonParse,
    yamlMerge,
    http,
    httpDownload,
    tar,
    untar,
    gitClone,
    gitClear,
    gitCommit,
    gitPush,
    gitTag,
    ...GIT_PR_STEPS,
    argocdUpdate,
    tomlParse,
    tomlUpdate,
    ociDownload,
    ociPush,
    githubPush,
    argocdWait,
    setMetadata,
    setFreightAlias,
  ];
  return new Map(steps.map((s) => [s.name, s]));
}
