import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { CollabEvent } from '@collab/contracts';
import { EVENT_CONSUMER, ProcessedEvents, type EventConsumerPort, type RunningConsumer, type SqlExecutor } from '@collab/messaging';
import { DATABASE, type Database } from '@collab/service-kit';
import { CASE_PROGRESS_DDL } from './case-record.entity';

/** The public shape of workflow's CaseAssigned v1 (libs/contracts/schemas/workflow/CaseAssigned.v1.schema.json). */
interface CaseAssignedV1 {
  readonly caseId: string;
  readonly queue: string;
  readonly assignedAt: string;
}

const CONSUMER = 'intake.case-progress';

/** Only a newer event of the case's workflow stream moves the row (Kafka keeps order per stream; replays must not rewind). */
const recordAssignment = (tx: SqlExecutor, event: CollabEvent, data: CaseAssignedV1) =>
  tx.query(
    `insert into intake.case_progress (case_id, status, queue, assigned_at, workflow_version)
     values ($1, 'ASSIGNED', $2, $3, $4)
     on conflict (case_id) do update set status = excluded.status, queue = excluded.queue,
       assigned_at = excluded.assigned_at, workflow_version = excluded.workflow_version
     where intake.case_progress.workflow_version < excluded.workflow_version`,
    [data.caseId, data.queue, data.assignedAt, event.streamversion],
  );

/**
 * Intake answers about a case's later state from its own copy of workflow's events (DESIGN.md
 * §5: never from workflow's tables). Each event is applied once, in the transaction that records
 * it as processed.
 */
@Injectable()
export class CaseProgressConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly inbox = new ProcessedEvents({ schema: 'intake' });
  private consumer?: RunningConsumer;

  constructor(
    @Inject(EVENT_CONSUMER) private readonly events: EventConsumerPort,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.inbox.ensureSchema(this.database.pool);
    for (const ddl of CASE_PROGRESS_DDL) await this.database.pool.query(ddl);
    this.consumer = await this.events.consume({ consumerName: CONSUMER, source: 'workflow', handle: (event) => this.on(event) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async on(event: CollabEvent): Promise<void> {
    if (event.type !== 'collab.workflow.CaseAssigned.v1') return;
    await this.inbox.runOnce(this.database.pool, { consumerName: CONSUMER, eventId: event.id }, (tx) =>
      recordAssignment(tx, event, event.data as unknown as CaseAssignedV1).then(() => undefined),
    );
  }
}
