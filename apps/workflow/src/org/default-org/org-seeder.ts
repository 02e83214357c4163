import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { deterministicEventId } from '@collab/event-store';
import { Conflict, type DomainEvent } from '@collab/domain-kernel';
import { CLOCK, seedOnce, type Clock, type CommandHandler } from '@collab/service-kit';
import {
  DEFAULT_QUEUES,
  DEFAULT_UNITS,
  queueReferences,
  unitReferences,
  type OrgDecisionContext,
  type WantedId,
} from '@collab/workflow-domain';
import { OrgStreams } from '../org-streams';

/**
 * Writes the default organisation (DEFAULT_UNITS, DEFAULT_QUEUES) before the API listens, parents
 * before children, each id claimed first as an administrator's definition would. Idempotent: a
 * stream that exists is left as it is, so an administrator's changes survive restarts.
 */
@Injectable()
export class OrgSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('OrgSeeder');

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly org: OrgStreams,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let seeded = 0;
    for (const unit of DEFAULT_UNITS) {
      const known = await this.org.known(unitReferences(unit));
      if (!(await this.claim({ id: unit.unitId, kind: 'UNIT' }))) continue;
      if (await this.seed(this.org.units, unit, known, `org/unit/${unit.unitId}`)) seeded += 1;
    }
    for (const queue of DEFAULT_QUEUES) {
      const known = await this.org.known(queueReferences(queue));
      if (!(await this.claim({ id: queue.queueId, kind: 'QUEUE', ownerUnitId: queue.unitId }))) continue;
      if (await this.seed(this.org.queues, queue, known, `org/queue/${queue.queueId}`)) seeded += 1;
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

  /** The directory's deciders also need what the seed names (its parent unit, its owning unit). */
  private seed<C, E extends DomainEvent, S>(
    handler: CommandHandler<C, E, S, OrgDecisionContext>,
    command: C,
    known: OrgDecisionContext['known'],
    key: string,
  ): Promise<boolean> {
    return seedOnce(handler, { command, context: { now: this.clock.now(), known }, key, seededBy: 'workflow.seed' });
  }
}
