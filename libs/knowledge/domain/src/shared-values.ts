import type { FieldError } from '@collab/domain-kernel';

/** A BCP 47 language tag as the API accepts it: `zh-Hans`, `zh-Hant`, `ja`, `fi`, `en`. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A name or title per language, e.g. `{ 'zh-Hans': '账单', en: 'Billing' }`. */
export type LocalisedNames = Readonly<Record<string, string>>;

/**
 * Texts are stored in Unicode NFC, so a title typed with combining marks (Finnish "ä" as a + ¨)
 * equals, sorts and searches like the precomposed one; surrounding space carries no meaning.
 */
export const normalisedText = (text: string): string => text.normalize('NFC').trim();

/** Length in code points, not UTF-16 units: a CJK extension character counts once. */
export const lengthOf = (text: string): number => [...text].length;

export const textErrors = (field: string, text: string, limits: { min: number; max: number }): FieldError[] => {
  const length = lengthOf(text);
  return length < limits.min || length > limits.max
    ? [{ field, message: `must be ${limits.min} to ${limits.max} characters` }]
    : [];
};

const MAX_NAME_LENGTH = 200;

export const normalisedNames = (names: LocalisedNames): LocalisedNames =>
  Object.fromEntries(Object.entries(names).map(([language, name]) => [language, normalisedText(name)]));

export const namesErrors = (field: string, names: LocalisedNames): FieldError[] => {
  const entries = Object.entries(names);
  if (entries.length === 0) return [{ field, message: 'must name it in at least one language' }];
  return entries.flatMap(([language, name]): FieldError[] =>
    LANGUAGE_TAG.test(language)
      ? textErrors(`${field}.${language}`, name, { min: 1, max: MAX_NAME_LENGTH })
      : [{ field: `${field}.${language}`, message: 'must be keyed by a BCP 47 language tag such as zh-Hans or en' }],
  );
};

export const sameNames = (a: LocalisedNames, b: LocalisedNames): boolean =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** A refusal that names the thing refused, since IllegalTransition's default message speaks of a case. */
export const refusalMessage = (command: string, reason: string): { message: string } => ({
  message: `${command} is not allowed: ${reason}`,
});
