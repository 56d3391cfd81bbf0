/**
 * Virtual time for the analysis runner: `sleep` registers a wake-up instead of waiting, and once
 * nothing else is left to run (after pending promise callbacks, at the next macrotask) the clock
 * jumps to the earliest wake-up. A verification of hours runs in milliseconds, and a provider
 * that hangs until it is aborted is ended by the runner's own timeout sleep.
 */
import type { Sleep } from '../../../src/verification/analysis.js';

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

export class VirtualTime {
  private nowMs: number;
  private timers: Timer[] = [];
  private seq = 0;
  private scheduled = false;

  constructor(start = '2026-01-01T00:00:00.000Z') {
    this.nowMs = Date.parse(start);
  }

  readonly clock = (): Date => new Date(this.nowMs);

  /** Milliseconds since the start (for assertions). */
  elapsed(since = '2026-01-01T00:00:00.000Z'): number {
    return this.nowMs - Date.parse(since);
  }

  readonly sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) {
        resolve();
        return;
      }
      const timer: Timer = {
        at: this.nowMs + Math.max(0, ms),
        seq: this.seq++,
        fire: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.timers = this.timers.filter((t) => t !== timer);
        resolve();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
      this.schedule();
    });

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Two macrotask hops: whatever promise chains are in flight settle before time moves.
    setImmediate(() => setImmediate(() => this.tick()));
  }

  private tick(): void {
    this.scheduled = false;
    if (this.timers.length === 0) return;
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = this.timers.shift();
    if (!next) return;
    this.nowMs = Math.max(this.nowMs, next.at);
    next.fire();
    if (this.timers.length > 0) this.schedule();
  }
}
