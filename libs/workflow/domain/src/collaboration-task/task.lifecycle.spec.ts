import { IllegalTransition, NotFound, fold } from '@collab/domain-kernel';
import { T0 } from '../case.fixtures';
import type { CollaborationTaskCommand } from './task.commands';
import { collaborationTaskDecider } from './task.decider';
import type { CollaborationTaskEvent } from './task.events';
import type { TaskStatus } from './task.state';
import {
  acceptTask,
  addTaskNote,
  completeTask,
  createTask,
  returnTask,
  urgeTask,
  withdrawTask,
} from './task.fixtures';

/* The task lifecycle table: every command in every state, each state reached by real commands. */

const play = (...commands: CollaborationTaskCommand[]): CollaborationTaskEvent[] =>
  commands.reduce<CollaborationTaskEvent[]>(
    (history, command) => [
      ...history,
      ...collaborationTaskDecider.decide(command, fold(collaborationTaskDecider, history), { now: T0 }),
    ],
    [],
  );

const HISTORIES: Readonly<Record<TaskStatus, readonly CollaborationTaskEvent[]>> = {
  none: [],
  requested: play(createTask()),
  accepted: play(createTask(), acceptTask()),
  completed: play(createTask(), acceptTask(), completeTask()),
  returned: play(createTask(), returnTask()),
  withdrawn: play(createTask(), withdrawTask()),
};

const COMMANDS: Readonly<Record<CollaborationTaskCommand['type'], CollaborationTaskCommand>> = {
  CreateCollaborationTask: createTask(),
  AcceptTask: acceptTask(),
  AddTaskNote: addTaskNote(),
  CompleteTask: completeTask(),
  ReturnTask: returnTask(),
  UrgeTask: urgeTask(),
  WithdrawTask: withdrawTask(),
};

const __ = null; // refused: NotFound for a task never requested, IllegalTransition otherwise
type Next = TaskStatus | null;
const COLUMNS = ['none', 'requested', 'accepted', 'completed', 'returned', 'withdrawn'] as const;

// prettier-ignore
const TABLE: Readonly<Record<CollaborationTaskCommand['type'], readonly [CollaborationTaskEvent['type'], readonly [Next, Next, Next, Next, Next, Next]]>> = {
  //                                                  none         requested    accepted     completed  returned  withdrawn
  CreateCollaborationTask: ['CollaborationRequested', ['requested', __,          __,          __,        __,       __]],
  AcceptTask:              ['TaskAccepted',           [__,          'accepted',  __,          __,        __,       __]],
  AddTaskNote:             ['TaskNoteAdded',          [__,          'requested', 'accepted',  __,        __,       __]],
  CompleteTask:            ['TaskCompleted',          [__,          __,          'completed', __,        __,       __]],
  ReturnTask:              ['TaskReturned',           [__,          'returned',  'returned',  __,        __,       __]],
  UrgeTask:                ['TaskUrged',              [__,          'requested', 'accepted',  __,        __,       __]],
  WithdrawTask:            ['TaskWithdrawn',          [__,          'withdrawn', 'withdrawn', __,        __,       __]],
};

const cells = Object.entries(TABLE).flatMap(([command, [emits, row]]) =>
  COLUMNS.map((status, column) => ({
    command: command as CollaborationTaskCommand['type'],
    status,
    emits,
    next: row[column] ?? null,
  })),
);
const decideIn = (status: TaskStatus, command: CollaborationTaskCommand['type']) =>
  collaborationTaskDecider.decide(COMMANDS[command], fold(collaborationTaskDecider, HISTORIES[status]), {
    now: T0,
  });

describe('the collaboration task lifecycle table', () => {
  it('has a column for every status, each reached by its history', () => {
    expect([...COLUMNS].sort()).toEqual(Object.keys(HISTORIES).sort());
    for (const status of COLUMNS)
      expect(fold(collaborationTaskDecider, HISTORIES[status]).status).toBe(status);
  });

  it.each(
    cells.filter((cell) => cell.next !== null).map((cell) => [cell.command, cell.status, cell.next, cell]),
  )('%s while %s → %s', (_command, _status, _next, { command, status, emits, next }) => {
    const events = decideIn(status, command);
    expect(events.map((event) => event.type)).toEqual([emits]);
    expect(fold(collaborationTaskDecider, [...HISTORIES[status], ...events]).status).toBe(next);
  });

  it.each(cells.filter((cell) => cell.next === null).map((cell) => [cell.command, cell.status]))(
    '%s while %s is refused',
    (command, status) => {
      const decide = () => decideIn(status, command);
      if (status === 'none') return expect(decide).toThrow(NotFound);
      expect(decide).toThrow(IllegalTransition);
      expect(decide).toThrow(new RegExp(`^${command} is not allowed while the task is ${status}: \\S`));
      },
  );
});
