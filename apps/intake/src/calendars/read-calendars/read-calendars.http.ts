import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Answers, Allow, NotFound, pageOf, pageQueryShape, type ListPage } from '@collab/service-kit';
import { CalendarDirectory } from '../calendar-directory';
import { CalendarIdParam } from '../calendar-id.param';
import { etagOf, type CalendarView } from '../calendar-view/calendar-view';
import { CalendarCatalogue } from './calendar-catalogue';
import { calendarListSchema, calendarViewSchema } from '../../intake.answers';

class ReadCalendarsQuery extends createZodDto(z.strictObject(pageQueryShape)) {}

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
  async list(@Query() query: ReadCalendarsQuery): Promise<ListPage<CalendarView>> {
    return pageOf(await this.catalogue.list(), query, (calendar) => calendar.id);
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
