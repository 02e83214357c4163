import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  CHANNEL_ID_PATTERN,
  CHANNEL_KINDS,
  STANDARD_CALENDAR_ID,
  DEFAULT_CHANNEL_LANGUAGE,
} from '@collab/intake-domain';
import { channelSettingsFields } from '../channel-settings.request';

export const registerChannelSchema = z
  .object({
    id: z
      .string()
      .regex(CHANNEL_ID_PATTERN, {
        message: 'must be a lowercase slug of 2 to 63 characters such as gd-hotline',
      }),
    kind: z.enum(CHANNEL_KINDS),
    ...channelSettingsFields,
    calendarId: channelSettingsFields.calendarId.default(STANDARD_CALENDAR_ID),
    defaultLanguage: channelSettingsFields.defaultLanguage.default(DEFAULT_CHANNEL_LANGUAGE),
    enabled: z.boolean().default(true),
  })
  .strict();

export class RegisterChannelRequest extends createZodDto(registerChannelSchema) {}
