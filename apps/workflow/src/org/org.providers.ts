import type { Provider, Type } from '@nestjs/common';
import { ORG_LOOKUP } from '../workflow.ports';
import { AgentRoster } from './agents/agent-roster';
import { AgentsHttp } from './agents/agents.http';
import { AssignAgentProcessManager } from './assign-agent/assign-agent.process-manager';
import { AssignmentBoard } from './assign-agent/assignment-board';
import { OrgSeeder } from './default-org/org-seeder';
import { OrgCommands } from './org-commands';
import { OrgDirectory } from './org-directory';
import { OrgStreams } from './org-streams';
import { ORG_ENTITY_TYPES } from './org-view/org-view.entity';
import { OrgViewProjection } from './org-view/org-view.projection';
import { PartnersHttp } from './partners/partners.http';
import { QueuesHttp } from './queues/queues.http';
import { ResponsibilitiesHttp } from './responsibilities/responsibilities.http';
import { UnitDirectory } from './units/unit-directory';
import { UnitsHttp } from './units/units.http';

/**
 * The organisation directory (/api/v1/org), spread into WorkflowModule so it shares workflow's
 * EVENT_STORE. Other features ask it through ORG_LOOKUP (workflow.ports.ts).
 */
export const ORG_PROVIDERS: readonly Provider[] = [
  OrgStreams,
  OrgCommands,
  OrgDirectory,
  { provide: ORG_LOOKUP, useExisting: OrgDirectory },
  OrgViewProjection,
  OrgSeeder,
  UnitDirectory,
  AgentRoster,
  AssignmentBoard,
  AssignAgentProcessManager,
];
export const ORG_CONTROLLERS: readonly Type[] = [
  UnitsHttp,
  QueuesHttp,
  AgentsHttp,
  PartnersHttp,
  ResponsibilitiesHttp,
];
export const ORG_ENTITIES: readonly Type[] = [...ORG_ENTITY_TYPES];
