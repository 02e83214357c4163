import { Inject, Injectable } from '@nestjs/common';
import { isWorkingTime } from '@collab/business-calendar';
import { CLOCK, type Clock } from '@collab/service-kit';
import { ServicePromises } from '../../acknowledgement/service-promises';
import { CHANNEL_LOOKUP, type ChannelLookup } from '../../intake.ports';
import type { ExpectedTimesQuestion } from './expected-times.request';
import type { ExpectedTimesAnswer } from '../../intake.answers';

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
