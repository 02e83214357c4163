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
export * from './case-links';
export * from './return-reason-list.decider';
