import type { KpiFact } from '@collab/kpi-domain';

/** What a published event tells the KPI computation beyond the fact itself: the context later facts are attributed by. */
export type ContextChange =
  | { readonly kind: 'case-dims'; readonly caseId: string; readonly dims: Readonly<Record<string, string>> }
  /** The case waits in `queue` from `at`: its holding unit is the queue's unit as of `at`. */
  | { readonly kind: 'holding'; readonly caseId: string; readonly at: string; readonly queue: string; readonly eventId: string }
  | { readonly kind: 'queue-unit'; readonly queueId: string; readonly unitId: string; readonly at: string }
  | { readonly kind: 'unit'; readonly unitId: string; readonly parentId: string | null | undefined; readonly calendarId: string | undefined }
  | { readonly kind: 'task-target'; readonly taskId: string; readonly caseId: string; readonly targetKind: 'UNIT' | 'PARTNER'; readonly targetId: string }
  | { readonly kind: 'case-count'; readonly caseId: string; readonly counter: 'contacts' | 'reopens' | 'tasks' }
  /** The customer a fact is about, as pseudonymous keys (customer-keys.ts): what links a self-service answer to a later case. */
  | { readonly kind: 'customer'; readonly eventId: string; readonly keys: readonly string[] };

/** One published event, read: the fact it is (if any) and the context it changes. */
export interface Fed {
  readonly fact?: KpiFact;
  readonly context: readonly ContextChange[];
}

export const NOTHING: Fed = { context: [] };

export interface FactBase {
  readonly eventId: string;
  readonly kind: KpiFact['kind'];
  readonly caseId: string;
  readonly at: string;
}

export const caseFact = ({ eventId, kind, caseId, at }: FactBase, extra: Partial<Pick<KpiFact, 'dims' | 'attrs' | 'taskId'>> = {}): KpiFact => ({
  eventId, kind, at, caseId, taskId: extra.taskId ?? null, dims: extra.dims ?? {}, attrs: extra.attrs ?? {},
});
