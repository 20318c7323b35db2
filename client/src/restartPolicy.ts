/**
 * When the language server process dies, restart it — but not forever: a server that keeps dying (a crash at
 * start-up, a file that kills it every time) is given up on after `maxRestarts` restarts within `windowMs`,
 * with a message that says what happened and how to try again. Pure (clock injected): unit-tested.
 */
export type RestartDecision = { restart: true; message: string } | { restart: false; message: string };

export class RestartPolicy {
  private deaths: number[] = [];

  constructor(
    readonly maxRestarts = 3,
    readonly windowMs = 3 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Restarts so far within the window (for status and tests). */
  get recentDeaths(): number {
    return this.deaths.length;
  }

  /** The server process ended without being asked to: restart it, or give up. */
  serverDied(): RestartDecision {
    const t = this.now();
    this.deaths = this.deaths.filter((d) => t - d < this.windowMs);
    this.deaths.push(t);
    const n = this.deaths.length;
    if (n <= this.maxRestarts) {
      return { restart: true, message: `The Alibaba Cloud BGP language server stopped unexpectedly; restarting it (${n} of ${this.maxRestarts}).` };
    }
    const minutes = Math.round(this.windowMs / 60_000);
    return {
      restart: false,
      message:
        `The Alibaba Cloud BGP language server stopped ${n} times in ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and will not be restarted again. ` +
        'See the "Alibaba Cloud BGP" output for the cause, then run "Alibaba Cloud BGP: Restart Language Server".',
    };
  }

  /** A restart the user asked for starts a fresh count. */
  reset(): void {
    this.deaths = [];
  }
}
