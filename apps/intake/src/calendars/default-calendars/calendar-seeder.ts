import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { defaultCalendars, type BusinessCalendar } from '@collab/business-calendar';
import { WrongExpectedVersion, deterministicEventId, type EventStore } from '@collab/event-store';
import {
  type CalendarCommand,
  type CalendarEvent,
  type CalendarState,
} from '@collab/intake-domain';
import { Conflict, type DecisionContext } from '@collab/domain-kernel';
import { CLOCK, EVENT_STORE, seedOnce, type Clock, type CommandHandler } from '@collab/service-kit';
import { calendarCommandHandler } from '../define-calendar/define-calendar.handler';

/**
 * Defines the default calendars (cn-standard, fi-standard, 24x7) before the API listens, so the
 * default channels' calendars exist from the first contact. Idempotent: each is defined only if
 * new (expected version 0), and with deterministic event ids two replicas seeding at once write
 * it once. A default calendar only the seed has written is upgraded to this release's default;
 * an administrator's changes to a default calendar survive restarts and releases.
 */
const SEEDED_BY = 'intake.seed';

@Injectable()
export class CalendarSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('CalendarSeeder');
  private readonly calendars: CommandHandler<
    CalendarCommand,
    CalendarEvent,
    CalendarState,
    DecisionContext
  >;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.calendars = calendarCommandHandler(store);
    this.seeded = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  /** Settles once the defaults are defined (or were already): what watches them waits for it. */
  readonly seeded: Promise<void>;
  private settle: (outcome: Promise<void>) => void = () => undefined;

  async onApplicationBootstrap(): Promise<void> {
    const seeding = this.seedAll();
    this.settle(seeding.catch(() => undefined));
    await seeding;
  }

  private async seedAll(): Promise<void> {
    let seeded = 0;
    for (const calendar of defaultCalendars()) if (await this.seed(calendar)) seeded += 1;
    if (seeded > 0) this.logger.log(`defined ${seeded} default calendars`);
  }

  private async seed(calendar: BusinessCalendar): Promise<boolean> {
    // A definition (expected version 0), or else an upgrade of a calendar nobody but the seed wrote.
    const command = { type: 'DefineCalendar', calendar, expectedVersion: 0 } as const;
    if (await seedOnce(this.calendars, { command, context: { now: this.clock.now() }, key: `calendar/${calendar.id}`, seededBy: SEEDED_BY }))
      return true;
    return this.upgradeUntouched(calendar);
  }

  /**
   * A default calendar that only the seed ever wrote is brought up to this release's default, so an
   * installation seeded before holidays had rules (cn-standard with 2026 only, fi-standard with
   * 2026's list) learns them without an administrator. One an administrator has defined or
   * revised is never touched. Conditional on the version read, with ids derived from it: replicas
   * starting together record the upgrade once.
   */
  private async upgradeUntouched(calendar: BusinessCalendar): Promise<boolean> {
    const recorded = await this.calendars.recorded(this.calendars.streamOf({ type: 'DefineCalendar', calendar, expectedVersion: 0 }));
    if (recorded.length === 0 || recorded.some((event) => event.metadata.actor.id !== SEEDED_BY)) return false;
    const key = `calendar/${calendar.id}/upgrade/${recorded.length}`;
    try {
      const handled = await this.calendars.handle(
        { type: 'DefineCalendar', calendar, expectedVersion: recorded.length },
        { now: this.clock.now() },
        {
          metadata: { correlationId: deterministicEventId('seed', key), actor: { id: SEEDED_BY, kind: 'system' } },
          eventIdFor: (_event, index) => deterministicEventId('seed', `${key}/${index}`),
        },
      );
      if (handled.events.length > 0) this.logger.log(`brought default calendar ${calendar.id} up to this release`);
      return handled.events.length > 0;
    } catch (error) {
      // Another replica upgraded it, or an administrator revised it, in between: theirs stands.
      if (error instanceof Conflict || error instanceof WrongExpectedVersion) return false;
      throw error;
    }
  }
}
