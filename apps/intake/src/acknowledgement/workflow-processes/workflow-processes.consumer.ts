import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { readerFor, workflowLanguage, type CollabEvent } from '@collab/contracts';
import { EVENT_CONSUMER, ProcessedEvents, type EventConsumerPort, type RunningConsumer } from '@collab/messaging';
import { DATABASE, type Database } from '@collab/service-kit';
import { WorkflowProcessCatalogue } from './workflow-process-catalogue';

const CONSUMER = 'intake.workflow-processes';
const workflow = readerFor(workflowLanguage, { only: ['ProcessVersionPublished', 'ProcessRetired'] });

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
    // Decoded, validated and upcast against workflow's published contracts; other types pass by.
    const message = workflow.read(event);
    if (message?.type !== 'ProcessVersionPublished' && message?.type !== 'ProcessRetired') return;
    await this.inbox.runOnce(this.database.pool, { consumerName: CONSUMER, eventId: event.id }, async (tx) => {
      if (message.type === 'ProcessVersionPublished') {
        const { process } = message.data;
        await tx.query(
          `insert into intake.workflow_process (process_id, latest, version, active) values ($1, $2::jsonb, $3, true)
           on conflict (process_id) do update set latest = excluded.latest, version = excluded.version, active = true
           where intake.workflow_process.version < excluded.version`,
          [process.processId, JSON.stringify(process), process.version],
        );
        return;
      }
      const retired = message.data;
      await tx.query('update intake.workflow_process set active = false where process_id = $1 and version <= $2', [
        retired.processId,
        retired.version,
      ]);
    });
    this.catalogue.changed();
  }
}
