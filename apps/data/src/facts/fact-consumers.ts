import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { CollabEvent, ServiceName } from '@collab/contracts';
import { EVENT_CONSUMER, ProcessedEvents, afterCommit, type EventConsumerPort, type RunningConsumer } from '@collab/messaging';
import { DATABASE, type Database } from '@collab/service-kit';
import { intakeFactEffect, knowledgeFactEffect, workflowFactEffect, type FactEffect } from './fact-effects';
import { FactsChanged } from './facts-changed';

/**
 * Follows one service's published events (the embedded log or its Kafka topic, whichever the
 * runtime gives) through the typed reader, and applies each event once: the fact, its dimensions
 * and the inbox row commit in one transaction, so a redelivery changes nothing.
 */
abstract class FactConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly inbox = new ProcessedEvents({ schema: 'data' });
  private consumer?: RunningConsumer;
  protected abstract readonly name: string;
  protected abstract readonly source: ServiceName;
  protected abstract readonly effect: FactEffect;

  constructor(
    private readonly events: EventConsumerPort,
    private readonly database: Database,
    private readonly changed: FactsChanged,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.events.consume({ consumerName: this.name, source: this.source, handle: (event) => this.on(event), sharesBatchTransaction: true, givesWay: true });
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async on(event: CollabEvent): Promise<void> {
    const effect = this.effect(event);
    if (effect === undefined) return;
    if (await this.inbox.runOnce(this.database.pool, { consumerName: this.name, eventId: event.id }, effect)) afterCommit(() => this.changed.notify(this.source));
  }
}

@Injectable()
export class IntakeFactConsumer extends FactConsumer {
  protected readonly name = 'data.facts.intake';
  protected readonly source = 'intake';
  protected readonly effect = intakeFactEffect;
  constructor(@Inject(EVENT_CONSUMER) events: EventConsumerPort, @Inject(DATABASE) database: Database, changed: FactsChanged) {
    super(events, database, changed);
  }
}

@Injectable()
export class WorkflowFactConsumer extends FactConsumer {
  protected readonly name = 'data.facts.workflow';
  protected readonly source = 'workflow';
  protected readonly effect = workflowFactEffect;
  constructor(@Inject(EVENT_CONSUMER) events: EventConsumerPort, @Inject(DATABASE) database: Database, changed: FactsChanged) {
    super(events, database, changed);
  }
}

@Injectable()
export class KnowledgeFactConsumer extends FactConsumer {
  protected readonly name = 'data.facts.knowledge';
  protected readonly source = 'knowledge';
  protected readonly effect = knowledgeFactEffect;
  constructor(@Inject(EVENT_CONSUMER) events: EventConsumerPort, @Inject(DATABASE) database: Database, changed: FactsChanged) {
    super(events, database, changed);
  }
}
