/**
 * What `set-metadata` and `set-freight-alias` record during one attempt of a promotion, and what
 * `freightMetadata()` and `stageMetadata()` read.
 *
 * Kargo patches the Stage's and Freight's status at once. gantry's state is git, written with
 * the promotion: the stage's metadata goes into its state file, in the promotion's commit (so a
 * push that loses a race takes it along to the retry, or drops it with the attempt); freight
 * metadata and aliases become new tags (src/state/freight-notes.ts), pushed in one atomic push once
 * the promotion's commit is published, never by an attempt that lost its race, never in a dry
 * run. Later steps of the same promotion already see what earlier ones set, as in Kargo.
 */
import { expectArgs, type ExprFunctions, type FunctionSignatures } from '../expr/index.js';
import type { Freight } from '../freight/types.js';
import {
  mergeMetadata,
  type FreightNote,
  type ProjectSnapshot,
  type StageState,
  type StateStore,
} from '../state/index.js';
import { ConfigError, OperationError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import type { PromotionNotes } from './steps/types.js';

/** Kargo's alias is a Kubernetes label value: at most 63 characters, alphanumeric at both ends. */
const ALIAS = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

export interface NotesBase {
  project: string;
  /** The stage being promoted: the only one whose metadata this promotion can write. */
  stage: string;
  /** Every stage of the project, for stageMetadata() and for messages. */
  stages: readonly string[];
  snap: Pick<ProjectSnapshot, 'freight' | 'freightMetadata' | 'notes'>;
  states: ReadonlyMap<string, StageState | undefined>;
  recordedBy: string;
  now: () => Date;
}

export class PromotionNotesRecorder implements PromotionNotes {
  private stageValues: Record<string, unknown> | undefined;
  private readonly freightValues = new Map<string, Record<string, unknown>>();
  /** New aliases by freight ID, as they are after this attempt's steps. */
  private readonly aliases = new Map<string, string>();
  /**
   * Every alias change in the order the steps made them: written as records in that order, so
   * that an alias one freight gave up and another then took folds the same way.
   */
  private readonly aliasLog: { freightId: string; alias: string; previous: string }[] = [];

  constructor(private readonly base: NotesBase) {}

  private freight(name: string, step: string): Freight {
    const found = this.base.snap.freight.find((f) => f.id === name);
    if (!found) {
      const byAlias = this.base.snap.freight.find((f) => this.aliasOf(f) === name);
      const hint = byAlias ? ` ("${name}" is the alias of ${byAlias.id}: pass its ID)` : '';
      throw new OperationError(
        `${step}: freight ${JSON.stringify(name)} not found in project ${this.base.project}${hint}; name freight by its ID, as ctx.targetFreight.name gives it`,
      );
    }
    return found;
  }

  private aliasOf(f: Freight): string {
    return this.aliases.get(f.id) ?? f.alias;
  }

  setStageMetadata(stage: string, values: Readonly<Record<string, unknown>>): void {
    if (stage !== this.base.stage) {
      const known = this.base.stages.includes(stage);
      throw new ConfigError(
        known
          ? `set-metadata: stage ${JSON.stringify(stage)} is not the stage being promoted (${this.base.stage}); gantry keeps a stage's metadata in its state file, which only its own promotions write: set it in ${stage}'s promotion template`
          : `set-metadata: no stage ${JSON.stringify(stage)} in project ${this.base.project}${didYouMean(stage, this.base.stages)}`,
      );
    }
    this.stageValues = mergeMetadata(this.stageValues, values);
  }

  setFreightMetadata(name: string, values: Readonly<Record<string, unknown>>): void {
    const f = this.freight(name, 'set-metadata');
    this.freightValues.set(f.id, mergeMetadata(this.freightValues.get(f.id), values));
  }

  setFreightAlias(name: string, alias: string): { previous: string } {
    const f = this.freight(name, 'set-freight-alias');
    if (!ALIAS.test(alias)) {
      throw new ConfigError(
        `set-freight-alias: alias ${JSON.stringify(alias)} is not valid: as in Kargo (a Kubernetes label value), at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`,
      );
    }
    const previous = this.aliasOf(f);
    const holder = this.base.snap.freight.find((o) => o.id !== f.id && this.aliasOf(o) === alias);
    if (holder) {
      throw new OperationError(
        `set-freight-alias: alias ${JSON.stringify(alias)} is already used by freight ${holder.id.slice(0, 7)} in project ${this.base.project}; aliases are unique in a project`,
      );
    }
    if (alias !== previous) {
      this.aliases.set(f.id, alias);
      this.aliasLog.push({ freightId: f.id, alias, previous });
    }
    return { previous };
  }

  /** freightMetadata(): the freight's metadata with this promotion's changes; nil when none. */
  freightMetadata(name: string): Record<string, unknown> | undefined {
    const recorded = this.base.snap.freightMetadata?.[name];
    const pending = this.freightValues.get(name);
    if (!recorded && !pending) return undefined;
    return pending ? mergeMetadata(recorded, pending) : { ...recorded };
  }

  /** stageMetadata(): the stage's metadata from its state file (and this promotion's); nil when none. */
  stageMetadata(stage: string): Record<string, unknown> | undefined {
    const recorded = this.base.states.get(stage)?.metadata;
    const pending = stage === this.base.stage ? this.stageValues : undefined;
    if (!recorded && !pending) return undefined;
    return pending ? mergeMetadata(recorded, pending) : { ...recorded };
  }

  /** What the stage's state file gets from this attempt (the promotion's write asks for it). */
  ownStageMetadata(): Readonly<Record<string, unknown>> | undefined {
    return this.stageValues;
  }

  /** The records this attempt would write, each timed after every record it has read. */
  pendingNotes(): FreightNote[] {
    // The fold orders records by time: a writer whose clock is behind must not slip its record
    // in before one it has already seen.
    const seen = [
      ...(this.base.snap.notes ?? []).map((n) => Date.parse(n.note.record.recordedAt)),
      ...this.base.snap.freight.map((f) => Date.parse(f.createdAt)),
    ];
    const at = new Date(Math.max(this.base.now().getTime(), ...seen.map((t) => t + 1)));
    const common = {
      project: this.base.project,
      recordedAt: at.toISOString(),
      recordedBy: this.base.recordedBy,
      stage: this.base.stage,
    };
    const notes: FreightNote[] = [];
    for (const [freightId, values] of this.freightValues) {
      notes.push({ kind: 'metadata', record: { ...common, freightId, values } });
    }
    // One millisecond apart, in the order the steps made them (see aliasLog).
    this.aliasLog.forEach(({ freightId, alias, previous }, i) => {
      const recordedAt = new Date(at.getTime() + i).toISOString();
      notes.push({ kind: 'alias', record: { ...common, recordedAt, freightId, alias, previous } });
    });
    return notes;
  }

  /**
   * Writes the freight records (one atomic push), then reads them back: an alias another writer
   * claimed first, between this promotion's read and its push, is not this freight's (the fold
   * decides, the same way for every reader). Returns problems to report; the promotion stands.
   */
  async write(store: StateStore, log: (line: string) => void): Promise<string[]> {
    const notes = this.pendingNotes();
    if (!notes.length) return [];
    const tags = await store.recordNotes(notes);
    for (const t of tags) log(`recorded ${t}`);
    if (!notes.some((n) => n.kind === 'alias')) return [];
    // Read back: the fold says which records lost, the same way for every reader.
    const after = await store.snapshot(this.base.project);
    const problems: string[] = [];
    for (const d of after.deniedAliases ?? []) {
      if (!tags.includes(d.tag)) continue;
      const keeps = after.freight.find((f) => f.id === d.record.freightId)?.alias;
      problems.push(
        `set-freight-alias: alias ${JSON.stringify(d.record.alias)} went to freight ${d.heldBy.slice(0, 7)}, which claimed it first; freight ${d.record.freightId.slice(0, 7)} keeps ${keeps ?? d.record.previous ?? 'its alias'}`,
      );
    }
    return problems;
  }
}

/** What `gantry lint` knows of the functions below. */
export const NOTES_SIGNATURES: FunctionSignatures = {
  // Kargo's deprecated second argument (a key) is still read: older manifests use it.
  freightMetadata: { min: 1, max: 2 },
  stageMetadata: { min: 1, max: 1 },
};

/** What the two functions read. */
export type MetadataReader = Pick<PromotionNotes, 'freightMetadata' | 'stageMetadata'>;

/** The metadata as recorded, for expressions outside a promotion (verification). */
export function recordedMetadata(
  snap: Pick<ProjectSnapshot, 'freightMetadata'>,
  states: ReadonlyMap<string, StageState | undefined>,
): MetadataReader {
  const copy = (m: Record<string, unknown> | undefined) => (m ? { ...m } : undefined);
  return {
    freightMetadata: (id) => copy(snap.freightMetadata?.[id]),
    stageMetadata: (stage) => copy(states.get(stage)?.metadata),
  };
}

/** `freightMetadata()` and `stageMetadata()` over `notes`; nil everywhere without it. */
export function notesFunctions(notes: MetadataReader | undefined): ExprFunctions {
  return {
    freightMetadata: (args) => {
      const [name, key] = expectArgs('freightMetadata', args, ['string'], ['string']) as [
        string,
        string | undefined,
      ];
      if (name === '') throw new Error('freightMetadata(): the freight name must not be empty');
      const m = notes?.freightMetadata(name);
      if (key === undefined) return m ?? null;
      if (key === '') throw new Error('freightMetadata(): the metadata key must not be empty');
      return m && Object.hasOwn(m, key) ? m[key] : null;
    },
    stageMetadata: (args) => {
      const [name] = expectArgs('stageMetadata', args, ['string']) as [string];
      if (name === '') throw new Error('stageMetadata(): the stage name must not be empty');
      return notes?.stageMetadata(name) ?? null;
    },
  };
}
