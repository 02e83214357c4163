import { Inject, Injectable } from '@nestjs/common';
import { WrongExpectedVersion, type EventStore, type StreamAppend } from '@collab/event-store';
import { EVENT_STORE } from '@collab/service-kit';
import type { ContactAppends } from './contact-appends';

/**
 * Writes a contact's streams. Where the store has multi-stream transactions: one append, all or
 * nothing. Where it has not (EventStoreDB): stream after stream in an order that a retry can
 * complete — identities and the customer's stream first (they settle races), then the case, then
 * the thread (a thread another contact bound meanwhile keeps its case), and the key's record last,
 * so a record always means the contact is fully written.
 */
@Injectable()
export class ContactWriter {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async write({ core, thread, idempotency }: ContactAppends): Promise<void> {
    if (this.store.atomicMultiStream) {
      await this.store.appendMany([...core, ...(thread ? [thread] : []), ...(idempotency ? [idempotency] : [])]);
      return;
    }
    await this.store.appendMany(core);
    if (thread) await this.unlessRaced(thread);
    if (idempotency) await this.store.append(idempotency.streamId, idempotency.events, idempotency.expected);
  }

  private async unlessRaced({ streamId, events, expected }: StreamAppend): Promise<void> {
    try {
      await this.store.append(streamId, events, expected);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion)) throw error;
    }
  }
}
