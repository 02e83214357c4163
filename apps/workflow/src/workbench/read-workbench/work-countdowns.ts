import { Inject, Injectable } from '@nestjs/common';
import type { BusinessCalendar } from '@collab/business-calendar';
import type { CaseFact } from '../../cases/case-facts';
import type { CaseView } from '../../cases/case-view/case-view.entity';
import { SlaClocks, type SlaClockReading } from '../../sla/sla.providers';
import type { TaskView } from '../../tasks/task-view/task-view.entity';
import { BUSINESS_CALENDARS, type BusinessCalendars } from '../../workflow.ports';
import { countdownToDue, mostUrgentClock, type CalendarsById, type WorkCountdown } from './work-item';

const clocksBy = (clocks: readonly SlaClockReading[], key: (clock: SlaClockReading) => string | null): Map<string, SlaClockReading[]> => {
  const grouped = new Map<string, SlaClockReading[]>();
  for (const clock of clocks) {
    const id = key(clock);
    if (id !== null) grouped.set(id, [...(grouped.get(id) ?? []), clock]);
  }
  return grouped;
};

/** The countdown of each case and task on a desk, by id. */
export interface DeskCountdowns {
  readonly ofCase: (view: CaseView) => WorkCountdown | null;
  readonly ofTask: (view: TaskView) => WorkCountdown | null;
}

/**
 * Countdowns for a desk's work: the most urgent running SLA clock of each item (else its promised
 * due time), measured in business time on the clock's own calendar with the case's priority, as
 * the SLA timers count it. Calendars are read once per desk.
 */
@Injectable()
export class WorkCountdowns {
  constructor(
    private readonly clocks: SlaClocks,
    @Inject(BUSINESS_CALENDARS) private readonly calendars: BusinessCalendars,
  ) {}

  async of(cases: readonly CaseView[], tasks: readonly TaskView[], facts: ReadonlyMap<string, CaseFact>, now: Date): Promise<DeskCountdowns> {
    const [caseClocks, taskClocks] = await Promise.all([
      this.clocks.forCases(cases.map((view) => view.id), now),
      this.clocks.forTasks(tasks.map((view) => view.id), now),
    ]);
    const calendars = await this.calendarsOf([...caseClocks, ...taskClocks].map((reading) => reading.calendarId), tasks.map((view) => view.sla.calendarId));
    const byCase = clocksBy(caseClocks, (reading) => (reading.taskId === null ? reading.caseId : null));
    const byTask = clocksBy(taskClocks, (reading) => reading.taskId);
    return {
      ofCase: (view) =>
        mostUrgentClock(byCase.get(view.id) ?? [], calendars, view.priority, now) ??
        countdownToDue({ startedAt: view.openedAt, dueAt: view.resolutionDueAt, targetMinutes: null, calendarId: null }, calendars, view.priority, now),
      ofTask: (view) => {
        const priority = facts.get(view.caseId)?.priority ?? null;
        const due = { startedAt: view.requestedAt, dueAt: view.completeDueAt, targetMinutes: view.sla.completeWithinBusinessMinutes, calendarId: view.sla.calendarId };
        return mostUrgentClock(byTask.get(view.id) ?? [], calendars, priority, now) ?? countdownToDue(due, calendars, priority, now);
      },
    };
  }

  private async calendarsOf(...ids: readonly (string | null)[][]): Promise<CalendarsById> {
    const wanted = [...new Set(ids.flat().filter((id): id is string => id !== null))];
    const found = await Promise.all(wanted.map(async (id) => [id, await this.calendars.calendar(id)] as const));
    return new Map(found.filter((entry): entry is readonly [string, BusinessCalendar] => entry[1] !== undefined));
  }
}
