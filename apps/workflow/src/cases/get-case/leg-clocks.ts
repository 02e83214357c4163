import { Inject, Injectable } from '@nestjs/common';
import { BUSINESS_CALENDARS, ORG_LOOKUP, type BusinessCalendars, type OrgLookup, type OrgParty } from '../../workflow.ports';
import { holdersOf, type HolderClock, type LegHistory } from './case-legs';

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
    if (!party) return [holder, { holdingUnit: null, calendar: null, unknown: `the org directory does not know ${what}` }];
    const calendar = await this.calendars.calendar(party.calendarId);
    if (!calendar) return [holder, { holdingUnit: party.id, calendar: null, unknown: `calendar ${party.calendarId} of ${party.id} is not known` }];
    return [holder, { holdingUnit: party.id, calendar }];
  }
}
