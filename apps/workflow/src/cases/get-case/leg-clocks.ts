import { Inject, Injectable } from '@nestjs/common';
import type { BusinessCalendar } from '@collab/business-calendar';
import { BUSINESS_CALENDARS, ORG_LOOKUP, type BusinessCalendars, type OrgLookup, type OrgParty } from '../../workflow.ports';
import { holdersOf, type HolderClock, type LegHistory } from './case-legs';

/** What a holder's leg is measured on: the party behind it and the party's calendar, or why it cannot be. */
export const holderClockOf = (
  what: string,
  party: { readonly kind: 'UNIT' | 'PARTNER'; readonly id: string; readonly calendarId: string } | undefined,
  calendar: BusinessCalendar | undefined,
): HolderClock => {
  if (!party) return { clockHolder: null, calendar: null, unknown: `the org directory does not know ${what}` };
  const clockHolder = { kind: party.kind, id: party.id };
  if (!calendar) return { clockHolder, calendar: null, unknown: `calendar ${party.calendarId} of ${party.id} is not known` };
  return { clockHolder, calendar };
};

/** Finds each holder's business calendar: a queue through the unit that owns it, a task's target directly. */
@Injectable()
export class LegClocks {
  constructor(
    @Inject(ORG_LOOKUP) private readonly org: OrgLookup,
    @Inject(BUSINESS_CALENDARS) private readonly calendars: BusinessCalendars,
  ) {}

  async for(history: LegHistory, until: Date): Promise<Map<string, HolderClock>> {
    const { queues, parties } = holdersOf(history, until);
    const clocks = await Promise.all([
      ...queues.map((queue) => this.clockOf(queue, `queue ${queue}`, () => this.org.unitOfQueue(queue))),
      ...parties.map((party) => this.clockOf(party, `unit or partner ${party}`, () => this.org.party(party))),
    ]);
    return new Map(clocks);
  }

  private async clockOf(holder: string, what: string, find: () => Promise<OrgParty | undefined>): Promise<[string, HolderClock]> {
    const party = await find();
    const calendar = party && (await this.calendars.calendar(party.calendarId));
    return [holder, holderClockOf(what, party, calendar)];
  }
}
