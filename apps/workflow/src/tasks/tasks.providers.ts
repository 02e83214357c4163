import { CaseFacts } from '../cases/case-facts';
import { PartnerCollaborationGrpc } from './partner-collaboration/partner-collaboration.grpc';
import { PartnerTaskFeed } from './partner-collaboration/partner-task-feed';
import { PartnerTaskMessages } from './partner-collaboration/partner-task-messages';
import type { Provider, Type } from '@nestjs/common';
import { CollaborationTasksProcessManager } from './collaboration-process/collaboration-tasks.process-manager';
import { ReadTasksHttp } from './read-tasks/read-tasks.http';
import { TaskCommandsHttp } from './task-commands.http';
import { ReturnReasons } from './return-reasons/return-reasons';
import { ReturnReasonsHttp } from './return-reasons/return-reasons.http';
import { TaskCommands } from './task-commands';
import { TaskParties } from './task-parties';
import { TaskSurroundingsLookup } from './task-surroundings';
import { TaskBoard } from './task-view/task-board';
import { TaskView } from './task-view/task-view.entity';
import { TaskViewProjection } from './task-view/task-view.projection';

/**
 * Collaboration tasks (协同单): the task view, the one TaskCommands service (REST now, the partner
 * gRPC service later), the managed return reasons and the process manager keeping cases and tasks
 * in step. Spread into WorkflowModule, so it shares workflow's EVENT_STORE.
 */
export const TASKS_PROVIDERS: readonly Provider[] = [
  TaskViewProjection,
  TaskParties,
  TaskBoard,
  TaskSurroundingsLookup,
  ReturnReasons,
  TaskCommands,
  CollaborationTasksProcessManager,
  CaseFacts,
  PartnerTaskFeed,
  PartnerTaskMessages,
  PartnerCollaborationGrpc,
];
/** ReturnReasonsHttp first: its fixed path must win over `:id`. */
export const TASKS_CONTROLLERS: readonly Type[] = [
  ReturnReasonsHttp,
  ReadTasksHttp,
  TaskCommandsHttp,
];
export const TASKS_ENTITIES: readonly Type[] = [TaskView];
