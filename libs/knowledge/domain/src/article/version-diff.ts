import type { ArticleContent } from './article-content';

export type DiffLine = { readonly op: 'same' | 'added' | 'removed'; readonly text: string };

export interface FieldChange {
  readonly field: string;
  readonly from?: unknown;
  readonly to?: unknown;
}

export interface VersionDiff {
  readonly from: number;
  readonly to: number;
  readonly fields: readonly FieldChange[];
  readonly body: readonly DiffLine[];
}

/** Bodies are at most 100,000 characters; beyond this many lines per side the LCS table would be too big, and the diff falls back to "all removed, all added". */
const MAX_LCS_CELLS = 4_000_000;

const lcsTable = (a: readonly string[], b: readonly string[]): Uint32Array => {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
  return table;
};

/** A line diff by longest common subsequence: the lines both keep, and what was removed and added between them. */
export const lineDiff = (before: string, after: string): DiffLine[] => {
  const a = before.split('\n');
  const b = after.split('\n');
  if ((a.length + 1) * (b.length + 1) > MAX_LCS_CELLS)
    return [...a.map((text) => ({ op: 'removed' as const, text })), ...b.map((text) => ({ op: 'added' as const, text }))];
  const table = lcsTable(a, b);
  const width = b.length + 1;
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ op: 'same', text: a[i]! });
      i += 1;
      j += 1;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) lines.push({ op: 'removed', text: a[(i += 1) - 1]! });
    else lines.push({ op: 'added', text: b[(j += 1) - 1]! });
  }
  return [...lines, ...a.slice(i).map((text) => ({ op: 'removed' as const, text })), ...b.slice(j).map((text) => ({ op: 'added' as const, text }))];
};

const COMPARED_FIELDS = ['title', 'summary', 'type', 'nodeId', 'audiences', 'partners', 'language', 'tags', 'effectiveFrom', 'expiresAt', 'reviewIntervalDays'] as const;

const valueOf = (value: unknown): { value?: unknown } => (value === undefined ? {} : { value });

/** What changed between two versions: each changed field with its old and new value, and the body line by line. */
export const versionDiff = (from: { version: number; content: ArticleContent }, to: { version: number; content: ArticleContent }): VersionDiff => ({
  from: from.version,
  to: to.version,
  fields: COMPARED_FIELDS.filter((field) => JSON.stringify(from.content[field]) !== JSON.stringify(to.content[field])).map((field) => {
    const before = valueOf(from.content[field]);
    const after = valueOf(to.content[field]);
    return { field, ...('value' in before ? { from: before.value } : {}), ...('value' in after ? { to: after.value } : {}) };
  }),
  body: lineDiff(from.content.body, to.content.body),
});
