import type { TaskStatusWord } from '@collab/domain-kernel';
import { isOpenTask, shownCaseStatus } from './shown-status';
import type { CustomerProfile } from './customer-profile.answers';

/** The rows the profile is assembled from (data.case_dim, data.fact, data.task_dim). */
export interface CaseRow {
  case_id: string;
  case_number: string | null;
  customer_id: string | null;
  requester_id: string | null;
  channel: string | null;
  category: string | null;
  request_type: string | null;
  priority: string | null;
  region: string | null;
  subject: string | null;
  opened_at: Date | null;
  status: string | null;
  status_at: Date | null;
  response_due_at: Date | null;
  resolution_due_at: Date | null;
}

export interface FactRow {
  event_id: string;
  source: string;
  kind: string;
  at: Date;
  case_id: string | null;
  channel: string | null;
  from_unit: string | null;
  unit: string | null;
  partner: string | null;
  task_id: string | null;
  calendar_minutes: number | null;
  business_minutes: number | null;
  csat: number | null;
  detail: Record<string, unknown>;
}

export interface TaskRow {
  task_id: string;
  case_id: string;
  from_unit: string;
  from_kind: 'QUEUE' | 'UNIT' | 'PARTNER';
  to_kind: string;
  to_id: string;
  region: string;
  requested_at: Date;
  status: TaskStatusWord;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;
/** A text field of a fact's detail (the facts hold what the published events carried), or null. */
const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const CONTACT_KINDS = new Set(['CASE_OPENED', 'CONTACT_APPENDED']);

export interface ProfileSources {
  readonly customerId: string;
  readonly cases: readonly CaseRow[];
  readonly facts: readonly FactRow[];
  readonly tasks: readonly TaskRow[];
  readonly articles: readonly { article_id: string; title: string; language: string }[];
  readonly tags: readonly string[];
}

const legOf = (task: TaskRow, facts: readonly FactRow[]) => {
  const ended = facts.find((fact) => fact.task_id === task.task_id && (fact.kind === 'TASK_COMPLETED' || fact.kind === 'TASK_RETURNED'));
  return {
    taskId: task.task_id, caseId: task.case_id, from: { kind: task.from_kind, id: task.from_unit }, to: { kind: task.to_kind, id: task.to_id, region: task.region },
    status: task.status, requestedAt: iso(task.requested_at), endedAt: iso(ended?.at ?? null), turnaroundBusinessMinutes: ended?.business_minutes ?? null,
  };
};

const caseOf = (row: CaseRow, facts: readonly FactRow[], tasks: readonly TaskRow[]) => {
  const own = facts.filter((fact) => fact.case_id === row.case_id);
  const feedback = own.filter((fact) => fact.kind === 'FEEDBACK').at(-1);
  const legs = tasks.filter((task) => task.case_id === row.case_id);
  return {
    caseId: row.case_id, caseNumber: row.case_number, status: shownCaseStatus(row.status, legs.filter((task) => isOpenTask(task.status)).length), statusAt: iso(row.status_at), openedAt: iso(row.opened_at),
    channel: row.channel, category: row.category, requestType: row.request_type, priority: row.priority, region: row.region, subject: row.subject,
    promise: { firstResponseBy: iso(row.response_due_at), resolutionBy: iso(row.resolution_due_at) },
    csat: feedback?.csat ?? null,
    legs: legs.map((task) => legOf(task, own)),
  };
};

/** One customer's 360° view: every contact, case, leg, rating and article, and one timeline across services. */
export const profileOf = ({ customerId, cases, facts, tasks, articles, tags }: ProfileSources): CustomerProfile => {
  const ratings = facts.flatMap((fact) => (fact.kind === 'FEEDBACK' && fact.csat !== null ? [fact.csat] : []));
  const usedBy = (articleId: string) => facts.filter((fact) => fact.kind === 'CASE_RESOLVED' && ((fact.detail['knowledgeArticleIds'] as string[] | undefined) ?? []).includes(articleId)).map((fact) => fact.case_id);
  return {
    customerId,
    contacts: facts.filter((fact) => CONTACT_KINDS.has(fact.kind)).map((fact) => ({
      at: fact.at.toISOString(), channel: fact.channel, channelKind: textOf(fact.detail['channelKind']), caseId: fact.case_id, subject: textOf(fact.detail['subject']),
    })),
    cases: cases.map((row) => caseOf(row, facts, tasks)),
    csat: { count: ratings.length, average: ratings.length === 0 ? null : Math.round((ratings.reduce((sum, csat) => sum + csat, 0) / ratings.length) * 100) / 100 },
    tags: [...tags],
    // Articles the resolutions used; workflow publishes no event for articles merely suggested, so none are listed as such.
    knowledgeArticles: articles.map((article) => ({ articleId: article.article_id, title: article.title, language: article.language, use: 'USED', caseIds: usedBy(article.article_id) })),
    timeline: facts.map((fact) => ({ at: fact.at.toISOString(), source: fact.source, kind: fact.kind, caseId: fact.case_id, ...(fact.task_id ? { taskId: fact.task_id } : {}), ...(fact.channel ? { channel: fact.channel } : {}) })),
  };
};
