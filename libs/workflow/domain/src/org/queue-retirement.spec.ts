import { DEFAULT_PROCESS_DEFINITION } from '../process/default-process';
import type { QueueEvent } from './org.events';
import { AT, admin, orgSpec } from './org.fixtures';
import { queueDecider, routesTo, type RetireQueue } from './queue.decider';

const queues = orgSpec(queueDecider);

const defined = (queueId = 'gd-refunds'): QueueEvent => ({
  type: 'QueueDefined',
  data: {
    queueId,
    unitId: 'front-line',
    name: 'GD refunds',
    skills: [],
    languageRule: 'PREFERRED',
    actor: admin,
    definedAt: AT,
  },
});
const retire = (overrides: Partial<RetireQueue> = {}): RetireQueue => ({
  type: 'RetireQueue',
  queueId: 'gd-refunds',
  routedBy: [],
  actor: admin,
  reason: 'refunds go to the billing desk now',
  ...overrides,
});
const retired = (): QueueEvent => ({
  type: 'QueueRetired',
  data: { queueId: 'gd-refunds', actor: admin, reason: 'refunds go to the billing desk now', retiredAt: AT },
});

describe('retiring a queue', () => {
  it('is recorded with who and why once no active process routes to it', () =>
    queues.given(defined()).when(retire()).then(retired()));

  it('is refused (409) while a process routes to it, naming each process, version and rule or fallback', () =>
    expect(
      queues
        .given(defined())
        .when(
          retire({
            routedBy: [
              { processId: 'refunds', version: 3, ruleId: 'gd' },
              { processId: 'billing', version: 1, ruleId: null },
            ],
          }),
        )
        .refusal(),
    ).toMatchObject({
      name: 'IllegalTransition',
      message: expect.stringContaining(
        'process refunds v3 (rule gd), process billing v1 (fallback) still route cases to queue gd-refunds',
      ),
    }));

  it('is refused twice, and for a queue that does not exist', () => {
    expect(queues.given(defined(), retired()).when(retire()).refusal().message).toContain('already retired');
    expect(queues.given().when(retire()).refusal().name).toBe('IllegalTransition');
  });

  it('is refused without a reason', () =>
    expect(
      queues
        .given(defined())
        .when(retire({ reason: ' ' }))
        .refusal(),
    ).toMatchObject({
      name: 'ValidationFailed',
      fields: ['reason'],
    }));

  it('leaves a retired queue unchangeable', () =>
    expect(
      queues
        .given(defined(), retired())
        .when({ type: 'ChangeQueue', queueId: 'gd-refunds', changes: { name: 'Back again' }, actor: admin })
        .refusal().message,
    ).toContain('is retired'));
});

describe('which routes lead to a queue', () => {
  const published = { ...DEFAULT_PROCESS_DEFINITION, version: 2, publishedAt: AT };

  it('finds a rule of a process’s version and its fallback', () => {
    expect(routesTo('complaints', [published])).toEqual([
      { processId: 'default', version: 2, ruleId: 'complaints' },
    ]);
    expect(routesTo('front-line', [published])).toEqual([{ processId: 'default', version: 2, ruleId: null }]);
    expect(routesTo('billing', [published])).toEqual([]);
  });
});
