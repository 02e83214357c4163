import type { PipeTransform } from '@nestjs/common';
import { CALENDAR_ID_PATTERN } from '@collab/business-calendar';
import { ValidationFailed } from '@collab/service-kit';

/** A calendar id in the path; a malformed one is a 400 naming the parameter, not a 404. */
export class CalendarIdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CALENDAR_ID_PATTERN.test(value))
      throw new ValidationFailed([
        { field: 'id', message: 'must be a calendar id such as cn-standard or 24x7' },
      ]);
    return value;
  }
}
