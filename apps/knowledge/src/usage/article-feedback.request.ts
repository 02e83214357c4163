import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

export const articleFeedbackSchema = z.strictObject({
  helpful: z.boolean({ message: 'must be true (it helped) or false (it did not)' }),
});
export class ArticleFeedbackBody extends createZodDto(articleFeedbackSchema) {}
