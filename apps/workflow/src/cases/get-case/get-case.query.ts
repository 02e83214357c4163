import type { PromiseCoverage } from '../case-promise/case-promise.entity';
import type { Principal } from '@collab/service-kit';
import type { ChainLink } from './case-chain';
import type { CaseLeg } from './case-legs';
import type { RequesterCase } from './requester-case';

export class GetCase {
  constructor(
    readonly caseId: string,
    readonly viewer: Principal,
    /** The case as it was at this moment, folded from the events that had happened by then. */
    readonly asOf?: Date,
  ) {}
}

/** The case as GET /api/v1/cases/{id} shows it: staff see how it is worked, its requester see their case. */
export type CaseDetails = StaffCaseDetails | RequesterCase;

/** The case as staff see it: how the organisation works it. */
export interface StaffCaseDetails {
  readonly id: string;
  /** The human case number intake gave it; null until intake's acknowledgement has arrived. */
  readonly number: string | null;
  /** What the requester was promised at acknowledgement; with asOf, only if it had been given by then. */
  readonly acknowledgement: {
    readonly acknowledgedAt: string;
    readonly expectedFirstResponseAt: string;
    readonly expectedResolutionAt: string;
    readonly calendarId: string;
    /** Whether the times fall within the calendar's announced holidays; null for a promise made before this was recorded. */
    readonly coverage: PromiseCoverage | null;
  } | null;
  readonly status: string;
  readonly channel: string;
  readonly audience: string;
  readonly requestType: string;
  readonly category: string;
  readonly subject: string;
  readonly description: string;
  readonly language: string;
  readonly region: string;
  readonly priority: string;
  readonly requesterId: string | null;
  readonly queue: string | null;
  readonly routingRule: string | null;
  readonly openedAt: string;
  readonly assignedAt: string | null;
  readonly assignee: string | null;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  /** The process version the case started on and keeps, with its first due times; null if routed without one. */
  readonly process: {
    readonly id: string;
    readonly version: number;
    readonly stage: string | null;
    readonly responseDueAt: string | null;
    readonly resolutionDueAt: string | null;
  } | null;
  /** The case stream's version this view reflects. */
  readonly version: number;
  /** The moment asked for with `?asOf=`; null for the case as it is now. */
  readonly asOf: string | null;
  /** How long each unit held the case and each of its tasks, on its own business calendar, up to now or asOf. */
  readonly legs: readonly CaseLeg[];
  /** 流程穿越: the collaboration tasks as a tree, each under the task whose holder asked for it. */
  readonly chain: readonly ChainLink[];
}
