import type { PipeTransform } from '@nestjs/common';
import { NotFound, ValidationFailed } from '@collab/service-kit';
import { isSystemParameterName, type SystemParameterName } from '@collab/workflow-domain';

/** A parameter name in the path: a malformed one is a 400 naming `name`, an unknown one a 404. */
export class SystemParameterNameParam implements PipeTransform<string, SystemParameterName> {
  transform(value: string): SystemParameterName {
    if (!/^[a-zA-Z]{1,64}$/.test(value)) throw new ValidationFailed([{ field: 'name', message: 'must be a parameter name such as reopenWindowMinutes' }]);
    if (!isSystemParameterName(value)) throw new NotFound('system parameter', value);
    return value;
  }
}
