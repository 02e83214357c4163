import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailed } from '@collab/domain-kernel';

/** A path id that must be a UUID; a malformed one is a 400 naming the parameter. */
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new ValidationFailed([{ field: name, message: 'must be a UUID' }]) });
