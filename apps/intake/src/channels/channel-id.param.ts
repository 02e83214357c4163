import type { PipeTransform } from '@nestjs/common';
import { CHANNEL_ID_PATTERN } from '@collab/intake-domain';
import { ValidationFailed } from '@collab/service-kit';

/** A channel id in the path; a malformed one is a 400 naming the parameter. */
export class ChannelIdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CHANNEL_ID_PATTERN.test(value))
      throw new ValidationFailed([
        { field: 'id', message: 'must be a channel id such as app or partner-api' },
      ]);
    return value;
  }
}
