import { Conflict, NotFound, assertNever, type Decider } from '@collab/domain-kernel';
import { rejectInvalid, requireText, requireWholeNumber } from '../validation';
import type { PublishedProcess } from './process-definition';
import type { ProcessCommand, PublishProcessVersion, RetireProcess } from './process.commands';
import type { ProcessEvent } from './process.events';
import {
  DEFAULT_PROCESS_ID,
  processDefinitionErrors,
  unknownQueueErrors,
  type ProcessDecisionContext,
} from './process-validation';

/** A process and every version it ever had, oldest first: a published version never changes. */
export type ProcessState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'retired';
      readonly versions: readonly [PublishedProcess, ...PublishedProcess[]];
    };

export const latestVersionOf = (state: Exclude<ProcessState, { status: 'none' }>): PublishedProcess =>
  state.versions[state.versions.length - 1] ?? state.versions[0];

const evolve = (state: ProcessState, event: ProcessEvent): ProcessState => {
  switch (event.type) {
    case 'ProcessVersionPublished':
      return state.status === 'none'
        ? { status: 'active', versions: [event.data.process] }
        : { ...state, versions: [...state.versions, event.data.process] };
    case 'ProcessRetired':
      return state.status === 'active' ? { ...state, status: 'retired' } : state;
    default:
      return assertNever(event);
  }
};

const publish = (
  command: PublishProcessVersion,
  state: ProcessState,
  { now, openQueues }: ProcessDecisionContext,
): ProcessEvent[] => {
  const { definition } = command;
  rejectInvalid([
    ...processDefinitionErrors(definition),
    ...unknownQueueErrors(definition, openQueues),
    ...requireWholeNumber('expectedVersion', command.expectedVersion, 0),
    ...(command.reason === null ? [] : requireText('reason', command.reason)),
  ]);
  const current = state.status === 'none' ? 0 : state.versions.length;
  if (state.status === 'retired')
    throw new Conflict(
      `process ${definition.processId} is retired; publish a process under a new id instead`,
    );
  if (command.expectedVersion !== current)
    throw new Conflict(
      current === 0
        ? `process ${definition.processId} has no version ${command.expectedVersion}: it is new, so expectedVersion is 0`
        : `process ${definition.processId} is at version ${current}, not ${command.expectedVersion}: another version was published meanwhile`,
    );
  const process: PublishedProcess = { ...definition, version: current + 1, publishedAt: now.toISOString() };
  return [
    { type: 'ProcessVersionPublished', data: { process, actor: command.actor, reason: command.reason } },
  ];
};

const retire = (command: RetireProcess, state: ProcessState, now: Date): ProcessEvent[] => {
  rejectInvalid(requireText('reason', command.reason));
  if (state.status === 'none') throw new NotFound('process', command.processId);
  if (state.status === 'retired') throw new Conflict(`process ${command.processId} is already retired`);
  if (command.processId === DEFAULT_PROCESS_ID)
    throw new Conflict(
      'the default process takes every case no other process takes; publish a new version of it instead',
    );
  const data = {
    processId: command.processId,
    version: latestVersionOf(state).version,
    actor: command.actor,
    reason: command.reason,
    retiredAt: now.toISOString(),
  };
  return [{ type: 'ProcessRetired', data }];
};

const decide = (command: ProcessCommand, state: ProcessState, context: ProcessDecisionContext): ProcessEvent[] => {
  switch (command.type) {
    case 'PublishProcessVersion':
      return publish(command, state, context);
    case 'RetireProcess':
      return retire(command, state, context.now);
    default:
      return assertNever(command);
  }
};

/**
 * A versioned process definition (stream `process-<processId>`): each publication appends a whole
 * new version; a retired process starts no new cases. Cases pin the version they started on.
 */
export const processDecider: Decider<ProcessCommand, ProcessEvent, ProcessState, ProcessDecisionContext> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};

export const processStreamId = (processId: string): string => `process-${processId}`;
