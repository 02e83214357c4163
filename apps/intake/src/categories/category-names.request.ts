import { z } from 'zod';
import { LANGUAGE_TAG_PATTERN } from '@collab/intake-domain';

const MAX_NAME_LENGTH = 200;
const MAX_LANGUAGES = 20;

/** A category's name per language: `{ "zh-Hans": "退款", "en": "Refund" }`, each trimmed and in NFC. */
export const categoryNamesSchema = z
  .record(
    z.string().regex(LANGUAGE_TAG_PATTERN),
    z
      .string()
      .transform((value) => value.normalize('NFC').trim())
      .pipe(
        z
          .string()
          .min(1, { message: 'must not be empty' })
          .max(MAX_NAME_LENGTH, { message: `must be at most ${MAX_NAME_LENGTH} characters` }),
      ),
    {
      error: (issue) =>
        issue.code === 'invalid_key'
          ? 'must be keyed by a BCP 47 language tag such as zh-Hans or en'
          : undefined,
    },
  )
  .refine((names) => Object.keys(names).length > 0, {
    message: 'must name the category in at least one language',
  })
  .refine((names) => Object.keys(names).length <= MAX_LANGUAGES, {
    message: `must name it in at most ${MAX_LANGUAGES} languages`,
  });
