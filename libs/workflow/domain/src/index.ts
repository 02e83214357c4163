export type { ActorRef, SupervisorDirectory } from './actor';
export * from './routing';
export * from './agent-assignment';
export * from './case.events';
export * from './case.commands';
export type { WorkflowCaseState, CaseStatus, CaseRecord, OpenTask, Resolution } from './case.state';
export {
  DEFAULT_CASE_POLICY,
  validateCasePolicy,
  type CasePolicy,
  type CaseDecisionContext,
} from './case-policy';
export * from './case.decider';
export * from './case-visibility';
export * from './ping-pong';
export * from './legs';
export * from './collaboration-task';
export * from './process';
export * from './org';
export * from './sla';
export * from './stored-event-versions';
export * from './requester-view';
export * from './system-parameters';
export * from './role-grants';
