import { foldHan } from './han-folding';

/**
 * How article texts and queries become PostgreSQL text-search input, the same on PostgreSQL and
 * PGlite (no extension needed): Finnish and English through their stemming configurations;
 * Chinese and Japanese, which have no spaces, through Intl.Segmenter's words plus character
 * bigrams into the `simple` configuration, so a query matches wherever its characters stand
 * together even when the segmenter cut the document differently.
 */
export type SearchConfig = 'finnish' | 'english' | 'simple';

/** Han (traditional and simplified), kana, hangul: scripts written without spaces between words. */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々]+/gu;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々]/u;

export const configFor = (language: string): SearchConfig => {
  const primary = language.toLowerCase().split('-')[0];
  if (primary === 'fi') return 'finnish';
  if (primary === 'en') return 'english';
  return 'simple';
};

export const hasCjk = (text: string): boolean => CJK_CHAR.test(text);

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const cjkRuns = (text: string): string[] => text.match(CJK_RUN) ?? [];

/** Every two adjacent characters of a run; a run of one character is its own term. */
export const bigramsOf = (run: string): string[] => {
  const chars = [...run];
  return chars.length === 1 ? chars : chars.slice(1).map((char, index) => `${chars[index]!}${char}`);
};

const wordsOf = (text: string): string[] =>
  [...segmenter.segment(text.normalize('NFC').toLowerCase())].filter((segment) => segment.isWordLike).map((segment) => segment.segment);

/** Lower case, NFC, traditional Chinese folded to simplified: documents and queries alike. */
export const searchForm = (text: string): string => foldHan(text.normalize('NFC').toLowerCase());

/** The terms a `simple`-configuration document is indexed by: its words and the bigrams of its CJK runs. */
export const simpleTerms = (text: string): string[] => {
  const normalised = searchForm(text);
  return [...wordsOf(normalised), ...cjkRuns(normalised).flatMap(bigramsOf)];
};

/** What to_tsvector receives for a document in this configuration. */
export const documentText = (config: SearchConfig, text: string): string =>
  config === 'simple' ? simpleTerms(text).join(' ') : text.normalize('NFC');

const quoted = (term: string): string => `'${term.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

/**
 * A `simple` tsquery for a query: every CJK run as its bigrams, every other word as itself, all
 * required. Undefined when nothing searchable is left (only punctuation).
 */
export const simpleQuery = (query: string): string | undefined => {
  const normalised = searchForm(query);
  const latin = wordsOf(normalised.replace(CJK_RUN, ' '));
  const terms = [...new Set([...cjkRuns(normalised).flatMap(bigramsOf), ...latin])];
  return terms.length === 0 ? undefined : terms.map(quoted).join(' & ');
};

/** The query's pieces to highlight in a `simple` document: whole runs and words first, then bigrams. */
export const highlightTerms = (query: string): string[] => {
  const normalised = searchForm(query);
  const runs = cjkRuns(normalised);
  const words = wordsOf(normalised.replace(CJK_RUN, ' '));
  return [...new Set([...runs, ...words, ...runs.flatMap(bigramsOf)])].sort((a, b) => b.length - a.length);
};

/**
 * A `simple` tsquery for a long text (a case's description): any of its terms, so the articles
 * sharing the most of them rank first. Undefined when nothing searchable is left.
 */
export const simpleAnyQuery = (text: string): string | undefined => simpleQuery(text)?.replace(/ & /g, ' | ');
