import type { MigrationClass } from '@collab/service-kit';
import { WorkflowReadModels } from './0001-read-models.migration';
import { CaseCourseAndAssignmentIndexes } from './0002-case-course-and-assignment-indexes.migration';
import { SlaTimerClaimToken } from './0003-sla-timer-claim-token.migration';
import { RoutingAndAssignmentRules } from './0004-routing-and-assignment-rules.migration';
import { AssignmentBoard } from './0005-assignment-board.migration';
import { CustomerTags } from './0006-customer-tags.migration';
import { CaseCollaborationStatus } from './0007-case-collaboration-status.migration';
import { PartyKinds } from './0008-party-kinds.migration';
import { ClockHolder } from './0009-clock-holder.migration';
import { SlaClockHolder } from './0010-sla-clock-holder.migration';

/** Workflow's read-model migrations in the order they were released; append, never edit. */
export const WORKFLOW_MIGRATIONS: readonly MigrationClass[] = [
  WorkflowReadModels,
  CaseCourseAndAssignmentIndexes,
  SlaTimerClaimToken,
  RoutingAndAssignmentRules,
  AssignmentBoard,
  CustomerTags,
  CaseCollaborationStatus,
  PartyKinds,
  ClockHolder,
  SlaClockHolder,
];
