import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { coverageEndsAt, coverageWarningAt } from '@collab/business-calendar';
import { Answers, Allow, NotFound } from '@collab/service-kit';
import { CalendarDirectory } from '../calendar-directory';
import { CalendarIdParam } from '../calendar-id.param';
import { CalendarCoverageWatch } from './calendar-coverage-watch';
import { calendarCoverageSchema, type CalendarCoverageView } from '../../intake.answers';

/**
 * Beside the definition, not in it: GET /calendars/{id} answers exactly what a PUT takes, so an
 * administrator can edit and send it back. Any authenticated caller may look, as at the calendar.
 */
@ApiTags('calendars')
@ApiBearerAuth()
@Allow('requester')
@Controller('api/v1/calendars')
export class CalendarCoverageHttp {
  constructor(
    private readonly directory: CalendarDirectory,
    private readonly watch: CalendarCoverageWatch,
  ) {}

  @Answers(calendarCoverageSchema)
  @Get(':id/coverage')
  @ApiOkResponse({
    description:
      'How far the announced holidays reach (announcedThrough), when administrators are warned (60 days before), and whether CalendarCoverageEnding was raised.',
  })
  @ApiNotFoundResponse({ description: 'No calendar has this id.' })
  async coverage(@Param('id', CalendarIdParam) id: string): Promise<CalendarCoverageView> {
    const calendar = await this.directory.find(id);
    if (!calendar) throw new NotFound('calendar', id);
    const { announcedThrough } = calendar;
    const raisedAt = announcedThrough === undefined ? undefined : await this.watch.raisedAt(id, announcedThrough);
    return {
      calendarId: id,
      announcedThrough: announcedThrough ?? null,
      coverageEndsAt: coverageEndsAt(calendar)?.toISOString() ?? null,
      warningFrom: coverageWarningAt(calendar)?.toISOString() ?? null,
      ending: raisedAt === undefined ? null : { raisedAt },
    };
  }
}
