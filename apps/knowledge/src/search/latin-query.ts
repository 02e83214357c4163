import { searchForm } from './search-text';

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** Words of Latin and other spaced scripts, as plain letters and digits (nothing to_tsquery would read as an operator). */
export const queryWords = (query: string): string[] => [
  ...new Set(
    [...segmenter.segment(searchForm(query))]
      .filter((segment) => segment.isWordLike)
      .map((segment) => segment.segment.replace(/[^\p{L}\p{N}]/gu, ''))
      .filter((word) => word.length > 0),
  ),
];

/** Words worth a typo look-up: Latin letters only, four or more (shorter ones have too many neighbours). */
export const typoCandidates = (words: readonly string[]): string[] => words.filter((word) => word.length >= 4 && /^[a-zà-ɏ]+$/u.test(word));

/** Levenshtein distance, bounded: stops counting past `max` (returns max + 1). */
export const editDistance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...current) > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
};

/** A typo forgiven: one edit in a word of up to six letters, two in a longer one. */
export const isNearMiss = (asked: string, known: string): boolean => editDistance(asked, known, asked.length > 6 ? 2 : 1) <= (asked.length > 6 ? 2 : 1);

/**
 * The tsquery text for stemmed rows (`to_tsquery('finnish'|'english', …)`): every word required,
 * each as a prefix (partial words match: `roam` finds roaming) or as one of its near misses found
 * in the index's vocabulary (`invocie` finds invoice). Each term is stemmed by the row's configuration.
 */
export const stemmedQuery = (words: readonly string[], near: ReadonlyMap<string, readonly string[]>): string =>
  words.map((word) => `(${[`${word}:*`, ...(near.get(word) ?? [])].join(' | ')})`).join(' & ');
