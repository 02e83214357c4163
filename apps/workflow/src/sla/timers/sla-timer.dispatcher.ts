import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import { FencedCheckpoints, TimerDispatch, type Leases } from '@collab/following';
import { CLOCK, DATABASE, EVENT_STORE, LEASES, PLATFORM_CONFIG, failpoints, type Clock, type Database, type PlatformConfig } from '@collab/service-kit';
import { SLA_CLOCK_KEEPER } from '../clock-keeper/sla-clock-keeper';
import { DueTimers } from './due-timers';
import { HeadAsFirstSeen } from './head-as-first-seen';
import type { ClaimedTimer } from './sla-timer.table';

/** Timers claimed in one pass; a full batch means more may be due, so the next pass starts at once. */
const BATCH = 50;
const LEASE = 'workflow.sla-timers';

/**
 * Fires the durable SLA timers when they fall due by the injected clock (so a test's movable clock
 * drives it), every WORKFLOW_SLA_POLL_MS, in the one replica holding the lease `workflow.sla-timers`,
 * on the generic TimerDispatch of @collab/following. Each pass first notes the log's head and waits
 * until the clock keeper's checkpoint has passed it, so every stop that happened before the pass is
 * on the SLA streams — the head as it was, not the live head, which under load would never be
 * reached. Then it claims the due timers, fires each (recording its event with an id derived from
 * the timer) and marks it fired — or cancelled, when its clock stopped first. Claims and marks carry
 * the term's fencing token: a crash between recording and marking leaves a claim that the next
 * owner of the lease takes over at once, and its firing finds the event recorded and records
 * nothing more; a replica that lost the lease while paused mid-firing is refused at its next write
 * and goes back to waiting for the lease.
 */
@Injectable()
export class SlaTimerDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SlaTimers');
  private readonly checkpoints = new FencedCheckpoints('workflow');
  private dispatch: TimerDispatch<ClaimedTimer> | undefined;

  // Injected as properties: the dispatcher needs the runtime's clock, settings, lease keeper, store and database.
  @Inject(CLOCK) private readonly clock!: Clock;
  @Inject(PLATFORM_CONFIG) private readonly config!: PlatformConfig;
  @Inject(LEASES) private readonly leases!: Leases;
  @Inject(EVENT_STORE) private readonly store!: EventStore;
  @Inject(DATABASE) private readonly database!: Database;

  constructor(private readonly timers: DueTimers) {}

  onApplicationBootstrap(): void {
    const keeperCaughtUp = new HeadAsFirstSeen(
      () => this.store.headPosition(),
      async () => (await this.checkpoints.load(this.database.pool, [SLA_CLOCK_KEEPER])).get(SLA_CLOCK_KEEPER) ?? 0n,
    );
    const source = {
      // Idle, nothing is due: one look instead of the keeper's wait (two reads) and an empty claim.
      anyDue: this.timers.anyDue.bind(this.timers),
      claim: this.timers.claim.bind(this.timers),
      settle: this.timers.settle.bind(this.timers),
      release: this.timers.release.bind(this.timers),
      ready: () => keeperCaughtUp.passed(),
    };
    this.dispatch = new TimerDispatch(this.leases, source, {
      home: 'workflow',
      lease: LEASE,
      pollMs: this.config.WORKFLOW_SLA_POLL_MS,
      batch: BATCH,
      now: () => this.clock.now(),
      report: (level, message, error) => this.logger[level]({ msg: message, error }),
      // A fault test freezes here (SIGSTOP) holding claims, until its lease has passed to another replica.
      afterClaim: () => failpoints.reached('sla.after-claim'),
    });
    this.dispatch.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.dispatch?.stop();
  }
}
