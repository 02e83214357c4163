import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { channelSettingsFields } from '../channel-settings.request';

export const changeChannelSchema = z
  .object(channelSettingsFields)
  .partial()
  .strict()
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: 'must change at least one of name, audiences, calendarId or defaultLanguage',
    // An unknown field is reported as such; "changes nothing" would only repeat it as noise.
    when: (payload) => payload.issues.length === 0,
  });

export class ChangeChannelRequest extends createZodDto(changeChannelSchema) {}
