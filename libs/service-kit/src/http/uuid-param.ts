import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailed } from '@collab/domain-kernel';

/** A path id that must be a UUID; a malformed one is a 400 naming the parameter. */
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new ValidationFailed([{ field: name, message: 'must be a UUID' }]) });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For ids that arrive outside a path parameter (gRPC fields, ids with aliases such as `me`). */
export const isUuid = (value: string): boolean => UUID.test(value);
