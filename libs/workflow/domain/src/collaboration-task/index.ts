export * from './collaboration-request';
export * from './return-reasons';
export * from './task.events';
export * from './task.commands';
export {
  IllegalTaskTransition,
  type CollaborationTaskState,
  type TaskParties,
  type TaskStatus,
} from './task.state';
export * from './task.decider';
export { DEFAULT_URGE_INTERVAL_MINUTES, childWithdrawals, openTasksBelow, type OpenDescendant } from './task-rules';
export * from './case-links';
export * from './return-reason-list.decider';
export * from './request-rules';
