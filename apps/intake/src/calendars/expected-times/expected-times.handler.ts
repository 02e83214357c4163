import { Inject, Injectable } from '@nestjs/common';
import { isWorkingTime, type CalendarCoverage } from '@collab/business-calendar';
import { CLOCK, type Clock } from '@collab/service-kit';
import { ServicePromises } from '../../acknowledgement/service-promises';
import { CHANNEL_LOOKUP, type ChannelLookup } from '../../intake.ports';
import type { ExpectedTimesQuestion } from './expected-times.request';

/** The promise a contact would get, and why: whether the desk is open, or on call, when it arrives. */
export interface ExpectedTimesAnswer {
  readonly channel: string;
  readonly calendarId: string;
  readonly timeZone: string;
  readonly arrivesAt: string;
  /** It arrives within the calendar's normal working hours. */
  readonly withinServiceHours: boolean;
  /** It arrives outside them, but the on-call rota (值班) works contacts of its priority right then. */
  readonly onCall: boolean;
  readonly firstResponseBy: string;
  readonly resolveBy: string;
  /**
   * `complete: false` when the times reach past the calendar's announced holidays
   * (`announcedThrough`): counted on its rule-based holidays only, they may move once the next
   * year's holidays are announced; `warning` says so, naming the calendar.
   */
  readonly coverage: CalendarCoverage;
}

/**
 * The what-if: the same ServicePromises the acknowledgement uses, so a channel shows the promise a
 * submitted contact would really get: on the calendar of the front-line stage of the process the
 * case would start on. Without a category, only processes not scoped by category can apply. It
 * reads and never writes.
 */
@Injectable()
export class ExpectedTimesHandler {
  constructor(
    @Inject(CHANNEL_LOOKUP) private readonly channels: ChannelLookup,
    private readonly promises: ServicePromises,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async answer(question: ExpectedTimesQuestion): Promise<ExpectedTimesAnswer> {
    const arrivesAt = question.arrivesAt === undefined ? this.clock.now() : new Date(question.arrivesAt);
    const channel = await this.channels.requireAcceptingContacts(question.channel, question.audience);
    const { priority, requestType, audience } = question;
    const facts = { requestType, audience, category: question.category ?? '' };
    const { calendar, firstResponseBy, resolveBy, coverage } = await this.promises.promise({ facts, priority, receivedAt: arrivesAt });
    const withinServiceHours = isWorkingTime(calendar, arrivesAt);
    return {
      channel: channel.id,
      calendarId: calendar.id,
      timeZone: calendar.timeZone,
      arrivesAt: arrivesAt.toISOString(),
      withinServiceHours,
      onCall: !withinServiceHours && isWorkingTime(calendar, arrivesAt, { priority }),
      firstResponseBy,
      resolveBy,
      coverage,
    };
  }
}
