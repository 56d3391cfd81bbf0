/**
 * The freight functions Kargo adds to the expression language, over a freight collection:
 * `imageFrom(repoURL[, origin])` → `Image{RepoURL, Tag, Digest}`, `chartFrom(repoURL[, name][,
 * origin])` → `Chart{RepoURL, Name, Version}`, `commitFrom(repoURL[, origin])` →
 * `GitCommit{RepoURL, ID, Branch, Tag, Message, Author, Committer}`, `warehouse(name)` →
 * `FreightOrigin{Kind, Name}`. They return typed structs, as Kargo's Go functions do: reading a
 * field the struct does not have (`.Tga`) is an error, statically (FREIGHT_SIGNATURES, for
 * `gantry lint`) and at run time. A function returns nil when the collection has no such
 * artifact (Kargo's documented behaviour, so `imageFrom(x)?.Tag ?? "latest"` works), and fails
 * when several freight could provide it and no origin says which.
 *
 * Promotion steps and verification both extend their environment with these.
 */
import type { Freight } from '../freight/types.js';
import { normalizeChartURL, normalizeGitURL, normalizeImageURL } from '../urls/index.js';
import { structOf, stringFields, type FunctionSignatures, type StaticType } from './check.js';
import { expectArgs, type ExprFunctions } from './functions.js';
import { makeStruct } from './values.js';

const IMAGE_FIELDS = ['RepoURL', 'Tag', 'Digest'];
const CHART_FIELDS = ['RepoURL', 'Name', 'Version'];
const COMMIT_FIELDS = ['RepoURL', 'ID', 'Branch', 'Tag', 'Message', 'Author', 'Committer'];
const ORIGIN_FIELDS = ['Kind', 'Name'];

const IMAGE: StaticType = structOf('Image', stringFields(...IMAGE_FIELDS));
const CHART: StaticType = structOf('Chart', stringFields(...CHART_FIELDS));
const COMMIT: StaticType = structOf('GitCommit', stringFields(...COMMIT_FIELDS));
const ORIGIN: StaticType = structOf('FreightOrigin', stringFields(...ORIGIN_FIELDS));

/** Argument counts and result types of the freight functions, for static checks. */
export const FREIGHT_SIGNATURES: FunctionSignatures = {
  warehouse: { min: 1, max: 1, returns: ORIGIN },
  imageFrom: { min: 1, max: 2, returns: IMAGE },
  chartFrom: { min: 1, max: 3, returns: CHART },
  commitFrom: { min: 1, max: 2, returns: COMMIT },
};

interface Origin {
  kind: string;
  name: string;
}

function originArg(fn: string, v: unknown): Origin {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const name = o['Name'] ?? o['name'];
    const kind = o['Kind'] ?? o['kind'] ?? 'Warehouse';
    if (typeof name === 'string' && typeof kind === 'string') return { kind, name };
  }
  throw new Error(`${fn}(): the origin argument must come from warehouse(name)`);
}

/**
 * The one artifact `match` finds in the collection (restricted to `origin` when given): nil when
 * none, an error when freight of several origins could provide it.
 */
function findArtifact<T>(
  fn: string,
  what: string,
  collection: readonly Freight[],
  origin: Origin | undefined,
  pick: (f: Freight) => T | undefined,
): T | null {
  const found: { freight: Freight; item: T }[] = [];
  for (const freight of collection) {
    if (origin && (freight.origin.name !== origin.name || freight.origin.kind !== origin.kind))
      continue;
    const item = pick(freight);
    if (item !== undefined) found.push({ freight, item });
  }
  if (found.length > 1) {
    const origins = found.map((f) => JSON.stringify(f.freight.origin.name)).join(', ');
    throw new Error(
      `${fn}(): freight from several warehouses (${origins}) could provide the ${what}; pass warehouse("name") to say which`,
    );
  }
  return found[0]?.item ?? null;
}

/** The freight functions over `collection` (see the module comment). */
export function freightFunctions(
  collection: readonly Freight[],
  log: (line: string) => void = () => undefined,
): ExprFunctions {
  const missing = (fn: string, what: string, origin: Origin | undefined): null => {
    log(
      `${fn}(): the freight collection has no ${what}${origin ? ` from warehouse ${JSON.stringify(origin.name)}` : ''}; returning nil`,
    );
    return null;
  };
  return {
    warehouse: (args) => {
      const [name] = expectArgs('warehouse', args, ['string']) as [string];
      if (name === '') throw new Error('warehouse(): the name must not be empty');
      return makeStruct('FreightOrigin', { Kind: 'Warehouse', Name: name });
    },
    imageFrom: (args) => {
      const [repoURL, o] = expectArgs('imageFrom', args, ['string'], ['map']) as [string, unknown];
      const origin = o === undefined ? undefined : originArg('imageFrom', o);
      const want = normalizeImageURL(repoURL);
      const what = `image from ${JSON.stringify(repoURL)}`;
      const image = findArtifact('imageFrom', what, collection, origin, (f) =>
        f.images.find((i) => i.repoURL === repoURL || normalizeImageURL(i.repoURL) === want),
      );
      if (!image) return missing('imageFrom', what, origin);
      return makeStruct('Image', {
        RepoURL: image.repoURL,
        Tag: image.tag,
        Digest: image.digest,
      });
    },
    chartFrom: (args) => {
      if (args.length < 1 || args.length > 3)
        throw new Error(`chartFrom(): expected 1 to 3 arguments, got ${args.length}`);
      const [repoURL] = expectArgs('chartFrom', args.slice(0, 1), ['string']) as [string];
      let name: string | undefined;
      let origin: Origin | undefined;
      const second = args[1];
      if (typeof second === 'string') name = second;
      else if (args.length >= 2) origin = originArg('chartFrom', second);
      if (args.length === 3) {
        if (origin) throw new Error('chartFrom(): the chart name comes before the origin');
        origin = originArg('chartFrom', args[2]);
      }
      const want = normalizeChartURL(repoURL);
      const what = `chart ${name ? `${JSON.stringify(name)} ` : ''}from ${JSON.stringify(repoURL)}`;
      const chart = findArtifact('chartFrom', what, collection, origin, (f) =>
        f.charts.find(
          (c) =>
            (c.repoURL === repoURL || normalizeChartURL(c.repoURL) === want) &&
            (name === undefined || name === '' || c.name === name),
        ),
      );
      if (!chart) return missing('chartFrom', what, origin);
      return makeStruct('Chart', {
        RepoURL: chart.repoURL,
        Name: chart.name,
        Version: chart.version,
      });
    },
    commitFrom: (args) => {
      const [repoURL, o] = expectArgs('commitFrom', args, ['string'], ['map']) as [string, unknown];
      const origin = o === undefined ? undefined : originArg('commitFrom', o);
      const want = normalizeGitURL(repoURL);
      const what = `commit from ${JSON.stringify(repoURL)}`;
      const commit = findArtifact('commitFrom', what, collection, origin, (f) =>
        f.commits.find((c) => c.repoURL === repoURL || normalizeGitURL(c.repoURL) === want),
      );
      if (!commit) return missing('commitFrom', what, origin);
      return makeStruct('GitCommit', {
        RepoURL: commit.repoURL,
        ID: commit.id,
        Branch: commit.branch ?? '',
        Tag: commit.tag ?? '',
        Message: commit.message ?? '',
        Author: commit.author ?? '',
        Committer: commit.committer ?? '',
      });
    },
  };
}
