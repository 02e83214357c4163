import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { dataLanguage, readerFor, type CollabEvent } from '@collab/contracts';
import { EVENT_CONSUMER, ProcessedEvents, type EventConsumerPort, type RunningConsumer } from '@collab/messaging';
import { DATABASE, type Database } from '@collab/service-kit';

const CONSUMER = 'workflow.customer-tags';
const data = readerFor(dataLanguage, { only: ['CustomerTagged', 'CustomerUntagged'] });

/**
 * Workflow's own copy of the customers' tags (客户标签), from data's published CustomerTagged and
 * CustomerUntagged, for routing rules that name a tag. A later version of a customer's tag stream
 * always wins, so a late or redelivered message never brings back a tag that was removed.
 */
@Injectable()
export class CustomerTagsConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly inbox = new ProcessedEvents({ schema: 'workflow' });
  private consumer?: RunningConsumer;

  constructor(
    @Inject(EVENT_CONSUMER) private readonly events: EventConsumerPort,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.events.consume({ consumerName: CONSUMER, source: 'data', handle: (event) => this.on(event), sharesBatchTransaction: true });
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async on(event: CollabEvent): Promise<void> {
    const message = data.read(event);
    if (message === undefined) return;
    const { customerId, tag } = message.data;
    await this.inbox.runOnce(this.database.pool, { consumerName: CONSUMER, eventId: event.id }, async (tx) => {
      await tx.query(
        `insert into workflow.customer_tag (customer_id, tag, present, version) values ($1, $2, $3, $4)
         on conflict (customer_id, tag) do update set present = excluded.present, version = excluded.version
         where workflow.customer_tag.version < excluded.version`,
        [customerId, tag, message.type === 'CustomerTagged', event.streamversion],
      );
    });
  }
}

/** The tags a customer holds as far as workflow has heard. */
@Injectable()
export class CustomerTagReader {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async tagsOf(customerId: string): Promise<string[]> {
    const { rows } = await this.database.pool.query<{ tag: string }>('select tag from workflow.customer_tag where customer_id = $1 and present order by tag', [customerId]);
    return rows.map((row) => row.tag);
  }
}
