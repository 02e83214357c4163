import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EventStore } from '@collab/event-store';
import {
  caseStreamId,
  intakeCaseDecider,
  type Contact,
  type IntakeCaseEvent,
  type IntakeCaseState,
  type OpenCase,
} from '@collab/intake-domain';
import { fold } from '@collab/domain-kernel';
import { EVENT_STORE } from '@collab/service-kit';
import { ServicePromises } from '../acknowledgement/service-promises';
import { CALENDAR_LOOKUP, type CalendarLookup } from '../intake.ports';
import { CaseNumberAllocator } from '../case-numbers/case-number-allocator';
import type { Acknowledgement } from '../intake.answers';

/** What a contact learns about the case it is in. */
export interface CaseReceipt {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly customerId: string;
  readonly acknowledgement: Acknowledgement;
}

export type OpenCaseState = Extract<IntakeCaseState, { status: 'open' }>;

/** A case opened without its acknowledgement (a stream written by hand) answers with what it has. */
const acknowledgementOf = ({ opened, acknowledgement }: OpenCaseState): Acknowledgement =>
  acknowledgement
    ? {
        acknowledgedAt: acknowledgement.acknowledgedAt,
        expectedFirstResponseAt: acknowledgement.expectedFirstResponseAt,
        expectedResolutionAt: acknowledgement.expectedResolutionAt,
        calendarId: acknowledgement.calendarId,
        coverage: acknowledgement.coverage,
      }
    : { acknowledgedAt: opened.openedAt, expectedFirstResponseAt: '', expectedResolutionAt: '', calendarId: '', coverage: null };

export const receiptOf = (state: OpenCaseState): CaseReceipt => {
  const { opened } = state;
  return {
    caseId: opened.caseId,
    caseNumber: opened.caseNumber,
    customerId: opened.customerId,
    acknowledgement: acknowledgementOf(state),
  };
};

/** The receipt of a case as its opening decides it (CaseOpened and CaseAcknowledged). */
export const receiptOfOpening = (events: readonly IntakeCaseEvent[]): CaseReceipt => {
  const state = events.reduce(intakeCaseDecider.evolve, intakeCaseDecider.initialState());
  if (state.status !== 'open') throw new Error('OpenCase decided no CaseOpened');
  return receiptOf(state);
};

/** The intake side of every case: opened with a number and a promise, joined by later contacts. */
@Injectable()
export class CaseBook {

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly numbers: CaseNumberAllocator,
    private readonly promises: ServicePromises,
    @Inject(CALENDAR_LOOKUP) private readonly calendars: CalendarLookup,
  ) {}

  async load(caseId: string): Promise<{ state: IntakeCaseState; version: number }> {
    // Only read here: a contact's appends span several streams in one transaction (ContactWriter).
    const recorded = await this.store.readStream(caseStreamId(caseId));
    const events = recorded.map((event) => ({ type: event.type, data: event.data }) as IntakeCaseEvent);
    return { state: fold(intakeCaseDecider, events), version: recorded.length };
  }

  /** The command that opens the case, acknowledged at once: a number, and the expected times its process will hold. */
  async openCommand(caseId: string, contact: Contact & { customerId: string }, calendarId: string, now: Date): Promise<OpenCase> {
    const promise = await this.promises.promise({ facts: contact, priority: contact.priority, receivedAt: now });
    const channelCalendar = await this.calendars.require(calendarId);
    // The day the contact arrived on where the channel works, `YYYYMMDD`, numbers the case.
    const localDay = DateTime.fromJSDate(now, { zone: channelCalendar.timeZone }).toFormat('yyyyLLdd');
    const caseNumber = await this.numbers.next(contact.region, localDay);
    const { complete, announcedThrough, warning } = promise.coverage;
    const coverage = { complete, announcedThrough: announcedThrough ?? null, warning: warning ?? null };
    const expected = { firstResponseBy: promise.firstResponseBy, resolveBy: promise.resolveBy, calendarId: promise.calendar.id, coverage };
    return { type: 'OpenCase', caseId, caseNumber, customerId: contact.customerId, contact, expected };
  }
}
