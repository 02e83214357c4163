import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import { CLOCK, EVENT_STORE, seedOnce, type Clock, type CommandHandler } from '@collab/service-kit';
import { processCommandHandler } from '../process-commands';
import {
  DEFAULT_PROCESS_DEFINITION,
  DEFAULT_QUEUES,
  type ProcessCommand,
  type ProcessDecisionContext,
  type ProcessEvent,
  type ProcessState,
} from '@collab/workflow-domain';

const SEEDED_BY = 'workflow.seed';

/**
 * Publishes the default process as version 1 once, so the API shows it and administrators publish
 * its next versions like any other. Never again: an existing stream (seeded before, or an
 * administrator's version) is left alone, and the deterministic event id makes two replicas
 * seeding at once write it once.
 */
@Injectable()
export class ProcessSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('ProcessSeeder');
  private readonly processes: CommandHandler<ProcessCommand, ProcessEvent, ProcessState, ProcessDecisionContext>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.processes = processCommandHandler(store);
  }

  async onApplicationBootstrap(): Promise<void> {
    const command: ProcessCommand = {
      type: 'PublishProcessVersion',
      definition: DEFAULT_PROCESS_DEFINITION,
      expectedVersion: 0,
      actor: { id: SEEDED_BY, kind: 'system' },
      reason: 'the default process of a new installation',
    };
    const { processId } = DEFAULT_PROCESS_DEFINITION;
    const seeded = await seedOnce(this.processes, {
      command,
      // The org seeder defines these queues on the same start, perhaps a moment later: the default process routes only to them.
      context: { now: this.clock.now(), openQueues: new Set(DEFAULT_QUEUES.map((queue) => queue.queueId)) },
      key: `process/${processId}`,
      seededBy: SEEDED_BY,
    });
    if (seeded) this.logger.log('published the default process, version 1');
  }
}
