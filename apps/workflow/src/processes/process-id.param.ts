import type { PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '@collab/service-kit';
import { PROCESS_ID_PATTERN } from '@collab/workflow-domain';

/** A process id in the path; a malformed one is a 400 naming the parameter, not a 404. */
export class ProcessIdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!PROCESS_ID_PATTERN.test(value))
      throw new ValidationFailed([
        { field: 'id', message: 'must be a process id such as billing-complaints' },
      ]);
    return value;
  }
}

/** A version number in the path: 1, 2, … */
export class ProcessVersionParam implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,8}$/.test(value))
      throw new ValidationFailed([{ field: 'version', message: 'must be a version number: 1, 2, …' }]);
    return Number(value);
  }
}
