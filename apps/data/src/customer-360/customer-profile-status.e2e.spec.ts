import { randomUUID } from 'node:crypto';
import { eventually, MovableClock } from '@collab/testing';
import { AGENT, DataApp } from '../data.e2e-app';
import {
  aCase, caseAcknowledged, caseOpened, caseRegistered, caseReopened, caseResolved, caseTransferred, caseWorked, collaborationRequested,
  collaborationTaskOpened, taskAccepted, taskCompleted, taskWithdrawn, type CaseFixture, type TaskFixture,
} from '../testing/service-events.fixtures';

interface Profile {
  cases: { caseId: string; status: string; legs: { taskId: string; status: string }[] }[];
}

const customerId = randomUUID();
const at = (hour: number) => `2026-11-30T${String(hour).padStart(2, '0')}:00:00.000Z`;
const caseAt = (hour: number) => aCase({ customerId, at: at(hour) });
const task = (fixture: CaseFixture, name: string, hour: number): TaskFixture => ({
  taskId: `${name}-${fixture.caseId}`, caseId: fixture.caseId, fromUnit: 'gd-billing', to: { kind: 'UNIT', id: 'gd-network', region: 'GD' }, at: at(hour),
});

const opened = caseAt(1);
const acknowledged = caseAt(2);
const queued = caseAt(3);
const collaborating = caseAt(4);
const asked = task(collaborating, 'asked', 5);
const withdrawn = task(collaborating, 'withdrawn', 5);
const helped = caseAt(4);
const done = task(helped, 'done', 5);
const transferred = caseAt(6);
const backToOwner = caseAt(7);
const waitingForRoom = caseAt(8);

/** Each case's events, as intake and workflow publish them; the profile's answer is the spec's "then". */
const GIVEN = [
  caseOpened(opened),
  caseOpened(acknowledged), caseAcknowledged(acknowledged),
  caseOpened(queued), caseAcknowledged(queued), caseRegistered(queued, 'gd-billing'),
  caseOpened(collaborating), caseRegistered(collaborating, 'gd-billing'), caseWorked(collaborating, 'gd-billing', at(4)),
  collaborationTaskOpened(asked), collaborationRequested(asked), taskAccepted(asked, at(6)),
  collaborationTaskOpened(withdrawn), collaborationRequested(withdrawn), taskWithdrawn(withdrawn, at(6)),
  caseOpened(helped), caseRegistered(helped, 'gd-billing'), caseWorked(helped, 'gd-billing', at(4)),
  collaborationTaskOpened(done), collaborationRequested(done), taskCompleted(done, at(6)),
  caseOpened(transferred), caseRegistered(transferred, 'gd-billing'), caseWorked(transferred, 'gd-billing', at(6)), caseTransferred(transferred, 'gd-billing', 'gd-network', at(7)),
  caseOpened(backToOwner), caseRegistered(backToOwner, 'gd-billing'), caseWorked(backToOwner, 'gd-billing', at(7)),
  caseResolved(backToOwner, at(8)), caseReopened(backToOwner, 'gd-billing', at(9), false),
  caseOpened(waitingForRoom), caseRegistered(waitingForRoom, 'gd-billing'), caseWorked(waitingForRoom, 'gd-billing', at(8)),
  caseResolved(waitingForRoom, at(9)), caseReopened(waitingForRoom, 'gd-billing', at(10), true),
];

describe('customer 360 shows statuses in the words every other view uses', () => {
  let data: DataApp;
  let profile: Profile;
  const statusOf = (fixture: CaseFixture) => profile.cases.find((shown) => shown.caseId === fixture.caseId)?.status;
  const legsOf = (fixture: CaseFixture) => Object.fromEntries(profile.cases.find((shown) => shown.caseId === fixture.caseId)?.legs.map((leg) => [leg.taskId, leg.status]) ?? []);

  beforeAll(async () => {
    data = await DataApp.start(new MovableClock('2026-12-01T04:00:00.000Z'));
    await data.feed(...GIVEN);
    // The last events of both logs are followed once both reopened cases show their last step.
    await eventually(async () => {
      const reply = await data.call<Profile>(AGENT, `/api/v1/customers/${customerId}/profile`);
      expect(reply.status).toBe(200);
      profile = reply.body;
      expect([statusOf(opened), statusOf(waitingForRoom)]).toEqual(['OPENED', 'QUEUED']);
      expect(legsOf(collaborating)[withdrawn.taskId]).toBe('WITHDRAWN');
    }, { timeoutMs: 30_000 });
  }, 180_000);
  afterAll(() => data?.stop());

  it.each([
    ['opened by intake, nothing more', 'OPENED', opened],
    ['acknowledged by intake, not yet routed', 'ACKNOWLEDGED', acknowledged],
    ['registered by workflow and put in a queue', 'QUEUED', queued],
    ['worked while a task it asked for is open', 'COLLABORATING', collaborating],
    ['worked, its only task completed', 'IN_PROGRESS', helped],
    ['transferred to another queue', 'QUEUED', transferred],
    ['reopened to its last owner', 'ASSIGNED', backToOwner],
    ['reopened while its last owner has no room', 'QUEUED', waitingForRoom],
  ] as const)('a case %s shows %s', (_, status, fixture) => expect(statusOf(fixture)).toBe(status));

  it('shows a task accepted as ACCEPTED, withdrawn as WITHDRAWN and completed as COMPLETED', () => {
    expect(legsOf(collaborating)).toEqual({ [asked.taskId]: 'ACCEPTED', [withdrawn.taskId]: 'WITHDRAWN' });
    expect(legsOf(helped)).toEqual({ [done.taskId]: 'COMPLETED' });
  });
});
