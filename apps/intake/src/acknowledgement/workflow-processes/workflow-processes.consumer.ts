import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { CollabEvent } from '@collab/contracts';
import { EVENT_CONSUMER, ProcessedEvents, type EventConsumerPort, type RunningConsumer } from '@collab/messaging';
import { DATABASE, type Database } from '@collab/service-kit';
import type { ProcessRetired, ProcessVersionPublished } from '@collab/workflow-domain';
import { WorkflowProcessCatalogue } from './workflow-process-catalogue';

const CONSUMER = 'intake.workflow-processes';
const PUBLISHED = 'collab.workflow.ProcessVersionPublished.v1';
const RETIRED = 'collab.workflow.ProcessRetired.v1';

/**
 * Keeps intake.workflow_process equal to workflow's catalogue: each process's latest version, and
 * whether new cases still start on it. Versions only move forward (the upsert's guard), so a
 * redelivered older version changes nothing; each event is applied in the transaction that records
 * it as processed.
 */
@Injectable()
export class WorkflowProcessesConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly inbox = new ProcessedEvents({ schema: 'intake' });
  private consumer?: RunningConsumer;

  constructor(
    @Inject(EVENT_CONSUMER) private readonly events: EventConsumerPort,
    @Inject(DATABASE) private readonly database: Database,
    private readonly catalogue: WorkflowProcessCatalogue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.events.consume({ consumerName: CONSUMER, source: 'workflow', handle: (event) => this.on(event) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async on(event: CollabEvent): Promise<void> {
    if (event.type !== PUBLISHED && event.type !== RETIRED) return;
    await this.inbox.runOnce(this.database.pool, { consumerName: CONSUMER, eventId: event.id }, async (tx) => {
      if (event.type === PUBLISHED) {
        // The public v1 is workflow's own event (workflow.contract.ts publishes it as it is).
        const { process } = event.data as unknown as ProcessVersionPublished['data'];
        await tx.query(
          `insert into intake.workflow_process (process_id, latest, version, active) values ($1, $2::jsonb, $3, true)
           on conflict (process_id) do update set latest = excluded.latest, version = excluded.version, active = true
           where intake.workflow_process.version < excluded.version`,
          [process.processId, JSON.stringify(process), process.version],
        );
        return;
      }
      const retired = event.data as unknown as ProcessRetired['data'];
      await tx.query('update intake.workflow_process set active = false where process_id = $1 and version <= $2', [
        retired.processId,
        retired.version,
      ]);
    });
    this.catalogue.changed();
  }
}
