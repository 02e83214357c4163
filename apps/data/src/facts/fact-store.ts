import type { SqlExecutor } from '@collab/messaging';
import type { FactKind } from '@collab/data-domain';
import type { CaseStatus } from '@collab/domain-kernel';
import { reviewAfterFact } from '../tags/tag-reviews';

export type FactSource = 'intake' | 'workflow' | 'knowledge';

/** One fact as it is stored: the event it came from, its kind, when, who it involved and the figures it carries. */
export interface Fact {
  readonly eventId: string;
  readonly source: FactSource;
  readonly kind: FactKind;
  readonly at: string;
  readonly caseId?: string | null | undefined;
  readonly customerId?: string | null | undefined;
  /** The channel of a contact (a case's later contacts may come on other channels than its first). */
  readonly channel?: string | undefined;
  readonly fromUnit?: string | null | undefined;
  readonly unit?: string | null | undefined;
  readonly partner?: string | null | undefined;
  readonly taskId?: string | null | undefined;
  readonly calendarMinutes?: number | null | undefined;
  readonly businessMinutes?: number | null | undefined;
  readonly csat?: number | null | undefined;
  readonly detail?: Record<string, unknown>;
}

/** Stores a fact once: a redelivered event (same id) changes nothing. */
export const recordFact = async (tx: SqlExecutor, fact: Fact): Promise<void> => {
  await tx.query(
    `insert into data.fact (event_id, source, kind, at, case_id, customer_id, from_unit, unit, partner, task_id,
       calendar_minutes, business_minutes, csat, detail, channel)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15) on conflict (event_id) do nothing`,
    [
      fact.eventId, fact.source, fact.kind, new Date(fact.at), fact.caseId, fact.customerId, fact.fromUnit, fact.unit, fact.partner, fact.taskId,
      fact.calendarMinutes, fact.businessMinutes, fact.csat, JSON.stringify(fact.detail ?? {}), fact.channel,
    ].map((value) => value ?? null),
  );
  await reviewAfterFact(tx, fact);
};

/** The case's dimensions as one service knows them; a field left out keeps what the other service said. */
export interface CaseDimensions {
  readonly caseNumber?: string;
  readonly customerId?: string;
  /** The requester's own id (a customer token's subject), as the channel gave it. */
  readonly requesterId?: string | undefined;
  readonly channel?: string;
  readonly channelKind?: string;
  readonly audience?: string;
  readonly region?: string;
  readonly category?: string;
  readonly requestType?: string;
  readonly priority?: string;
  readonly customerTier?: string | null | undefined;
  readonly language?: string;
  readonly requesterPartner?: string | undefined;
  readonly subject?: string;
  readonly openedAt?: string;
  readonly calendarId?: string;
  readonly queue?: string;
  readonly responseDueAt?: string;
  readonly resolutionDueAt?: string;
}

const COLUMNS: Record<keyof CaseDimensions, string> = {
  caseNumber: 'case_number', customerId: 'customer_id', requesterId: 'requester_id', channel: 'channel', channelKind: 'channel_kind', audience: 'audience',
  region: 'region', category: 'category', requestType: 'request_type', priority: 'priority', customerTier: 'customer_tier',
  language: 'language', requesterPartner: 'requester_partner', subject: 'subject', openedAt: 'opened_at', calendarId: 'calendar_id',
  queue: 'queue', responseDueAt: 'response_due_at', resolutionDueAt: 'resolution_due_at',
};

/** Merges what an event says about a case into its dimensions (the same event twice gives the same row). */
export const describeCase = async (tx: SqlExecutor, caseId: string, dimensions: CaseDimensions): Promise<void> => {
  const known = (Object.entries(dimensions) as [keyof CaseDimensions, unknown][]).filter(([, value]) => value !== undefined && value !== null);
  const columns = known.map(([key]) => COLUMNS[key]);
  const values = known.map(([, value]) => value);
  const assignments = columns.map((column) => `${column} = excluded.${column}`);
  await tx.query(
    `insert into data.case_dim (case_id${columns.map((column) => `, ${column}`).join('')})
     values ($1${values.map((_, index) => `, $${index + 2}`).join('')})
     on conflict (case_id) do ${assignments.length === 0 ? 'nothing' : `update set ${assignments.join(', ')}`}`,
    [caseId, ...values],
  );
};

/**
 * Intake's words for a case no queue holds yet (what intake's own views show), before workflow's
 * shared vocabulary (CASE_STATUSES) takes over. Workflow's REGISTERED is not shown: to every other
 * view a registered case is still opened or acknowledged.
 */
export const UNROUTED_CASE_STATUSES = ['OPENED', 'ACKNOWLEDGED'] as const;
export type UnroutedCaseStatus = (typeof UNROUTED_CASE_STATUSES)[number];
const UNROUTED_SQL = UNROUTED_CASE_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * The case's status as of `at`, in workflow's words: a later status never yields to an earlier one
 * arriving late, and always replaces intake's (whose log the rebuild may read before or after workflow's).
 */
export const moveCaseStatus = async (tx: SqlExecutor, caseId: string, status: CaseStatus, at: string): Promise<void> => {
  await tx.query(
    `insert into data.case_dim (case_id, status, status_at) values ($1, $2, $3)
     on conflict (case_id) do update set status = excluded.status, status_at = excluded.status_at
     where data.case_dim.status is null or data.case_dim.status in (${UNROUTED_SQL}) or data.case_dim.status_at <= excluded.status_at`,
    [caseId, status, new Date(at)],
  );
};

/** Intake's step of a case not yet routed: never replaces workflow's word, and acknowledged never goes back to opened. */
export const moveUnroutedCaseStatus = async (tx: SqlExecutor, caseId: string, status: UnroutedCaseStatus, at: string): Promise<void> => {
  await tx.query(
    `insert into data.case_dim (case_id, status, status_at) values ($1, $2, $3)
     on conflict (case_id) do update set status = excluded.status, status_at = excluded.status_at
     where data.case_dim.status is null or (data.case_dim.status = 'OPENED' and excluded.status = 'ACKNOWLEDGED')`,
    [caseId, status, new Date(at)],
  );
};
