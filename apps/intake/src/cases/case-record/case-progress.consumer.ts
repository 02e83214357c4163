import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { CollabEvent } from '@collab/contracts';
import { EVENT_CONSUMER, ProcessedEvents, type EventConsumerPort, type RunningConsumer } from '@collab/messaging';
import { DATABASE, type Database } from '@collab/service-kit';
import { applyProgress, progressChangeOf } from './case-progress.changes';

const CONSUMER = 'intake.case-progress';

/**
 * Intake answers about a case's later state from its own copy of workflow's events (DESIGN.md
 * §5: never from workflow's tables): queue, owner, work, resolution, closing, cancelling and
 * reopening. Each event is applied once, in the transaction that records it as processed.
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
    this.consumer = await this.events.consume({ consumerName: CONSUMER, source: 'workflow', handle: (event) => this.on(event), sharesBatchTransaction: true });
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async on(event: CollabEvent): Promise<void> {
    const change = progressChangeOf(event);
    if (change === undefined) return;
    await this.inbox.runOnce(this.database.pool, { consumerName: CONSUMER, eventId: event.id }, (tx) =>
      applyProgress(tx, event, change).then(() => undefined),
    );
  }
}
