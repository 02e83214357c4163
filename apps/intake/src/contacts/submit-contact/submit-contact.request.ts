import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { REGION_MESSAGE, REGION_PATTERN, normaliseRegion } from '@collab/domain-kernel';
import { AUDIENCES, PRIORITIES, REQUEST_TYPES } from '@collab/intake-domain';
import { instantSchema } from '@collab/service-kit';

/** Text arrives from many channels and keyboards: one Unicode form (NFC), no stray outer spaces. */
const text = (max: number) =>
  z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(z.string().min(1, { message: 'must not be empty' }).max(max, { message: `must be at most ${max} characters` }));

const optionalText = (max: number) => text(max).optional();

const requester = z
  .object({
    id: optionalText(128),
    name: optionalText(200),
    phone: optionalText(40),
    email: z.string().max(254, { message: 'must be at most 254 characters' }).trim().toLowerCase().pipe(z.email({ message: 'must be an email address' })).optional(),
    unit: optionalText(128),
    partner: optionalText(128),
    tier: optionalText(32),
  })
  .strict()
  .refine((value) => value.id ?? value.phone ?? value.email, {
    message: 'needs at least one of id, phone or email to identify the requester',
  });

const attachment = z
  .object({
    name: text(255),
    mediaType: z.string().max(255, { message: 'must be at most 255 characters' }).regex(/^[\w.+-]+\/[\w.+-]+$/, { message: 'must be a media type such as image/png' }),
    sizeBytes: z.number().int().min(0).max(100 * 1024 * 1024, { message: 'must be at most 100 MiB' }),
    uri: z.string().max(2048, { message: 'must be at most 2048 characters' }).pipe(z.url({ message: 'must be a URL' })).optional(),
  })
  .strict();

export const submitContactSchema = z
  .object({
    channel: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, { message: 'must be a registered channel id such as app or wechat' }),
    audience: z.enum(AUDIENCES),
    requester,
    requestType: z.enum(REQUEST_TYPES),
    category: z.string().max(200, { message: 'must be at most 200 characters' }).regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, { message: 'must be a category id such as billing/wrong-charge' }),
    subject: text(500),
    description: text(20_000),
    language: z
      .string()
      .max(35, { message: 'must be at most 35 characters' })
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'must be a BCP 47 language tag such as zh-Hans, ja, fi or en' })
      .optional(),
    // Normalised once, here: the case number, routing, the views and every event spell it one way (`bj` is `BJ`).
    region: z
      .string()
      .max(32, { message: 'must be at most 32 characters' })
      .transform(normaliseRegion)
      .pipe(z.string().regex(REGION_PATTERN, { message: REGION_MESSAGE })),
    priority: z.enum(PRIORITIES).default('NORMAL'),
    occurredAt: instantSchema().optional(),
    externalRef: optionalText(200),
    threadRef: optionalText(200),
    attachments: z.array(attachment).max(20, { message: 'must list at most 20 attachments' }).optional(),
  })
  .strict();

export class SubmitContactRequest extends createZodDto(submitContactSchema) {}
export type SubmitContactInput = z.infer<typeof submitContactSchema>;
