import { foldHan } from './han-folding';
import { highlightTerms } from './search-text';

export const MARK_OPEN = '<mark>';
export const MARK_CLOSE = '</mark>';
/** What ts_headline puts around a match before the text is escaped; neither occurs in articles' text in practice. */
export const HEADLINE_OPEN = '⟦';
export const HEADLINE_CLOSE = '⟧';

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A snippet is HTML-safe text with matches in `<mark>`: the article's own markup never reaches the page. */
export const fromHeadline = (headline: string): string =>
  headline
    .split(HEADLINE_OPEN)
    .map((part, index) => {
      if (index === 0) return escapeHtml(part);
      const close = part.indexOf(HEADLINE_CLOSE);
      return close < 0 ? escapeHtml(part) : `${MARK_OPEN}${escapeHtml(part.slice(0, close))}${MARK_CLOSE}${escapeHtml(part.slice(close + 1))}`;
    })
    .join('');

/** Matches are looked for in the text's search form (folded character for character, so positions hold). */
const marked = (text: string, terms: readonly string[]): boolean[] => {
  const lower = foldHan(text.toLowerCase());
  const mask = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    for (let at = lower.indexOf(term); at >= 0 && term.length > 0; at = lower.indexOf(term, at + term.length))
      for (let i = at; i < at + term.length; i += 1) mask[i] = true;
  }
  return mask;
};

const SNIPPET_RADIUS = 60;

/** Our own headline for `simple` documents (CJK), whose bigram index ts_headline cannot see through. */
export const simpleSnippet = (body: string, query: string): string => {
  const text = body.normalize('NFC').replace(/\s+/g, ' ');
  const mask = marked(text, highlightTerms(query));
  const first = Math.max(0, mask.indexOf(true));
  const start = Math.max(0, first - SNIPPET_RADIUS);
  const end = Math.min(text.length, first + SNIPPET_RADIUS * 2);
  let snippet = start > 0 ? '…' : '';
  for (let i = start; i < end; i += 1) {
    if (mask[i] && !mask[i - 1]) snippet += MARK_OPEN;
    snippet += escapeHtml(text[i]!);
    if (mask[i] && !mask[i + 1]) snippet += MARK_CLOSE;
  }
  if (mask[end - 1] && mask[end]) snippet += MARK_CLOSE;
  return end < text.length ? `${snippet}…` : snippet;
};
