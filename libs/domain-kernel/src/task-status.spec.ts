import { shownCaseStatus } from './case-status';
import { TASK_STATUSES, laterTaskStatus } from './task-status';

describe('a task told of its steps by two streams', () => {
  it.each([
    ['REQUESTED', 'ACCEPTED', 'ACCEPTED'],
    ['ACCEPTED', 'REQUESTED', 'ACCEPTED'],
    ['ACCEPTED', 'COMPLETED', 'COMPLETED'],
    // The case's record of the ending, after the task's own: the same word, left as it is.
    ['RETURNED', 'RETURNED', 'RETURNED'],
    ['COMPLETED', 'ACCEPTED', 'COMPLETED'],
    // A link stored before the vocabulary said OPEN: whatever the task says next.
    ['OPEN', 'REQUESTED', 'REQUESTED'],
    ['OPEN', 'WITHDRAWN', 'WITHDRAWN'],
  ] as const)('known %s, told %s: %s', (known, next, later) => expect(laterTaskStatus(known, next)).toBe(later));

  it('never moves back, whatever the order', () => {
    for (const known of TASK_STATUSES) for (const next of TASK_STATUSES) expect(laterTaskStatus(laterTaskStatus(known, next), known)).toBe(laterTaskStatus(known, next));
  });
});

describe('the case status a reader is shown', () => {
  it.each([
    ['ASSIGNED', null, 0, 'QUEUED'],
    ['ASSIGNED', 'agent-li', 0, 'ASSIGNED'],
    ['IN_PROGRESS', 'agent-li', 0, 'IN_PROGRESS'],
    ['IN_PROGRESS', 'agent-li', 2, 'COLLABORATING'],
    // A cancelled case never records its tasks' ends: it is CANCELLED all the same.
    ['CANCELLED', 'agent-li', 1, 'CANCELLED'],
  ] as const)('stored %s, held by %s, %d tasks open: %s', (stored, assignee, openTasks, shown) => expect(shownCaseStatus(stored, assignee, openTasks)).toBe(shown));
});
