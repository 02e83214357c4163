import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AggregateStreams, deterministicEventId, type EventStore } from '@collab/event-store';
import { Conflict, type Decider, type DecisionContext, type DomainEvent } from '@collab/domain-kernel';
import { CLOCK, EVENT_STORE, seedOnce, type Clock } from '@collab/service-kit';
import {
  DEFAULT_QUEUES,
  DEFAULT_UNITS,
  queueDecider,
  queueReferences,
  queueStreamId,
  unitDecider,
  unitReferences,
  unitStreamId,
  type KnownParties,
  type OrgDecisionContext,
  type WantedId,
} from '@collab/workflow-domain';
import { OrgStreams } from '../org-streams';

/** seedOnce decides with the time alone; the directory's deciders also need what the seed names. */
const knowing = <C, E extends DomainEvent, S>(
  decider: Decider<C, E, S, OrgDecisionContext>,
  known: KnownParties,
): Decider<C, E, S, DecisionContext> => ({
  ...decider,
  decide: (command, state, context) => decider.decide(command, state, { ...context, known }),
});

/**
 * Writes the default organisation (DEFAULT_UNITS, DEFAULT_QUEUES) before the API listens, parents
 * before children, each id claimed first as an administrator's definition would. Idempotent: a
 * stream that exists is left as it is, so an administrator's changes survive restarts.
 */
@Injectable()
export class OrgSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('OrgSeeder');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly org: OrgStreams,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let seeded = 0;
    for (const unit of DEFAULT_UNITS) {
      const known = await this.org.known(unitReferences(unit));
      if (!(await this.claim({ id: unit.unitId, kind: 'UNIT' }))) continue;
      const streams = new AggregateStreams(this.store, knowing(unitDecider, known));
      if (await this.seed(streams, unitStreamId(unit.unitId), unit, `org/unit/${unit.unitId}`)) seeded += 1;
    }
    for (const queue of DEFAULT_QUEUES) {
      const known = await this.org.known(queueReferences(queue));
      if (!(await this.claim({ id: queue.queueId, kind: 'QUEUE', ownerUnitId: queue.unitId }))) continue;
      const streams = new AggregateStreams(this.store, knowing(queueDecider, known));
      if (await this.seed(streams, queueStreamId(queue.queueId), queue, `org/queue/${queue.queueId}`))
        seeded += 1;
    }
    if (seeded > 0) this.logger.log(`defined ${seeded} default units and queues`);
  }

  /** False when an administrator already gave the id to something else: that default is then left out. */
  private async claim(wanted: WantedId): Promise<boolean> {
    const origin = {
      correlationId: deterministicEventId('seed', `org/id/${wanted.id}`),
      actor: { id: 'workflow.seed', kind: 'system' as const },
    };
    try {
      await this.org.claim(wanted, origin, this.clock.now());
      return true;
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      this.logger.warn(`default ${wanted.kind.toLowerCase()} ${wanted.id} left out: ${error.message}`);
      return false;
    }
  }

  private seed<C, E extends DomainEvent, S>(
    streams: AggregateStreams<C, E, S, DecisionContext>,
    streamId: string,
    command: C,
    key: string,
  ): Promise<boolean> {
    return seedOnce(streams, { streamId, command, now: this.clock.now(), key, seededBy: 'workflow.seed' });
  }
}
