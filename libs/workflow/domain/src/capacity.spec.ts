import { Conflict, fold } from '@collab/domain-kernel';
import { workflowCaseDecider } from './case.decider';
import {
  assignCase,
  assignedCase,
  caseAssignedToAgent,
  caseClosed,
  caseReassigned,
  caseReopened,
  closedCase,
  iso,
  queuedCase,
  reassignCase,
  refusalOf,
  reopenCase,
  resolvedCase,
  specAt,
  supervisor,
} from './case.fixtures';
import { assignmentTriggersOf } from './org/assignment-triggers';

const spec = specAt();
const full = { load: 2, capacity: 2 };

describe('an owner beyond capacity (超额) only by a supervisor’s explicit override', () => {
  it('assigns within capacity and records no override', () =>
    spec.given(...queuedCase()).when(assignCase()).then(caseAssignedToAgent({ overCapacity: null })));

  it('refuses to assign an agent who is full, naming the load', () => {
    const refusal = refusalOf(queuedCase(), assignCase({ agentLoad: full }));
    expect(refusal).toBeInstanceOf(Conflict);
    expect((refusal as Conflict).message).toContain('agent-li already holds 2 of 2 cases');
  });

  it('refuses an agent with no capacity at all', () =>
    spec
      .given(...queuedCase())
      .when(assignCase({ agentLoad: { load: 0, capacity: 0 } }))
      .thenThrows(Conflict));

  it('assigns a full agent on the supervisor’s override, recorded on the event with the load it went past', () =>
    spec
      .given(...queuedCase())
      .when(assignCase({ agentLoad: full, overrideCapacity: true }))
      .then(caseAssignedToAgent({ overCapacity: full })));

  it('records no override when the override was asked for but the agent had room', () =>
    spec
      .given(...queuedCase())
      .when(assignCase({ overrideCapacity: true }))
      .then(caseAssignedToAgent({ overCapacity: null })));

  it('refuses to reassign to a full agent without the override', () =>
    spec
      .given(...assignedCase())
      .when(reassignCase({ agentLoad: { load: 1, capacity: 1 } }))
      .thenThrows(Conflict));

  it('reassigns to a full agent on the supervisor’s override, recorded as such', () =>
    spec
      .given(...assignedCase())
      .when(reassignCase({ agentLoad: { load: 1, capacity: 1 }, overrideCapacity: true, actor: supervisor }))
      .then(caseReassigned({ overCapacity: { load: 1, capacity: 1 } })));
});

describe('a reopened case waits for room instead of exceeding capacity', () => {
  it('goes back to its last owner when they have room', () =>
    spec.given(...resolvedCase()).when(reopenCase()).then(caseReopened({ agentId: 'agent-li', waitsForRoom: false })));

  it('waits in its queue, without an owner, when its last owner is full', () =>
    spec
      .given(...closedCase())
      .when(reopenCase({ ownerLoad: { load: 3, capacity: 3 } }))
      .then(caseReopened({ waitsForRoom: true })));

  it('waits in its queue when its last owner no longer works it as an active agent', () =>
    spec
      .given(...resolvedCase())
      .when(reopenCase({ ownerLoad: null }))
      .then(caseReopened({ waitsForRoom: true })));

  it('is then a case waiting in its queue: given an owner like any other, within capacity', () => {
    const waiting = [...resolvedCase(), caseClosed(), caseReopened({ waitsForRoom: true })];
    expect(fold(workflowCaseDecider, waiting)).toMatchObject({ status: 'queued', desk: { queue: 'complaints' } });
    spec
      .given(...waiting)
      .when(assignCase({ agentId: 'agent-zhao' }))
      .then(caseAssignedToAgent({ agentId: 'agent-zhao' }));
  });

  it('asks the assigner to serve its queue, but not when its last owner took it back', () => {
    expect(assignmentTriggersOf(caseReopened({ waitsForRoom: true }))).toEqual([{ kind: 'queue', queue: 'complaints' }]);
    expect(assignmentTriggersOf(caseReopened({ reopenedAt: iso(5) }))).toEqual([]);
  });
});
