import { fold } from '@collab/domain-kernel';
import {
  agentDecider,
  agentReferences,
  type EnrolAgent,
  type GrantCrossUnitMembership,
} from './agent.decider';
import type { AgentEvent } from './org.events';
import { AT, admin, knowing, orgSpec, unitRef } from './org.fixtures';

const agents = orgSpec(agentDecider);

/** Billing's own desk, and front line's complaints queue. */
const directory = knowing({
  units: { ...unitRef('billing', 'DEPARTMENT', 'group'), ...unitRef('front-line', 'DEPARTMENT', 'group') },
  queues: {
    billing: { id: 'billing', unitId: 'billing' },
    complaints: { id: 'complaints', unitId: 'front-line' },
  },
});

const enrolBillingAgent = (overrides: Partial<EnrolAgent> = {}): EnrolAgent => ({
  type: 'EnrolAgent',
  agentId: 'agent-qian',
  unitId: 'billing',
  queues: ['billing'],
  skills: ['billing'],
  languages: ['zh'],
  capacity: 5,
  actor: admin,
  ...overrides,
});
const enrolled = (): AgentEvent => {
  const { type: _type, ...agent } = enrolBillingAgent();
  return { type: 'AgentEnrolled', data: { ...agent, enrolledAt: AT } };
};
const grant = (overrides: Partial<GrantCrossUnitMembership> = {}): GrantCrossUnitMembership => ({
  type: 'GrantCrossUnitMembership',
  agentId: 'agent-qian',
  queueId: 'complaints',
  actor: admin,
  reason: 'month-end billing complaints',
  ...overrides,
});
const granted = (): AgentEvent => ({
  type: 'AgentCrossUnitMembershipGranted',
  data: {
    agentId: 'agent-qian',
    queueId: 'complaints',
    queueUnitId: 'front-line',
    actor: admin,
    reason: 'month-end billing complaints',
    grantedAt: AT,
  },
});

describe('an agent works the queues of their own unit (跨部门 only by explicit grant)', () => {
  it('is refused enrolment into another unit’s queue, naming the queue and its unit', () =>
    expect(
      agents
        .given()
        .when(enrolBillingAgent({ queues: ['billing', 'complaints'] }), directory)
        .refusal(),
    ).toMatchObject({
      name: 'ValidationFailed',
      fields: ['queues[1]'],
      message: expect.stringContaining('queue complaints belongs to unit front-line, not billing'),
    }));

  it('is refused another unit’s queue on a change, too', () =>
    expect(
      agents
        .given(enrolled())
        .when(
          { type: 'ChangeAgent', agentId: 'agent-qian', changes: { queues: ['complaints'] }, actor: admin },
          directory,
        )
        .refusal(),
    ).toMatchObject({ name: 'ValidationFailed', fields: ['queues[0]'] }));

  it('is granted a cross-unit membership explicitly, with a reason, recording the queue’s unit', () =>
    agents.given(enrolled()).when(grant(), directory).then(granted()));

  it('then works that queue as well as their own', () =>
    expect(fold(agentDecider, [enrolled(), granted()])).toMatchObject({
      status: 'active',
      agent: { unitId: 'billing', queues: ['billing', 'complaints'], crossUnitQueues: ['complaints'] },
    }));

  it('may list the granted queue on later changes of their queues', () =>
    agents
      .given(enrolled(), granted())
      .when(
        { type: 'ChangeAgent', agentId: 'agent-qian', changes: { queues: ['complaints'] }, actor: admin },
        directory,
      )
      .then({
        type: 'AgentChanged',
        data: { agentId: 'agent-qian', queues: ['complaints'], actor: admin, changedAt: AT },
      }));

  it('needs no grant for a queue of their own unit (409), and one grant per queue', () => {
    expect(
      agents
        .given(enrolled())
        .when(grant({ queueId: 'billing' }), directory)
        .refusal(),
    ).toMatchObject({
      name: 'IllegalTransition',
      message: expect.stringContaining('need no grant'),
    });
    expect(agents.given(enrolled(), granted()).when(grant(), directory).refusal()).toMatchObject({
      name: 'IllegalTransition',
      message: expect.stringContaining('already holds'),
    });
  });

  it('is refused a grant of an unknown queue or without a reason, naming the fields', () =>
    expect(
      agents
        .given(enrolled())
        .when(grant({ queueId: 'nowhere', reason: ' ' }), directory)
        .refusal(),
    ).toMatchObject({ name: 'ValidationFailed', fields: ['reason', 'queueId'] }));

  it('restates the queues when moved to another unit, unless all they work are grants', () =>
    expect(
      agents
        .given(enrolled())
        .when(
          { type: 'ChangeAgent', agentId: 'agent-qian', changes: { unitId: 'front-line' }, actor: admin },
          directory,
        )
        .refusal(),
    ).toMatchObject({ name: 'ValidationFailed', fields: ['queues'] }));

  it('names the granted queue for the app to look up', () =>
    expect(agentReferences(grant())).toEqual({ units: [], queues: ['complaints'], partners: [] }));
});
