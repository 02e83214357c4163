import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

export const articleViewSchema = z.strictObject({
  /** The client's id for this view: a retry with the same id is counted once. */
  viewId: z.uuid({ message: 'must be a UUID' }).optional(),
  channel: z.string().trim().min(1).max(100, { message: 'must be at most 100 characters' }).optional(),
});
export class ArticleViewBody extends createZodDto(articleViewSchema) {}
