import { AsyncLocalStorage } from 'node:async_hooks';
import * as core from '@actions/core';
import { tracedFetch } from '../util/http-body.js';

/** What the log is written to: @actions/core's workflow commands, a recorder in tests. */
export interface LogSink {
  info(line: string): void;
  warning(line: string): void;
  debug(line: string): void;
  startGroup(name: string): void;
  endGroup(): void;
}

type Kind = 'info' | 'warning' | 'debug';

interface Fold {
  name: string;
  /** live: written as it comes; held: kept until the fold ends; done: over. */
  state: 'live' | 'held' | 'done';
  lines: [Kind, string][];
}

/**
 * The actions' log, with folds (`::group::`) the core asks for by name. The runner cannot nest
 * folds nor interleave two, yet warehouses and metrics run at once: the first fold opened is
 * written live, each fold opened meanwhile is held and written whole when it ends, and lines
 * from outside the live fold wait for it to close. Which fold a line belongs to is the async
 * context it was logged from, so a git command or HTTP request lands in the fold that caused it.
 */
export class ActionLog {
  private readonly context = new AsyncLocalStorage<Fold>();
  private live: Fold | undefined;
  /** Held folds still running, oldest first: the next to go live. */
  private readonly held: Fold[] = [];
  /** What waits for the live fold to close: lines from outside it and held folds that ended. */
  private readonly queue: ([Kind, string] | Fold)[] = [];

  constructor(private readonly sink: LogSink = core) {}

  readonly info = (line: string): void => this.emit('info', line);
  readonly warn = (line: string): void => this.emit('warning', line);
  readonly debug = (line: string): void => this.emit('debug', line);

  /** For the core's `group` ports. */
  readonly group = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const outer = this.context.getStore();
    // A fold inside a fold stays in the outer one: the runner shows one level.
    if (outer && outer.state !== 'done') return fn();
    const fold: Fold = { name, state: this.live ? 'held' : 'live', lines: [] };
    if (fold.state === 'live') {
      this.live = fold;
      this.sink.startGroup(name);
    } else {
      this.held.push(fold);
    }
    try {
      return await this.context.run(fold, fn);
    } finally {
      this.close(fold);
    }
  };

  private emit(kind: Kind, line: string): void {
    const fold = this.context.getStore();
    if (fold?.state === 'live') this.write(kind, line);
    else if (fold?.state === 'held') fold.lines.push([kind, line]);
    else if (this.live) this.queue.push([kind, line]);
    else this.write(kind, line);
  }

  private close(fold: Fold): void {
    if (fold.state === 'held') {
      this.held.splice(this.held.indexOf(fold), 1);
      fold.state = 'done';
      // A held fold exists only while another is live (see below): it waits its turn.
      this.queue.push(fold);
      return;
    }
    fold.state = 'done';
    this.sink.endGroup();
    this.live = undefined;
    for (const item of this.queue.splice(0)) {
      if (Array.isArray(item)) this.write(...item);
      else this.writeFold(item);
    }
    // The oldest fold still running goes live: what it held so far first, then as it comes.
    const next = this.held.shift();
    if (next) {
      next.state = 'live';
      this.live = next;
      this.sink.startGroup(next.name);
      for (const l of next.lines.splice(0)) this.write(...l);
    }
  }

  private writeFold(fold: Fold): void {
    this.sink.startGroup(fold.name);
    for (const l of fold.lines) this.write(...l);
    this.sink.endGroup();
  }

  private write(kind: Kind, line: string): void {
    this.sink[kind](line);
  }

  /**
   * The git and HTTP trace for the core, when the step's debug log is on (a re-run with debug
   * logging, ACTIONS_STEP_DEBUG); undefined otherwise, so nothing is timed or formatted.
   */
  trace(): ((line: string) => void) | undefined {
    return core.isDebug() ? this.debug : undefined;
  }

  /** `inner`, with a debug line for every request when the step's debug log is on. */
  fetch(inner: typeof fetch = globalThis.fetch): typeof fetch {
    const trace = this.trace();
    return trace ? tracedFetch(inner, trace) : inner;
  }
}

/** The one log of an action run. */
export const actionLog = new ActionLog();
