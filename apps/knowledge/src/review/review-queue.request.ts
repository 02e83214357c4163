import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { pageQueryShape } from '@collab/service-kit';

export const reviewQueueQuerySchema = z.strictObject(pageQueryShape);
export class ReviewQueueQuery extends createZodDto(reviewQueueQuerySchema) {}
