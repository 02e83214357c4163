import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { WrongExpectedVersion, type EventStore } from '@collab/event-store';
import { EVENT_STORE } from '@collab/service-kit';

const threadStreamId = (threadRef: string): string => `thread-${createHash('sha256').update(threadRef).digest('hex').slice(0, 40)}`;

/** Which case a conversation thread (an email thread, a chat session) belongs to. */
@Injectable()
export class ThreadIndex {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async caseOf(threadRef: string): Promise<string | undefined> {
    const [started] = await this.store.readStream(threadStreamId(threadRef));
    return (started?.data as { caseId?: string } | undefined)?.caseId;
  }

  /** Binds the thread to the case; the first case to claim a thread keeps it. */
  async bind(threadRef: string, caseId: string, correlationId: string): Promise<void> {
    try {
      await this.store.append(
        threadStreamId(threadRef),
        [{ id: randomUUID(), type: 'ThreadStarted', data: { threadRef, caseId }, metadata: { correlationId, actor: { id: 'intake', kind: 'service' } } }],
        'no_stream',
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion)) throw error;
    }
  }
}
