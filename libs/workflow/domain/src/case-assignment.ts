import { Conflict, Forbidden, IllegalTransition, ValidationFailed, assertNever } from '@collab/domain-kernel';
import type {
  AssignCase,
  CaseProcessStart,
  ReassignCase,
  RegisterAndRouteCase,
  StartWork,
  TransferCase,
} from './case.commands';
import type {
  CaseQueued,
  CaseAssignedToAgent,
  CaseAssignmentEvent,
  CaseProcessStarted,
  CaseReassigned,
  CaseTransferred,
  WorkflowCaseEvent,
} from './case.events';
import { capacityOverrideFor } from './agent-assignment';
import { type CaseDecisionContext } from './case-policy';
import { recordOf, requireStatus, inStatus, isRouted, type WorkflowCaseState } from './case.state';
import { transferHandoff, withPingPong } from './case-ping-pong';
import { frontLineStageOf } from './process/process-selection';
import { route } from './routing';
import { isInstant, rejectInvalid, requireText } from './validation';

export type CaseAssignmentCommand =
  RegisterAndRouteCase | AssignCase | ReassignCase | TransferCase | StartWork;

/** CaseProcessStarted for the version the case starts on; refused when the start is unusable. */
const processStarted = (caseId: string, start: CaseProcessStart, now: Date): CaseProcessStarted => {
  const { published, responseDueAt, resolutionDueAt } = start;
  const stage = frontLineStageOf(published);
  const errors = [
    ...(isInstant(responseDueAt) ? [] : [{ field: 'process.responseDueAt', message: 'must be an ISO 8601 instant' }]),
    ...(isInstant(resolutionDueAt) ? [] : [{ field: 'process.resolutionDueAt', message: 'must be an ISO 8601 instant' }]),
  ];
  if (!stage || errors.length > 0)
    throw new ValidationFailed([
      ...(stage ? [] : [{ field: 'process.published.stages', message: 'has no FRONT_LINE stage to start the case on' }]),
      ...errors,
    ]);
  const data = {
    caseId,
    processId: published.processId,
    processVersion: published.version,
    stageId: stage.id,
    sla: stage.sla,
    escalation: published.escalation,
    responseDueAt,
    resolutionDueAt,
    startedAt: now.toISOString(),
  };
  return { type: 'CaseProcessStarted', data };
};

const registerAndRoute = (
  command: RegisterAndRouteCase,
  state: WorkflowCaseState,
  { now }: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  if (state.status !== 'none')
    throw new IllegalTransition(command.type, state.status, 'the case is already registered');
  const { caseId } = command.summary;
  const started = command.process && processStarted(caseId, command.process, now);
  const tier = command.customerTier === undefined ? {} : { customerTier: command.customerTier };
  const facts = { ...command.summary, ...tier, ...(command.customerTags === undefined ? {} : { customerTags: command.customerTags }) };
  const decision = command.process
    ? route(facts, command.process.published.routingRules, command.process.published.fallback)
    : route(facts, command.rules, command.fallback);
  return [
    { type: 'CaseRegistered', data: { ...command.summary, customerTier: command.customerTier ?? null } },
    { type: 'CaseQueued', data: { caseId, ...decision, assignedAt: now.toISOString() } },
    ...(started ? [started] : []),
  ];
};

const assign = (
  command: AssignCase,
  state: WorkflowCaseState,
  { now }: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  rejectInvalid([...requireText('agentId', command.agentId), ...requireText('reason', command.reason)]);
  requireStatus(
    state,
    ['queued'],
    command.type,
    'only a case waiting in a queue is given an owner; ReassignCase changes an owner',
  );
  if (command.queue !== state.desk.queue)
    throw new Conflict(
      `the case is now in queue ${state.desk.queue}; ${command.agentId} was picked from ${command.queue}`,
    );
  const { caseId } = state.summary;
  const { queue } = state.desk;
  const overCapacity = capacityOverrideFor(command.agentId, command.agentLoad, command.overrideCapacity);
  return [
    {
      type: 'CaseAssignedToAgent',
      data: {
        caseId,
        queue,
        agentId: command.agentId,
        overCapacity,
        actor: command.actor,
        reason: command.reason,
        assignedAt: now.toISOString(),
      },
    },
  ];
};

const reassign = (
  command: ReassignCase,
  state: WorkflowCaseState,
  { now }: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  rejectInvalid([...requireText('toAgentId', command.toAgentId), ...requireText('reason', command.reason)]);
  requireStatus(
    state,
    ['assigned', 'in-progress', 'collaborating'],
    command.type,
    'only a case with an owner that is still being worked is reassigned',
  );
  if (command.toAgentId === state.ownerId)
    throw new ValidationFailed([{ field: 'toAgentId', message: `${state.ownerId} already owns the case` }]);
  const data = {
    caseId: state.summary.caseId,
    queue: state.desk.queue,
    fromAgentId: state.ownerId,
    toAgentId: command.toAgentId,
    overCapacity: capacityOverrideFor(command.toAgentId, command.agentLoad, command.overrideCapacity),
    actor: command.actor,
    reason: command.reason,
    reassignedAt: now.toISOString(),
  };
  return [{ type: 'CaseReassigned', data }];
};

const transfer = (
  command: TransferCase,
  state: WorkflowCaseState,
  context: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  rejectInvalid([...requireText('to.queue', command.to.queue), ...requireText('reason', command.reason)]);
  if (state.status === 'collaborating')
    throw new IllegalTransition(
      command.type,
      state.status,
      'collaboration tasks are open; they must end (complete, return or withdraw) before the case moves',
    );
  requireStatus(
    state,
    ['queued', 'assigned', 'in-progress'],
    command.type,
    'only an open case that is not collaborating is transferred',
  );
  const to = { queue: command.to.queue, region: command.to.region ?? state.desk.region };
  if (to.queue === state.desk.queue && to.region === state.desk.region)
    throw new ValidationFailed([
      { field: 'to', message: `the case already sits in queue ${to.queue} in region ${to.region}` },
    ]);
  const event: CaseTransferred = {
    type: 'CaseTransferred',
    data: {
      caseId: state.summary.caseId,
      from: state.desk,
      to,
      actor: command.actor,
      reason: command.reason,
      transferredAt: context.now.toISOString(),
    },
  };
  return withPingPong(
    state,
    { events: [event], handoffs: [transferHandoff(event)] },
    command.supervisors,
    context,
  );
};

const startWork = (
  command: StartWork,
  state: WorkflowCaseState,
  { now }: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  requireStatus(state, ['assigned'], command.type, 'work starts once, on a case assigned to an owner');
  if (command.actor.id !== state.ownerId)
    throw new Forbidden(`only the owner ${state.ownerId} starts work on the case`);
  return [
    {
      type: 'CaseWorkStarted',
      data: {
        caseId: state.summary.caseId,
        agentId: state.ownerId,
        actor: command.actor,
        startedAt: now.toISOString(),
      },
    },
  ];
};

export const decideAssignment = (
  command: CaseAssignmentCommand,
  state: WorkflowCaseState,
  context: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  switch (command.type) {
    case 'RegisterAndRouteCase':
      return registerAndRoute(command, state, context);
    case 'AssignCase':
      return assign(command, state, context);
    case 'ReassignCase':
      return reassign(command, state, context);
    case 'TransferCase':
      return transfer(command, state, context);
    case 'StartWork':
      return startWork(command, state, context);
    default:
      return assertNever(command);
  }
};

const transferred = (state: WorkflowCaseState, event: CaseTransferred): WorkflowCaseState =>
  isRouted(state)
    ? {
        ...recordOf(state),
        status: 'queued',
        desk: event.data.to,
        handoffs: [...state.handoffs, transferHandoff(event)],
      }
    : state;

const routed = (state: WorkflowCaseState, { data }: CaseQueued): WorkflowCaseState =>
  state.status === 'registered'
    ? {
        status: 'queued',
        summary: state.summary,
        desk: { queue: data.queue, region: state.summary.region },
        process: null,
        handoffs: [],
        pingPongPairs: [],
        taskIds: [],
      }
    : state;

const processStartedOn = (state: WorkflowCaseState, { data }: CaseProcessStarted): WorkflowCaseState =>
  state.status === 'queued' && state.process === null
    ? { ...state, process: { processId: data.processId, processVersion: data.processVersion, stageId: data.stageId } }
    : state;

const owned = (state: WorkflowCaseState, { data }: CaseAssignedToAgent): WorkflowCaseState =>
  state.status === 'queued' ? { ...recordOf(state), status: 'assigned', ownerId: data.agentId } : state;

const reassigned = (state: WorkflowCaseState, { data }: CaseReassigned): WorkflowCaseState =>
  inStatus(state, 'assigned', 'in-progress', 'collaborating') ? { ...state, ownerId: data.toAgentId } : state;

const started = (state: WorkflowCaseState): WorkflowCaseState =>
  state.status === 'assigned' ? { ...recordOf(state), status: 'in-progress', ownerId: state.ownerId } : state;

export const evolveAssignment = (state: WorkflowCaseState, event: CaseAssignmentEvent): WorkflowCaseState => {
  switch (event.type) {
    case 'CaseRegistered':
      return state.status === 'none' ? { status: 'registered', summary: event.data } : state;
    case 'CaseQueued':
      return routed(state, event);
    case 'CaseProcessStarted':
      return processStartedOn(state, event);
    case 'CaseAssignedToAgent':
      return owned(state, event);
    case 'CaseReassigned':
      return reassigned(state, event);
    case 'CaseTransferred':
      return transferred(state, event);
    case 'CaseWorkStarted':
      return started(state);
    default:
      return assertNever(event);
  }
};
