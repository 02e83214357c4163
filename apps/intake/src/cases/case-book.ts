import { Inject, Injectable } from '@nestjs/common';
import { AggregateStreams, type EventMetadata, type EventStore } from '@collab/event-store';
import {
  caseStreamId,
  intakeCaseDecider,
  type Contact,
  type IntakeCaseCommand,
  type IntakeCaseEvent,
  type IntakeCaseState,
  type JoinReason,
} from '@collab/intake-domain';
import { IllegalTransition, type DecisionContext } from '@collab/domain-kernel';
import { CLOCK, EVENT_STORE, type Clock } from '@collab/service-kit';
import { ServicePromises } from '../acknowledgement/service-promises';
import { CaseNumberAllocator } from '../case-numbers/case-number-allocator';
import type { Acknowledgement } from '../contacts/submit-contact/submit-contact.command';
import type { IdFor } from '../idempotency/idempotent-requests';

/** What a contact learns about the case it is in. */
export interface CaseReceipt {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly customerId: string;
  readonly acknowledgement: Acknowledgement;
}

export interface Recording {
  readonly metadata: EventMetadata;
  readonly idFor: IdFor;
}

type OpenState = Extract<IntakeCaseState, { status: 'open' }>;

const receiptOf = (state: OpenState): CaseReceipt => {
  const { opened, acknowledgement } = state;
  return {
    caseId: opened.caseId,
    caseNumber: opened.caseNumber,
    customerId: opened.customerId,
    acknowledgement: {
      acknowledgedAt: acknowledgement?.acknowledgedAt ?? opened.openedAt,
      expectedFirstResponseAt: acknowledgement?.expectedFirstResponseAt ?? '',
      expectedResolutionAt: acknowledgement?.expectedResolutionAt ?? '',
      calendarId: acknowledgement?.calendarId ?? '',
    },
  };
};

/** How long a contact waits for a case another contact is opening at this very moment. */
const JOIN_ATTEMPTS = 40;
const JOIN_PAUSE_MS = 50;

/** The intake side of every case: opened with a number and a promise, joined by later contacts. */
@Injectable()
export class CaseBook {
  private readonly cases: AggregateStreams<IntakeCaseCommand, IntakeCaseEvent, IntakeCaseState, DecisionContext>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly numbers: CaseNumberAllocator,
    private readonly promises: ServicePromises,
  ) {
    this.cases = new AggregateStreams(store, intakeCaseDecider);
  }

  async load(caseId: string): Promise<{ state: IntakeCaseState; version: number }> {
    return this.cases.load(caseStreamId(caseId));
  }

  /** Opens the case, acknowledged at once: a number, and expected times on the channel's calendar. */
  async open(caseId: string, contact: Contact & { customerId: string }, calendarId: string, recording: Recording): Promise<CaseReceipt> {
    const now = this.clock.now();
    const promise = await this.promises.promise({ calendarId, requestType: contact.requestType, priority: contact.priority, receivedAt: now });
    const caseNumber = await this.numbers.next(contact.region, promise.localDay);
    const expected = { firstResponseBy: promise.firstResponseBy, resolveBy: promise.resolveBy, calendarId: promise.calendarId };
    try {
      const handled = await this.cases.handle(caseStreamId(caseId), { type: 'OpenCase', caseId, caseNumber, customerId: contact.customerId, contact, expected }, { now }, {
        metadata: recording.metadata,
        eventIdFor: (_event, index) => recording.idFor(`open-case/${index}`),
      });
      return receiptOf(this.opened(handled.events));
    } catch (error) {
      // A retry of a request that died after opening: answer with the case it opened.
      if (!(error instanceof IllegalTransition)) throw error;
      const { state } = await this.load(caseId);
      if (state.status === 'open' && state.opened.contactId === contact.contactId) return receiptOf(state);
      throw error;
    }
  }

  /**
   * Adds the contact to an open case. Undefined when the case never appears: the contact that
   * was opening it failed before it wrote the case, so this contact opens its own.
   */
  async join(caseId: string, contact: Contact, reason: JoinReason, recording: Recording): Promise<CaseReceipt | undefined> {
    for (let attempt = 0; attempt < JOIN_ATTEMPTS; attempt += 1) {
      const { state } = await this.load(caseId);
      if (state.status === 'open') {
        await this.cases.handle(caseStreamId(caseId), { type: 'AppendContact', contact, reason }, { now: this.clock.now() }, {
          metadata: recording.metadata,
          eventIdFor: (_event, index) => recording.idFor(`append-contact/${index}`),
          retriesOnConflict: 10,
        });
        return receiptOf(state);
      }
      await new Promise((resolve) => setTimeout(resolve, JOIN_PAUSE_MS));
    }
    return undefined;
  }

  private opened(events: readonly IntakeCaseEvent[]): OpenState {
    const state = events.reduce(intakeCaseDecider.evolve, intakeCaseDecider.initialState());
    if (state.status !== 'open') throw new Error('OpenCase decided no CaseOpened');
    return state;
  }
}
