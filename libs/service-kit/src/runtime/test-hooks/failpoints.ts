import { testHooksAllowed } from './test-hooks';

/** What a process does to itself at a named point: die at once (no shutdown hooks), or freeze until SIGCONT. */
export type FailpointAction = 'kill' | 'stop';

const ACTIONS: Readonly<Record<FailpointAction, NodeJS.Signals>> = { kill: 'SIGKILL', stop: 'SIGSTOP' };

/**
 * Failpoints: a fault test names a point in the code and what happens there, e.g.
 * `FAILPOINTS=sla.after-append:kill,sla.after-claim:stop`, so a crash or a pause falls exactly
 * between two steps instead of wherever a signal from outside happens to land. Read once at start;
 * each point acts the first time it is reached and never again in that process. Off unless set,
 * and only honoured under NODE_ENV=test (test-hooks.ts).
 */
export class Failpoints {
  private readonly armed: Map<string, FailpointAction>;

  constructor(armed: ReadonlyMap<string, FailpointAction> = new Map()) {
    this.armed = new Map(armed);
  }

  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): Failpoints {
    const spec = env['FAILPOINTS']?.trim();
    if (!spec || !testHooksAllowed(env)) return new Failpoints();
    return new Failpoints(new Map(spec.split(',').map((entry) => Failpoints.parsed(entry.trim()))));
  }

  private static parsed(entry: string): [string, FailpointAction] {
    const [name, action] = entry.split(':');
    if (!name || (action !== 'kill' && action !== 'stop')) throw new Error(`FAILPOINTS: "${entry}" is not <point>:kill or <point>:stop`);
    return [name, action];
  }

  /** Acts if `point` is armed: SIGKILLs or SIGSTOPs this very process. A no-op otherwise. */
  reached(point: string, signal: (signal: NodeJS.Signals) => void = (sent) => process.kill(process.pid, sent)): void {
    const action = this.armed.get(point);
    if (!action) return;
    this.armed.delete(point);
    signal(ACTIONS[action]);
  }
}

/** This process's failpoints, from FAILPOINTS as it was at start. */
export const failpoints = Failpoints.fromEnvironment();
