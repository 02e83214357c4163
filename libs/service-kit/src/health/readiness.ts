import { Injectable } from '@nestjs/common';

export interface ReadinessReport {
  readonly ready: boolean;
  readonly detail?: unknown;
}

export type ReadinessCheck = () => Promise<ReadinessReport> | ReadinessReport;

/**
 * What /ready asks (DESIGN §3, issue: /ready is separate from /health): each part of the runtime
 * registers how to tell whether this replica can do its work — the store answers, the broker is
 * reachable and the consumer groups joined, the followers run or stand by.
 */
@Injectable()
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  async report(): Promise<{ ready: boolean; checks: Record<string, ReadinessReport> }> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, ReadinessReport]> => {
        try {
          return [name, await check()];
        } catch (error) {
          return [name, { ready: false, detail: (error as Error).message }];
        }
      }),
    );
    return { ready: entries.every(([, report]) => report.ready), checks: Object.fromEntries(entries) };
  }
}
