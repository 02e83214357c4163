import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@collab/domain-kernel';
import type { EventMetadata, JsonObject, NewEvent, StreamAppend } from '@collab/event-store';
import {
  caseStreamId,
  customerDecider,
  customerStreamId,
  idempotencyDecider,
  intakeCaseDecider,
  threadDecider,
  type Contact,
  type IdentityClaimed,
  type IntakeCaseEvent,
  type IntakeCaseState,
  type Placement,
} from '@collab/intake-domain';
import type { ContactFacts } from './contact-facts';
import type { ContactRequest } from './contact-request';

const INTAKE = { id: 'intake', kind: 'service' } as const;

/** The streams a contact writes, in the order a store without multi-stream transactions must write them. */
export interface ContactAppends {
  /** Identity claims, the customer's stream (the arbiter of placement), the case. */
  readonly core: readonly StreamAppend[];
  /** Binding the thread to the case: only once the case exists. */
  readonly thread?: StreamAppend;
  /** The key's record, claimed and answered at once: last, it says the contact is done. */
  readonly idempotency?: StreamAppend;
}

/** What every append of one attempt is decided on. */
export interface Decided {
  readonly now: Date;
  readonly request: ContactRequest;
  readonly facts: ContactFacts;
  readonly windowMinutes: number;
}

const toNewEvents = (events: readonly DomainEvent[], metadata: EventMetadata, idOf: (index: number) => string): NewEvent[] =>
  events.map((event, index) => ({ id: idOf(index), type: event.type, data: event.data as JsonObject, metadata }));

const random = (): string => randomUUID();

/** Each identity nobody claimed yet, claimed for the customer ("no stream": two channels meeting a new customer at once agree on one). */
export const identityClaims = ({ facts, request, now }: Decided): StreamAppend[] =>
  facts.identities
    .filter((identity) => identity.owner === undefined)
    .map(({ key, streamId }) => {
      const data: IdentityClaimed['data'] = { customerId: facts.customerId, kind: key.kind, value: key.value, claimedAt: now.toISOString() };
      const metadata = { correlationId: request.metadata.correlationId, actor: INTAKE };
      return { streamId, events: toNewEvents([{ type: 'IdentityClaimed', data }], metadata, random), expected: 'no_stream' as const };
    });

/**
 * The customer's stream: a new case recorded in it, with its expected version, so two contacts of
 * one customer racing in one category end in one case. A join records nothing but still expects
 * the version it read (of the customer whose stream says whether the joined case ended), so a
 * case workflow ended in between is not joined.
 */
export const customerAppend = ({ facts, request, now, windowMinutes }: Decided, placement: Placement): StreamAppend | undefined => {
  if (placement.kind === 'join' && placement.reason === 'THREAD') {
    const guard = facts.threadCase;
    return guard && { streamId: guard.customerStreamId, events: [], expected: guard.customerVersion };
  }
  const { state, version } = facts.customer;
  const command = { type: 'PlaceContact', customerId: facts.customerId, category: request.contact.category, newCaseId: request.caseId, windowMinutes } as const;
  const events = placement.kind === 'open' ? customerDecider.decide(command, state, { now }) : [];
  const newEvents = toNewEvents(events, request.metadata, (index) => request.idFor(`customer-placement/${index}`));
  return { streamId: customerStreamId(facts.customerId), events: newEvents, expected: version || 'no_stream' };
};

/** Opening the case, acknowledged at once ("no stream": the case id is this request's). */
export const openingAppend = ({ request }: Decided, events: readonly IntakeCaseEvent[]): StreamAppend => {
  const newEvents = toNewEvents(events, request.metadata, (index) => request.idFor(`open-case/${index}`));
  return { streamId: caseStreamId(request.caseId), events: newEvents, expected: 'no_stream' };
};

/** Joining an open case. Any version: an open case stays open in intake's stream, so joins of one case never refuse each other. */
export const joiningAppend = ({ request, now }: Decided, joined: { caseId: string; state: IntakeCaseState; contact: Contact; reason: Extract<Placement, { kind: 'join' }>['reason'] }): StreamAppend => {
  const events = intakeCaseDecider.decide({ type: 'AppendContact', contact: joined.contact, reason: joined.reason }, joined.state, { now });
  const newEvents = toNewEvents(events, request.metadata, (index) => request.idFor(`append-contact/${index}`));
  return { streamId: caseStreamId(joined.caseId), events: newEvents, expected: 'any' };
};

/** The thread bound to the case its contact went to (or moved there from its ended case). */
export const threadAppend = ({ facts, request, now }: Decided, bound: { caseId: string; customerId: string; previousCaseId?: string }): StreamAppend | undefined => {
  const { thread } = facts;
  const threadRef = request.contact.threadRef;
  if (!thread || threadRef === undefined) return undefined;
  const command = { type: 'BindThread', threadRef, ...bound } as const;
  const events = threadDecider.decide(command, thread.folded.state, { now });
  if (events.length === 0) return undefined;
  const metadata = { correlationId: request.metadata.correlationId, actor: INTAKE };
  return { streamId: thread.streamId, events: toNewEvents(events, metadata, random), expected: thread.folded.version || 'no_stream' };
};

/** The key's record with the answer: claimed and answered in one append, expecting the version read. */
export const idempotencyAppend = ({ facts, request, now }: Decided, answer: object): StreamAppend | undefined => {
  const record = request.idempotency;
  if (!record || !facts.idempotency) return undefined;
  const { state, version } = facts.idempotency;
  const events = idempotencyDecider.decide({ type: 'AnswerRequest', requestHash: record.requestHash, answer: { ...answer } }, state, { now });
  const metadata = { correlationId: record.streamId, actor: INTAKE };
  return { streamId: record.streamId, events: toNewEvents(events, metadata, random), expected: version || 'no_stream' };
};
