import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { coverageOf, type CalendarCoverage } from '@collab/business-calendar';
import { Forbidden } from '@collab/domain-kernel';
import { Answers, CLOCK, CurrentPrincipal, Roles, uuidParam, type Clock, type Principal } from '@collab/service-kit';
import { STAFF_ROLES } from '@collab/workflow-domain';
import { GetCase } from '../../cases/get-case/get-case.query';
import { BUSINESS_CALENDARS, type BusinessCalendars } from '../../workflow.ports';
import { SlaClocks, type SlaClockReading } from '../sla-clocks/sla-clocks';
import { caseSlaSchema } from '../../workflow.answers';

/** GET /api/v1/cases/{id}/sla */
export interface CaseSla {
  readonly caseId: string;
  /** The moment the countdowns count from. */
  readonly asAt: string;
  readonly clocks: readonly (SlaClockReading & { readonly coverage: CalendarCoverage | null })[];
}

/**
 * Whether the clock's due time and escalations fall within its calendar's announced holidays, by
 * the calendar as it is now; null for a clock of calendar minutes (the quiet period before auto-close).
 */
const coverageOfClock = async (clock: SlaClockReading, calendars: BusinessCalendars): Promise<CalendarCoverage | null> => {
  const calendar = clock.calendarId === null ? undefined : await calendars.calendar(clock.calendarId);
  if (!calendar) return null;
  return coverageOf(calendar, [clock.dueAt, ...clock.escalations.map((escalation) => escalation.at)].map((at) => new Date(at)));
};

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CaseSlaHttp {
  constructor(
    private readonly queries: QueryBus,
    private readonly clocks: SlaClocks,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BUSINESS_CALENDARS) private readonly calendars: BusinessCalendars,
  ) {}

  /** The SLA clocks of the case and of each of its collaboration tasks. */
  @Answers(caseSlaSchema)
  @Get(':id/sla')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({
    description:
      'Each clock (case:response, case:resolution, case:auto-close, task:<id>:accept, task:<id>:complete) with its due time, warning, breach, ' +
      'escalation level reached, and for a running clock the seconds left until due (negative once overdue); ' +
      'coverage says whether the due time falls within the calendar’s announced holidays (complete: false past announcedThrough).',
  })
  @ApiForbiddenResponse({ description: 'Only internal staff read SLA clocks.' })
  @ApiNotFoundResponse({ description: 'No such case.' })
  async clocksOf(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<CaseSla> {
    if (principal.audience !== 'INTERNAL') throw new Forbidden('only internal staff read SLA clocks');
    // The case must exist (and be visible) before its clocks are shown: an unknown id is a 404, not an empty list.
    await this.queries.execute(new GetCase(id, principal));
    const now = this.clock.now();
    const clocks = await this.clocks.forCases([id], now);
    const covered = await Promise.all(clocks.map(async (clock) => ({ ...clock, coverage: await coverageOfClock(clock, this.calendars) })));
    return { caseId: id, asAt: now.toISOString(), clocks: covered };
  }
}
