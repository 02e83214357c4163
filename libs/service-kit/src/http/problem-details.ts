import type { FieldError } from '@collab/domain-kernel';

/** RFC 9457 problem details, with the `errors` list DESIGN.md §5 promises for invalid fields. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://collab.dev/problems/';

export interface ProblemSpec extends Partial<ProblemDetails> {
  readonly status: number;
  /** Last segment of the problem type URI, e.g. `validation-failed`. */
  readonly slug: string;
  readonly title: string;
  readonly detail: string;
}

export const problem = ({ slug, ...rest }: ProblemSpec): ProblemDetails => ({ type: `${TYPE_BASE}${slug}`, ...rest });
