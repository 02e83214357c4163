import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { pageQueryShape } from '@collab/service-kit';

const MIN_VIEWS = 'must be a whole number from 1 to 1000000';

export const unhelpfulQuerySchema = z.strictObject({
  ...pageQueryShape,
  /** Read at least this often: a rarely read article has not had its chance to help yet. */
  minViews: z.coerce.number({ message: MIN_VIEWS }).int({ message: MIN_VIEWS }).min(1, { message: MIN_VIEWS }).max(1_000_000, { message: MIN_VIEWS }).default(20),
});
export class UnhelpfulQuery extends createZodDto(unhelpfulQuerySchema) {}
