import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

export const selfServiceResolutionSchema = z
  .object({
    /** The client's id for this resolution: sending it again records nothing more. */
    resolutionId: z.uuid({ message: 'must be a UUID' }).optional(),
    articleId: z.uuid({ message: 'must be an article id (UUID)' }),
    /** Whom a channel or agent records it for; a customer records it for themselves. */
    customerId: z.string().trim().min(1).max(200, { message: 'must be at most 200 characters' }).optional(),
    channel: z.string().trim().min(1).max(100, { message: 'must be at most 100 characters' }).optional(),
  })
  .strict();
export class SelfServiceResolutionBody extends createZodDto(selfServiceResolutionSchema) {}
