import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { defaultCalendars } from '@collab/business-calendar';
import { deterministicEventId, type EventStore } from '@collab/event-store';
import { pauseUnlessStopped, Stopped } from '@collab/following';
import {
  calendarCoverageDecider,
  calendarCoverageStreamId,
  type CalendarCoverageEvent,
  type CalendarCoverageState,
  type WatchCalendarCoverage,
} from '@collab/intake-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { CLOCK, CommandHandler, EVENT_STORE, PLATFORM_CONFIG, type Clock, type PlatformConfig } from '@collab/service-kit';
import { CalendarDirectory } from '../calendar-directory';
import { CalendarSeeder } from '../default-calendars/calendar-seeder';
import { CalendarCatalogue } from '../read-calendars/calendar-catalogue';

const WATCHER = { id: 'intake.calendar-coverage', kind: 'system' } as const;

/**
 * Raises CalendarCoverageEnding when a calendar's announced holidays run out within 60 days.
 *
 * A durable timer without a timer table: the due instant is a pure function of the calendar's
 * definition (its `announcedThrough`), and whether it fired is the `coverage-<id>` stream, so
 * nothing lives only in memory. Each pass (once at start, after the seeder, then every
 * INTAKE_CALENDAR_WATCH_MS by the injected clock) asks the decider for every calendar; a due
 * warning not yet raised is appended with an id derived from the calendar and `announcedThrough`,
 * so two replicas (or a retry after a crash) record it once. A platform that was down past the due
 * instant raises it on start. Calendars are a handful, so a pass reads them all rather than
 * keeping an index of due times, which is why this is not workflow's SLA timer table (ADR 0007).
 */
@Injectable()
export class CalendarCoverageWatch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CalendarCoverage');
  private readonly stopping = new AbortController();
  private running: Promise<void> = Promise.resolve();

  // Injected as properties, as the SLA timer dispatcher's: the runtime's store, clock and settings.
  @Inject(EVENT_STORE) private readonly store!: EventStore;
  @Inject(CLOCK) private readonly clock!: Clock;
  @Inject(PLATFORM_CONFIG) private readonly config!: PlatformConfig;

  constructor(
    private readonly directory: CalendarDirectory,
    private readonly catalogue: CalendarCatalogue,
    private readonly seeder: CalendarSeeder,
  ) {}

  // The one command path (load, decide, append with the expected version, retry); built on first use
  // because the store is injected as a property.
  private handler?: CommandHandler<WatchCalendarCoverage, CalendarCoverageEvent, CalendarCoverageState, DecisionContext>;
  private get coverage(): CommandHandler<WatchCalendarCoverage, CalendarCoverageEvent, CalendarCoverageState, DecisionContext> {
    this.handler ??= new CommandHandler(this.store, calendarCoverageDecider, {
      streamOf: (command) => calendarCoverageStreamId(command.calendar.id),
      retriesOnConflict: 2,
    });
    return this.handler;
  }

  /** The first look is awaited, so a warning already due is recorded before the API answers. */
  async onApplicationBootstrap(): Promise<void> {
    await this.seeder.seeded;
    await this.pass().catch((error: unknown) => this.logger.error({ msg: 'calendar coverage check failed at start', error }));
    this.running = this.watch();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  /** When the warning for the calendar's current coverage was raised, if it has been. */
  async raisedAt(calendarId: string, announcedThrough: string): Promise<string | undefined> {
    const { state } = await this.coverage.load(calendarCoverageStreamId(calendarId));
    return state.raised[announcedThrough];
  }

  private async watch(): Promise<void> {
    try {
      while (!this.stopping.signal.aborted) {
        await pauseUnlessStopped(this.config.INTAKE_CALENDAR_WATCH_MS, this.stopping.signal);
        await this.pass().catch((error: unknown) => this.logger.error({ msg: 'calendar coverage check failed; trying again', error }));
      }
    } catch (error) {
      if (!(error instanceof Stopped)) throw error;
    }
  }

  private async pass(): Promise<void> {
    const ids = new Set([
      ...defaultCalendars().map((calendar) => calendar.id),
      ...(await this.catalogue.list()).map((calendar) => calendar.id),
    ]);
    for (const id of ids) await this.look(id);
  }

  private async look(calendarId: string): Promise<void> {
    const found = await this.directory.find(calendarId);
    if (!found?.announcedThrough) return;
    const { version: _version, ...calendar } = found;
    const streamId = calendarCoverageStreamId(calendarId);
    const purpose = `coverage-ending/${found.announcedThrough}`;
    const handled = await this.coverage.handle(
      { type: 'WatchCalendarCoverage', calendar },
      { now: this.clock.now() },
      {
        metadata: { correlationId: deterministicEventId(streamId, purpose), actor: WATCHER },
        eventIdFor: (_event, index) => deterministicEventId(streamId, `${purpose}/${index}`),
      },
    );
    if (handled.events.length > 0)
      this.logger.warn(`calendar ${calendarId}: announced holidays end after ${found.announcedThrough}; add the next year's`);
  }
}
