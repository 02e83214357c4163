import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { readerFor, workflowLanguage, type CollabEvent } from '@collab/contracts';
import { EVENT_CONSUMER, ProcessedEvents, type EventConsumerPort, type RunningConsumer } from '@collab/messaging';
import { DATABASE, type Database } from '@collab/service-kit';
import { JoinWindow } from './join-window';

const CONSUMER = 'intake.system-parameters';
const workflow = readerFor(workflowLanguage, { only: ['SystemParameterChanged'] });

/** The parameters intake decides with; workflow's other parameters pass by. */
const INTAKE_PARAMETERS: ReadonlySet<string> = new Set(['joinWindowMinutes']);

/**
 * Keeps intake.system_parameter equal to what workflow's administrators set for intake. Each
 * parameter's stream version only moves forward (the upsert's guard), so a redelivered older
 * change changes nothing; each event is applied in the transaction that records it as processed.
 */
@Injectable()
export class JoinWindowConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly inbox = new ProcessedEvents({ schema: 'intake' });
  private consumer?: RunningConsumer;

  constructor(
    @Inject(EVENT_CONSUMER) private readonly events: EventConsumerPort,
    @Inject(DATABASE) private readonly database: Database,
    private readonly window: JoinWindow,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.events.consume({ consumerName: CONSUMER, source: 'workflow', handle: (event) => this.on(event) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async on(event: CollabEvent): Promise<void> {
    const message = workflow.read(event);
    if (message?.type !== 'SystemParameterChanged' || !INTAKE_PARAMETERS.has(message.data.name)) return;
    const { name, value } = message.data;
    await this.inbox.runOnce(this.database.pool, { consumerName: CONSUMER, eventId: event.id }, async (tx) => {
      await tx.query(
        `insert into intake.system_parameter (name, value, version) values ($1, $2, $3)
         on conflict (name) do update set value = excluded.value, version = excluded.version
         where intake.system_parameter.version < excluded.version`,
        [name, value, event.streamversion],
      );
    });
    this.window.changed();
  }
}
