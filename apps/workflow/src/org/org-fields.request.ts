import { z } from 'zod';
import { REGION_MESSAGE, normaliseRegion } from '@collab/domain-kernel';
import {
  AGENT_ID_PATTERN,
  CALENDAR_ID_PATTERN,
  LANGUAGE_RANGE_PATTERN,
  MAX_CAPACITY,
  ORG_ID_PATTERN,
  REGION_PATTERN,
  SKILL_PATTERN,
} from '@collab/workflow-domain';

/*
 * The JSON shape of the directory's requests. The deciders judge again what the values mean
 * (a parent's level, a queue that exists), so a well-formed body gets every such problem named.
 */

export const nfcText = (max: number) =>
  z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, { message: 'must not be empty' })
        .max(max, { message: `must be at most ${max} characters` }),
    );

export const orgId = z
  .string()
  .regex(ORG_ID_PATTERN, {
    message: 'must be a lowercase slug of 2 to 63 characters such as billing or gd-sz-store',
  });
export const agentId = z.string().regex(AGENT_ID_PATTERN, { message: "must be the person's token subject" });
/** Spelt as intake spells a contact's region (`gd-sz` is `GD-SZ`), so the two always compare equal. */
export const region = z
  .string()
  .transform(normaliseRegion)
  .pipe(z.string().regex(REGION_PATTERN, { message: REGION_MESSAGE }));
export const calendarId = z
  .string()
  .regex(CALENDAR_ID_PATTERN, { message: 'must be a calendar id such as cn-standard or 24x7' });
export const supervisorId = agentId.nullable();
export const names = z.object({ zh: nfcText(200), en: nfcText(200) }).strict();
export const reason = nfcText(500);

/** Skills are compared as lowercase words: `Billing` and `billing` are one skill. */
export const skills = z
  .array(
    z
      .string()
      .transform((value) => value.trim().toLowerCase())
      .pipe(z.string().regex(SKILL_PATTERN, { message: 'must be a skill such as billing or complaint' })),
  )
  .max(50, { message: 'must list at most 50 skills' });
export const languages = z
  .array(
    z
      .string()
      .regex(LANGUAGE_RANGE_PATTERN, { message: 'must be a language range such as zh, zh-Hans, en or *' }),
  )
  .min(1, { message: 'must name at least one language' })
  .max(20, { message: 'must list at most 20 languages' });
export const capacity = z.number().int({ message: 'must be a whole number' }).min(0).max(MAX_CAPACITY);

/** A change must change something; an unknown field is reported as such, not as "changes nothing". */
export const changesSomething = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...shape, reason: reason.optional() })
    .partial()
    .strict()
    .refine(
      (changes) => Object.entries(changes).some(([key, value]) => key !== 'reason' && value !== undefined),
      {
        message: `must change at least one of ${Object.keys(shape).join(', ')}`,
        when: (payload) => payload.issues.length === 0,
      },
    );

/** Why an agent or partner is switched off or on, or an entry withdrawn. */
export const reasonBody = z.object({ reason }).strict();
