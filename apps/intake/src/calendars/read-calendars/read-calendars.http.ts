import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Answers, Allow, NotFound } from '@collab/service-kit';
import { CalendarDirectory } from '../calendar-directory';
import { CalendarIdParam } from '../calendar-id.param';
import { etagOf, type CalendarView } from '../calendar-view/calendar-view';
import { CalendarCatalogue } from './calendar-catalogue';
import { calendarListSchema, calendarViewSchema } from '../../intake.answers';

/** Any authenticated caller may see the calendars: channels show service hours from them. */
@ApiTags('calendars')
@ApiBearerAuth()
@Allow('requester')
@Controller('api/v1/calendars')
export class ReadCalendarsHttp {
  constructor(
    private readonly catalogue: CalendarCatalogue,
    private readonly directory: CalendarDirectory,
  ) {}

  @Answers(calendarListSchema)
  @Get()
  @ApiOkResponse({ description: 'Every calendar with its whole definition and version, ordered by id.' })
  list(): Promise<CalendarView[]> {
    return this.catalogue.list();
  }

  @Answers(calendarViewSchema)
  @Get(':id')
  @ApiOkResponse({ description: 'The calendar as last defined; its ETag is its version, for If-Match.' })
  @ApiNotFoundResponse({ description: 'No calendar has this id.' })
  async get(
    @Param('id', CalendarIdParam) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CalendarView> {
    const calendar = await this.directory.find(id);
    if (!calendar) throw new NotFound('calendar', id);
    response.setHeader('ETag', etagOf(calendar));
    return calendar;
  }
}
