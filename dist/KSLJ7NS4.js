import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/actions/constants.ts
var Input = {
  command: "command",
  repository: "repository",
  token: "token",
  project: "project",
  warehouse: "warehouse",
  stage: "stage",
  freight: "freight",
  mode: "mode",
  signCommits: "sign-commits",
  deployments: "deployments",
  dryRun: "dry-run",
  dispatchWorkflow: "dispatch-workflow",
  registryCredentials: "registry-credentials",
  reason: "reason",
  timeout: "timeout",
  argocdServer: "argocd-server",
  argocdToken: "argocd-token",
  downstreamOf: "downstream-of",
  images: "images",
  charts: "charts",
  commits: "commits",
  resumePullRequest: "resume-pull-request"
};
var Output = {
  freight: "freight",
  newFreight: "new-freight",
  promotions: "promotions",
  commit: "commit",
  pullRequestUrl: "pull-request-url",
  changed: "changed",
  result: "result",
  verified: "verified",
  environment: "environment",
  results: "results"
};
var ACTIONS = {
  discover: {
    inputs: [
      Input.repository,
      Input.token,
      Input.project,
      Input.warehouse,
      Input.dispatchWorkflow,
      Input.dryRun,
      Input.registryCredentials
    ],
    outputs: [Output.freight, Output.newFreight, Output.promotions]
  },
  promote: {
    inputs: [
      Input.stage,
      Input.downstreamOf,
      Input.freight,
      Input.project,
      Input.repository,
      Input.token,
      Input.mode,
      Input.signCommits,
      Input.deployments,
      Input.dryRun,
      Input.argocdServer,
      Input.argocdToken,
      Input.resumePullRequest
    ],
    outputs: [Output.freight, Output.commit, Output.pullRequestUrl, Output.changed, Output.results]
  },
  verify: {
    inputs: [
      Input.stage,
      Input.freight,
      Input.project,
      Input.repository,
      Input.token,
      Input.dispatchWorkflow,
      Input.timeout
    ],
    outputs: [Output.result, Output.verified, Output.promotions]
  },
  approve: {
    inputs: [
      Input.stage,
      Input.freight,
      Input.project,
      Input.repository,
      Input.token,
      Input.reason
    ],
    outputs: [Output.freight]
  },
  // The first job of a promote workflow asks for the environment its promote job runs under.
  environment: {
    inputs: [Input.stage, Input.project, Input.repository, Input.token],
    outputs: [Output.environment]
  },
  // Freight from chosen versions (freightCreationPolicy: Manual), with discover's registry access.
  assemble: {
    inputs: [
      Input.repository,
      Input.token,
      Input.project,
      Input.warehouse,
      Input.images,
      Input.charts,
      Input.commits,
      Input.dryRun,
      Input.registryCredentials
    ],
    outputs: [Output.freight, Output.newFreight]
  }
};
var ROOT_COMMANDS = [
  "discover",
  "promote",
  "verify",
  "approve",
  "environment",
  "assemble"
];

export {
  Input,
  Output,
  ROOT_COMMANDS
};
