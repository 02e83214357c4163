import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { parseEventType, type CollabEvent, type ServiceName } from '@collab/contracts';
import { EVENT_CONSUMER, ProcessedEvents, type EventConsumerPort, type RunningConsumer } from '@collab/messaging';
import { DATABASE, type Database } from '@collab/service-kit';

/** The services that publish: kpi and data publish nothing yet, so there is nothing of theirs to audit. */
export const AUDITED_SERVICES = ['intake', 'workflow', 'knowledge'] as const satisfies readonly ServiceName[];

const RECORD_SQL = `insert into data.audit_entry
  (event_id, service, type, subject, at, actor, actor_via, caller_address, caller_agent, correlation_id)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (event_id) do nothing`;

/**
 * Follows one service's published events and keeps each envelope's who, what, when and from where
 * (the audit trail); every type, not only the ones data's facts read. The row's key is the event's
 * id, so a redelivery records nothing twice.
 */
abstract class AuditTrailConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly inbox = new ProcessedEvents({ schema: 'data' });
  private consumer?: RunningConsumer;
  protected abstract readonly source: (typeof AUDITED_SERVICES)[number];

  constructor(
    private readonly events: EventConsumerPort,
    private readonly database: Database,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumerName = `data.audit.${this.source}`;
    this.consumer = await this.events.consume({ consumerName, source: this.source, handle: (event) => this.on(consumerName, event), sharesBatchTransaction: true, givesWay: true });
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  private async on(consumerName: string, event: CollabEvent): Promise<void> {
    const type = parseEventType(event.type)?.name ?? event.type;
    await this.inbox.runOnce(this.database.pool, { consumerName, eventId: event.id }, async (tx) => {
      await tx.query(RECORD_SQL, [
        event.id, this.source, type, event.subject, new Date(event.time), event.actor, event.actorvia ?? null,
        event.calleraddress ?? null, event.calleragent ?? null, event.correlationid,
      ]);
    });
  }
}

@Injectable()
export class IntakeAuditTrail extends AuditTrailConsumer {
  protected readonly source = 'intake';
  constructor(@Inject(EVENT_CONSUMER) events: EventConsumerPort, @Inject(DATABASE) database: Database) {
    super(events, database);
  }
}

@Injectable()
export class WorkflowAuditTrail extends AuditTrailConsumer {
  protected readonly source = 'workflow';
  constructor(@Inject(EVENT_CONSUMER) events: EventConsumerPort, @Inject(DATABASE) database: Database) {
    super(events, database);
  }
}

@Injectable()
export class KnowledgeAuditTrail extends AuditTrailConsumer {
  protected readonly source = 'knowledge';
  constructor(@Inject(EVENT_CONSUMER) events: EventConsumerPort, @Inject(DATABASE) database: Database) {
    super(events, database);
  }
}
