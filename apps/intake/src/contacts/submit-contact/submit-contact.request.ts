import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { AUDIENCES, CHANNEL_KINDS, PRIORITIES, REQUEST_TYPES } from '@collab/intake-domain';

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
    phone: optionalText(32),
    email: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an email address' })).optional(),
    unit: optionalText(128),
    partner: optionalText(128),
    tier: optionalText(32),
  })
  .strict()
  .refine((value) => value.id ?? value.phone ?? value.email, {
    message: 'needs at least one of id, phone or email to identify the requester',
  });

export const submitContactSchema = z
  .object({
    channel: z.enum(CHANNEL_KINDS),
    audience: z.enum(AUDIENCES),
    requester,
    requestType: z.enum(REQUEST_TYPES),
    category: text(200),
    subject: text(500),
    description: text(20_000),
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'must be a BCP 47 language tag such as zh-Hans, ja, fi or en' }),
    region: text(64),
    priority: z.enum(PRIORITIES).default('NORMAL'),
    occurredAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' }).optional(),
    externalRef: optionalText(200),
    threadRef: optionalText(200),
  })
  .strict();

export class SubmitContactRequest extends createZodDto(submitContactSchema) {}
export type SubmitContactInput = z.infer<typeof submitContactSchema>;
