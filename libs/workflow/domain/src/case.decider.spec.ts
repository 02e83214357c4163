import { Conflict, Forbidden, IllegalTransition, ValidationFailed } from '@collab/domain-kernel';
import { DEFAULT_CASE_POLICY } from './case-policy';
import {
  assignCase,
  assignedCase,
  caseQueued,
  caseAssignedToAgent,
  caseInProgress,
  caseReassigned,
  caseRegistered,
  caseTransferred,
  caseWorkStarted,
  collaboratingCase,
  owner,
  pingPongDetected,
  queuedCase,
  reassignCase,
  refusalOf,
  registerAndRoute,
  specAt,
  startWork,
  supervisor,
  T0,
  transferCase,
} from './case.fixtures';

const spec = specAt();

describe('taking over a case intake opened', () => {
  it('registers it and assigns it to the queue its rule names', () =>
    spec.given().when(registerAndRoute()).then(caseRegistered(), caseQueued('complaints', 'complaints')));

  it('falls back to the front line when no rule matches', () =>
    spec
      .given()
      .when(registerAndRoute({ requestType: 'INQUIRY' }))
      .then(caseRegistered({ requestType: 'INQUIRY' }), caseQueued('front-line', 'fallback')));

  it('routes by the customer’s tier, and keeps it on CaseRegistered (schema version 2)', () =>
    spec
      .given()
      .when({
        ...registerAndRoute(),
        customerTier: 'VIP',
        rules: [
          {
            id: 'vip-complaints',
            when: { requestType: ['COMPLAINT'], customerTier: ['VIP'] },
            queue: 'vip-care',
          },
        ],
      })
      .then(caseRegistered({}, 'VIP'), caseQueued('vip-care', 'vip-complaints')));

  it('falls back where the command says', () =>
    spec
      .given()
      .when({ ...registerAndRoute(), rules: [], fallback: { queue: 'gd-triage', ruleId: 'gd-fallback' } })
      .then(caseRegistered(), caseQueued('gd-triage', 'gd-fallback')));

  it('is refused for a case already registered', () =>
    spec
      .given(caseRegistered(), caseQueued('complaints', 'complaints'))
      .when(registerAndRoute())
      .thenThrows(IllegalTransition));
});

describe('giving the case an owner in its queue', () => {
  it('makes the picked agent the owner, recording who chose and why', () =>
    spec
      .given(...queuedCase())
      .when(assignCase())
      .then(caseAssignedToAgent()));

  it('is a conflict when the case left the queue the agent was picked from', () =>
    spec
      .given(...queuedCase(), caseTransferred())
      .when(assignCase({ queue: 'complaints' }))
      .thenThrows(Conflict));

  it('needs a reason', () =>
    expect(refusalOf(queuedCase(), assignCase({ reason: ' ' }))).toMatchObject({
      errors: [{ field: 'reason' }],
    }));

  it('is refused once the case has an owner, pointing to reassignment', () =>
    expect(refusalOf(assignedCase(), assignCase())).toMatchObject({
      state: 'assigned',
      message: expect.stringContaining('ReassignCase'),
    }));
});

describe('reassigning the case to another agent', () => {
  it.each([
    ['assigned', assignedCase()],
    ['in progress', caseInProgress()],
    ['collaborating', collaboratingCase()],
  ])('moves a case %s to the new owner, in the same queue', (_status, history) =>
    spec
      .given(...history)
      .when(reassignCase())
      .then(caseReassigned()),
  );

  it('hands the work to the new owner: only they may start it', () => {
    const history = [...assignedCase(), caseReassigned()];
    spec
      .given(...history)
      .when(startWork({ actor: { id: 'agent-zhao', kind: 'user' } }))
      .then(caseWorkStarted({ agentId: 'agent-zhao', actor: { id: 'agent-zhao', kind: 'user' } }));
    spec
      .given(...history)
      .when(startWork({ actor: owner }))
      .thenThrows(Forbidden);
  });

  it('is refused to the agent who already owns it', () =>
    expect(refusalOf(assignedCase(), reassignCase({ toAgentId: 'agent-li' }))).toMatchObject({
      errors: [{ field: 'toAgentId' }],
    }));
});

describe('transferring the case to another queue, unit or region', () => {
  it('moves it with the reason, and it waits there for an owner', () => {
    spec
      .given(...caseInProgress())
      .when(transferCase())
      .then(caseTransferred());
    spec
      .given(...caseInProgress(), caseTransferred())
      .when(assignCase({ queue: 'billing-desk', agentId: 'agent-he' }))
      .then(caseAssignedToAgent({ queue: 'billing-desk', agentId: 'agent-he' }));
  });

  it('crosses regions', () =>
    spec
      .given(...queuedCase())
      .when(
        transferCase({
          to: { queue: 'fs-complaints', region: 'GD-FS' },
          actor: supervisor,
          reason: '佛山用户',
        }),
      )
      .then(
        caseTransferred({
          to: { queue: 'fs-complaints', region: 'GD-FS' },
          actor: supervisor,
          reason: '佛山用户',
        }),
      ));

  it('is refused to where the case already is', () =>
    expect(refusalOf(queuedCase(), transferCase({ to: { queue: 'complaints' } }))).toBeInstanceOf(
      ValidationFailed,
    ));

  it('is refused while collaboration tasks are open, saying so', () =>
    expect(refusalOf(collaboratingCase(), transferCase())).toMatchObject({
      state: 'collaborating',
      message: expect.stringContaining('collaboration tasks are open'),
    }));
});

describe('a case bouncing between two queues (ping-pong)', () => {
  const there = caseTransferred();
  const back = caseTransferred({
    from: { queue: 'billing-desk', region: 'GD-SZ' },
    to: { queue: 'complaints', region: 'GD-SZ' },
  });
  const bounced = [...queuedCase(), there, back, there];
  const supervisors = { complaints: 'sup-wang', 'billing-desk': 'sup-chen' };
  const sendBack = transferCase({ to: { queue: 'complaints' }, supervisors });
  // A transfer is between queues: both sides are the case's queues.
  const sides = [
    { party: { kind: 'QUEUE', id: 'complaints' }, supervisorId: 'sup-wang' },
    { party: { kind: 'QUEUE', id: 'billing-desk' }, supervisorId: 'sup-chen' },
  ] as const;

  it(`raises PingPongDetected naming both queues and their supervisors on bounce ${DEFAULT_CASE_POLICY.pingPongMaxBounces + 1}`, () =>
    spec
      .given(...bounced)
      .when(sendBack)
      .then(back, pingPongDetected({ sides })));

  it('does not raise it before the threshold', () =>
    spec
      .given(...queuedCase(), there, back)
      .when(transferCase({ supervisors }))
      .then(there));

  it('raises it once per pair', () =>
    spec
      .given(...bounced, back, pingPongDetected({ sides }), there)
      .when(sendBack)
      .then(back));

  it('follows the configured threshold', () =>
    specAt(T0, { ...DEFAULT_CASE_POLICY, pingPongMaxBounces: 0 })
      .given(...queuedCase(), there)
      .when(sendBack)
      .then(back, pingPongDetected({ bounces: 1, maxBounces: 0, sides })));

  it('names no supervisor the directory did not give', () =>
    spec
      .given(...bounced)
      .when(transferCase({ to: { queue: 'complaints' } }))
      .then(
        back,
        pingPongDetected({
          sides: [
            { party: { kind: 'QUEUE', id: 'complaints' }, supervisorId: null },
            { party: { kind: 'QUEUE', id: 'billing-desk' }, supervisorId: null },
          ],
        }),
      ));
});

describe('starting work', () => {
  it('is done by the owner', () =>
    spec
      .given(...assignedCase())
      .when(startWork())
      .then(caseWorkStarted()));

  it('is forbidden to anyone else', () =>
    spec
      .given(...assignedCase())
      .when(startWork({ actor: supervisor }))
      .thenThrows(Forbidden));

  it('happens once', () =>
    spec
      .given(...caseInProgress())
      .when(startWork())
      .thenThrows(IllegalTransition));
});
