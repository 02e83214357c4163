import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { BusinessCalendar } from '@collab/business-calendar';
import type { CalendarView } from '../calendar-view/calendar-view';

interface CalendarViewRow {
  readonly definition: BusinessCalendar;
  readonly version: number;
}

/** Every calendar, from the read model (it follows the log a moment behind the commands). */
@Injectable()
export class CalendarCatalogue {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<CalendarView[]> {
    const rows: CalendarViewRow[] = await this.dataSource.query(
      'select definition, version from intake.calendar_view order by id',
    );
    return rows.map((row) => ({ ...row.definition, version: row.version }));
  }
}
