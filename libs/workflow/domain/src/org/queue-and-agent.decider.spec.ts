import { agentDecider, agentReferences, type ChangeAgent, type EnrolAgent } from './agent.decider';
import type { AgentEnrolled, AgentEvent, QueueDefined, QueueEvent } from './org.events';
import { AT, admin, knowing, orgSpec, unitRef } from './org.fixtures';
import { queueDecider, type DefineQueue } from './queue.decider';

const queues = orgSpec(queueDecider);
const agents = orgSpec(agentDecider);

const billingDept = knowing({
  units: { ...unitRef('billing', 'DEPARTMENT', 'group'), ...unitRef('network', 'DEPARTMENT', 'group') },
});

const defineQueue = (overrides: Partial<DefineQueue> = {}): DefineQueue => ({
  type: 'DefineQueue',
  queueId: 'billing-disputes',
  unitId: 'billing',
  name: 'Billing disputes',
  skills: ['billing'],
  languageRule: 'PREFERRED',
  actor: admin,
  ...overrides,
});
const queueDefined = (overrides: Partial<QueueDefined['data']> = {}): QueueEvent => {
  const { type: _type, ...queue } = defineQueue();
  return { type: 'QueueDefined', data: { ...queue, definedAt: AT, ...overrides } };
};

describe('a queue', () => {
  it('is defined for a unit that exists', () =>
    queues.given().when(defineQueue(), billingDept).then(queueDefined()));

  it('is refused for an unknown unit, naming unitId, and for bad skills by position', () =>
    expect(
      queues
        .given()
        .when(defineQueue({ unitId: 'marketing', skills: ['billing', 'Bad Skill', 'billing'] }), billingDept)
        .refusal(),
    ).toMatchObject({
      name: 'ValidationFailed',
      fields: ['skills[1]', 'skills[2]', 'unitId'],
    }));

  it('is refused twice (409)', () =>
    expect(queues.given(queueDefined()).when(defineQueue(), billingDept).refusal()).toMatchObject({
      name: 'IllegalTransition',
      message: expect.stringContaining('already exists'),
    }));

  it('moves to another unit', () =>
    queues
      .given(queueDefined())
      .when(
        { type: 'ChangeQueue', queueId: 'billing-disputes', changes: { unitId: 'network' }, actor: admin },
        billingDept,
      )
      .then({
        type: 'QueueChanged',
        data: { queueId: 'billing-disputes', unitId: 'network', actor: admin, changedAt: AT },
      }));

  it("keeps a unit's own desk (a queue carrying its unit's id) with that unit", () =>
    expect(
      queues
        .given(queueDefined({ queueId: 'billing' }))
        .when(
          { type: 'ChangeQueue', queueId: 'billing', changes: { unitId: 'network' }, actor: admin },
          billingDept,
        )
        .refusal(),
    ).toMatchObject({
      name: 'ValidationFailed',
      fields: ['unitId'],
    }));
});

const knownQueues = knowing({
  units: unitRef('front-line', 'DEPARTMENT', 'group'),
  queues: {
    complaints: { id: 'complaints', unitId: 'front-line' },
    'front-line': { id: 'front-line', unitId: 'front-line' },
  },
});

const enrolAgent = (overrides: Partial<EnrolAgent> = {}): EnrolAgent => ({
  type: 'EnrolAgent',
  agentId: 'agent-li',
  unitId: 'front-line',
  queues: ['complaints'],
  skills: ['billing', 'complaint'],
  languages: ['zh', 'en'],
  capacity: 5,
  actor: admin,
  ...overrides,
});
const agentEnrolled = (overrides: Partial<AgentEnrolled['data']> = {}): AgentEvent => {
  const { type: _type, ...agent } = enrolAgent();
  return { type: 'AgentEnrolled', data: { ...agent, enrolledAt: AT, ...overrides } };
};
const changeAgent = (changes: ChangeAgent['changes'], overrides: Partial<ChangeAgent> = {}): ChangeAgent => ({
  type: 'ChangeAgent',
  agentId: 'agent-li',
  changes,
  actor: admin,
  ...overrides,
});

describe('an agent', () => {
  it('is enrolled with the queues they serve, skills, language ranges and capacity', () =>
    agents.given().when(enrolAgent(), knownQueues).then(agentEnrolled()));

  it('names their unit and queues for the app to look up', () =>
    expect(agentReferences(enrolAgent())).toEqual({
      units: ['front-line'],
      queues: ['complaints'],
      partners: [],
    }));

  it('is refused with every bad field named: unknown queue, skill, language range, capacity', () =>
    expect(
      agents
        .given()
        .when(
          enrolAgent({
            queues: ['complaints', 'nowhere'],
            skills: ['BILLING'],
            languages: ['chinese'],
            capacity: -1,
          }),
          knownQueues,
        )
        .refusal(),
    ).toMatchObject({
      name: 'ValidationFailed',
      fields: ['skills[0]', 'languages[0]', 'capacity', 'queues[1]'],
    }));

  it('accepts * as a language range that covers every language', () =>
    agents
      .given()
      .when(enrolAgent({ languages: ['*'] }), knownQueues)
      .then(agentEnrolled({ languages: ['*'] })));

  it('is refused a second enrolment (409)', () =>
    expect(agents.given(agentEnrolled()).when(enrolAgent(), knownQueues).refusal()).toMatchObject({
      name: 'IllegalTransition',
    }));

  it('gets more capacity, recorded alone', () =>
    agents
      .given(agentEnrolled())
      .when(changeAgent({ capacity: 8, languages: ['zh', 'en'] }), knownQueues)
      .then({
        type: 'AgentChanged',
        data: { agentId: 'agent-li', capacity: 8, actor: admin, changedAt: AT },
      }));

  it('is deactivated with a reason, then reactivated', () => {
    agents
      .given(agentEnrolled())
      .when({ type: 'DeactivateAgent', agentId: 'agent-li', actor: admin, reason: 'parental leave' })
      .then({
        type: 'AgentDeactivated',
        data: { agentId: 'agent-li', actor: admin, reason: 'parental leave', deactivatedAt: AT },
      });
    const deactivated: AgentEvent = {
      type: 'AgentDeactivated',
      data: { agentId: 'agent-li', actor: admin, reason: 'leave', deactivatedAt: AT },
    };
    agents
      .given(agentEnrolled(), deactivated)
      .when({ type: 'ReactivateAgent', agentId: 'agent-li', actor: admin, reason: 'back' })
      .then({
        type: 'AgentReactivated',
        data: { agentId: 'agent-li', actor: admin, reason: 'back', reactivatedAt: AT },
      });
  });

  it.each([
    [
      'deactivating an inactive agent',
      [
        agentEnrolled(),
        {
          type: 'AgentDeactivated',
          data: { agentId: 'agent-li', actor: admin, reason: 'leave', deactivatedAt: AT },
        },
      ],
      'DeactivateAgent',
    ],
    ['reactivating an active agent', [agentEnrolled()], 'ReactivateAgent'],
    ['deactivating someone never enrolled', [], 'DeactivateAgent'],
  ] as const)('refuses %s (409)', (_case, history, type) =>
    expect(
      agents
        .given(...history)
        .when({ type, agentId: 'agent-li', actor: admin, reason: 'x' })
        .refusal(),
    ).toMatchObject({ name: 'IllegalTransition' }),
  );

  it('needs a reason to be deactivated', () =>
    expect(
      agents
        .given(agentEnrolled())
        .when({ type: 'DeactivateAgent', agentId: 'agent-li', actor: admin, reason: ' ' })
        .refusal(),
    ).toMatchObject({ fields: ['reason'] }));
});
