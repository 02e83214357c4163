import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { intakeLanguage, readerFor, type CollabEvent } from '@collab/contracts';
import {
  EVENT_CONSUMER,
  ProcessedEvents,
  type EventConsumerPort,
  type RunningConsumer,
} from '@collab/messaging';
import { DATABASE, type Database } from '@collab/service-kit';

const CONSUMER = 'workflow.case-promise';
const intake = readerFor(intakeLanguage, { only: ['CaseAcknowledged'] });

/** Keeps intake's promise next to workflow's case, so the case shows its number and expected times. */
@Injectable()
export class CasePromiseConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly inbox = new ProcessedEvents({ schema: 'workflow' });
  private consumer?: RunningConsumer;

  constructor(
    @Inject(EVENT_CONSUMER) private readonly events: EventConsumerPort,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.events.consume({
      consumerName: CONSUMER,
      source: 'intake',
      handle: (event) => this.on(event),
      sharesBatchTransaction: true,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async on(event: CollabEvent): Promise<void> {
    const message = intake.read(event);
    if (message?.type !== 'CaseAcknowledged') return;
    const promise = message.data;
    await this.inbox.runOnce(
      this.database.pool,
      { consumerName: CONSUMER, eventId: event.id },
      async (tx) => {
        await tx.query(
          `insert into workflow.case_promise (case_id, case_number, acknowledged_at, expected_first_response_at, expected_resolution_at, calendar_id, coverage)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (case_id) do nothing`,
          [
            promise.caseId,
            promise.caseNumber,
            promise.acknowledgedAt,
            promise.expectedFirstResponseAt,
            promise.expectedResolutionAt,
            promise.calendarId,
            promise.coverage ? JSON.stringify(promise.coverage) : null,
          ],
        );
      },
    );
  }
}
