import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Answers, CurrentPrincipal, Roles, ValidationFailed, type Principal } from '@collab/service-kit';
import { CalendarIdParam } from '../calendar-id.param';
import { etagOf, type CalendarView } from '../calendar-view/calendar-view';
import { DefineCalendarHandler } from './define-calendar.handler';
import { DefineCalendarRequest, calendarInputOf } from './define-calendar.request';
import { calendarViewSchema } from '../../intake.answers';

/** If-Match `"3"` (the ETag a GET gave) → version 3; without it, the last definition wins. */
const expectedVersionOf = (request: Request): { expectedVersion?: number } => {
  const ifMatch = request.get('if-match');
  if (ifMatch === undefined) return {};
  const match = /^"(\d{1,9})"$/.exec(ifMatch.trim());
  if (!match)
    throw new ValidationFailed([
      { field: 'If-Match', message: 'must be the ETag of a calendar version, e.g. "3"' },
    ]);
  return { expectedVersion: Number(match[1]) };
};

@ApiTags('calendars')
@ApiBearerAuth()
@Controller('api/v1/calendars')
export class DefineCalendarHttp {
  constructor(private readonly handler: DefineCalendarHandler) {}

  /**
   * Defines the calendar, or revises it with this whole definition (what is left out is gone).
   * Workflow's SLA timers receive the same definition through intake's events.
   */
  @Answers(calendarViewSchema)
  @Put(':id')
  @Roles('admin')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the version this revision is based on.',
  })
  @ApiCreatedResponse({ description: 'The calendar was defined.' })
  @ApiOkResponse({ description: 'The calendar was revised (or already had this definition).' })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiConflictResponse({ description: 'If-Match names a version the calendar is no longer at.' })
  async define(
    @Param('id', CalendarIdParam) id: string,
    @Body() body: DefineCalendarRequest,
    @CurrentPrincipal() principal: Principal,
    // Status (201 or 200) and ETag depend on the outcome; its `req` carries If-Match and X-Correlation-Id.
    @Res({ passthrough: true }) response: Response,
  ): Promise<CalendarView> {
    const { req: request } = response;
    const { calendar, created } = await this.handler.execute(
      { type: 'DefineCalendar', calendar: calendarInputOf(id, body), ...expectedVersionOf(request) },
      principal,
      request.get('x-correlation-id'),
    );
    response.status(created ? 201 : 200).setHeader('ETag', etagOf(calendar));
    return calendar;
  }
}
