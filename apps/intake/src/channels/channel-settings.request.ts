import { z } from 'zod';
import { AUDIENCES, CALENDAR_ID_PATTERN, LANGUAGE_TAG_PATTERN } from '@collab/intake-domain';

/** The fields an administrator sets when registering a channel and may change later. */
export const channelSettingsFields = {
  name: z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, { message: 'must not be empty' })
        .max(200, { message: 'must be at most 200 characters' }),
    ),
  audiences: z
    .array(z.enum(AUDIENCES))
    .min(1, { message: 'must name at least one audience' })
    .max(AUDIENCES.length * 2),
  calendarId: z
    .string()
    .regex(CALENDAR_ID_PATTERN, { message: 'must be a calendar id such as cn-standard or 24x7' }),
  defaultLanguage: z
    .string()
    .regex(LANGUAGE_TAG_PATTERN, { message: 'must be a BCP 47 language tag such as zh-Hans, ja, fi or en' }),
};

/** Why a channel was enabled or disabled; the body itself may be left out. */
export const reasonSchema = z
  .object({
    reason: z
      .string()
      .transform((value) => value.normalize('NFC').trim())
      .pipe(
        z
          .string()
          .min(1, { message: 'must not be empty' })
          .max(500, { message: 'must be at most 500 characters' }),
      )
      .optional(),
  })
  .strict()
  .default({});
