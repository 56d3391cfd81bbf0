/**
 * Freight as Kargo shapes it in JSON (`kargo get freight -o json`), so outside tools read both alike.
 * Field names are part of gantry's contract: `gantry get freight --output json` prints these.
 */

export interface FreightOrigin {
  kind: 'Warehouse';
  name: string;
}

export interface FreightImage {
  repoURL: string;
  tag: string;
  digest: string;
  /** Subscription name, when the warehouse names its subscriptions; part of the freight ID. */
  subscriptionName?: string;
}

export interface FreightChart {
  repoURL: string;
  /** Empty for OCI charts, whose repoURL names the chart. */
  name: string;
  version: string;
  subscriptionName?: string;
}

export interface FreightCommit {
  repoURL: string;
  /** Full commit SHA. */
  id: string;
  branch?: string;
  tag?: string;
  message?: string;
  author?: string;
  committer?: string;
  subscriptionName?: string;
}

export interface Freight {
  /** 40 hex characters: SHA-1 over the origin and the artifacts (Kargo's recipe). */
  id: string;
  /** Human name such as `lucky-jaguar`, unique within a project. */
  alias: string;
  origin: FreightOrigin;
  images: FreightImage[];
  charts: FreightChart[];
  commits: FreightCommit[];
  /** ISO-8601 time the freight was first recorded. */
  createdAt: string;
  /** Who or what recorded it: a workflow run URL, `gantry-cli`, … */
  createdBy?: string;
}

/** The artifacts alone, before an ID and alias are assigned. */
export type FreightArtifacts = Pick<Freight, 'images' | 'charts' | 'commits'>;
