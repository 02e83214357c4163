import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { WrongExpectedVersion, type EventStore, type NewEvent } from '@collab/event-store';
import { EVENT_STORE } from '@collab/service-kit';

const threadStreamId = (threadRef: string): string => `thread-${createHash('sha256').update(threadRef).digest('hex').slice(0, 40)}`;

const INTAKE = { id: 'intake', kind: 'service' } as const;

/**
 * Which case a conversation thread (an email thread, a chat session) belongs to. The stream holds
 * ThreadStarted, then a ThreadMoved each time a contact on the thread found its case ended and
 * opened (or joined) another: the last event names the thread's case.
 */
@Injectable()
export class ThreadIndex {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async caseOf(threadRef: string): Promise<string | undefined> {
    return (await this.bindingOf(threadRef))?.caseId;
  }

  /** Binds the thread to the case; the first case to claim a thread keeps it. */
  async bind(threadRef: string, caseId: string, correlationId: string): Promise<void> {
    await this.appendUnlessRaced(threadRef, { id: randomUUID(), type: 'ThreadStarted', data: { threadRef, caseId }, metadata: { correlationId, actor: INTAKE } }, 'no_stream');
  }

  /**
   * Moves the thread from its ended case to the case its latest contact went to. Of two contacts
   * racing to move it, the first wins and the other leaves it be, as with the first claim.
   */
  async move(threadRef: string, move: { readonly from: string; readonly to: string }, correlationId: string): Promise<void> {
    const binding = await this.bindingOf(threadRef);
    if (binding?.caseId !== move.from) return;
    const data = { threadRef, caseId: move.to, previousCaseId: move.from };
    await this.appendUnlessRaced(threadRef, { id: randomUUID(), type: 'ThreadMoved', data, metadata: { correlationId, actor: INTAKE } }, binding.version);
  }

  private async bindingOf(threadRef: string): Promise<{ caseId: string; version: number } | undefined> {
    const events = await this.store.readStream(threadStreamId(threadRef));
    const caseId = (events.at(-1)?.data as { caseId?: string } | undefined)?.caseId;
    return caseId === undefined ? undefined : { caseId, version: events.length };
  }

  private async appendUnlessRaced(threadRef: string, event: NewEvent, expected: 'no_stream' | number): Promise<void> {
    try {
      await this.store.append(threadStreamId(threadRef), [event], expected);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion)) throw error;
    }
  }
}
