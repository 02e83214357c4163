import { Conflict, NotFound, ValidationFailed, fold, specFor } from '@collab/domain-kernel';
import { DEFAULT_PROCESS_DEFINITION } from './default-process';
import type { ProcessDefinition } from './process-definition';
import { latestVersionOf, processDecider } from './process.decider';
import {
  OPEN_QUEUES,
  T0,
  T1,
  billingComplaints,
  processRetired,
  publish,
  published,
  retire,
  stage,
  versionPublished,
} from './process.fixtures';
import { processDefinitionErrors, queuesRoutedBy, unknownQueueErrors } from './process-validation';

const spec = specFor(processDecider, { now: T0, openQueues: OPEN_QUEUES });
const later = specFor(processDecider, { now: T1, openQueues: OPEN_QUEUES });

const fieldsNamed = (definition: ProcessDefinition): string[] =>
  processDefinitionErrors(definition).map((error) => error.field);

describe('publishing a process', () => {
  it('publishes a new process as version 1, carrying the whole version', () =>
    spec
      .given()
      .when(publish())
      .then(versionPublished(published(1))));

  it('publishes the next version on top of the latest one the edit was based on', () =>
    later
      .given(versionPublished(published(1)))
      .when(
        publish({
          expectedVersion: 1,
          definition: billingComplaints({ name: 'Billing complaints (2027)' }),
          reason: null,
        }),
      )
      .then(versionPublished(published(2, { name: 'Billing complaints (2027)' }, T1), null)));

  it('refuses an edit based on a version that is no longer the latest', () =>
    spec
      .given(versionPublished(published(1)), versionPublished(published(2)))
      .when(publish({ expectedVersion: 1 }))
      .thenThrows(Conflict));

  it('refuses "new" (expected version 0) for a process that exists', () =>
    spec
      .given(versionPublished(published(1)))
      .when(publish({ expectedVersion: 0 }))
      .thenThrows(Conflict));

  it('refuses an expected version for a process that does not exist yet', () =>
    spec
      .given()
      .when(publish({ expectedVersion: 3 }))
      .thenThrows(Conflict));

  it('refuses a new version of a retired process', () =>
    spec
      .given(versionPublished(published(1)), processRetired())
      .when(publish({ expectedVersion: 1 }))
      .thenThrows(Conflict));

  it('refuses an invalid definition before looking at versions', () =>
    spec
      .given(versionPublished(published(1)))
      .when(publish({ expectedVersion: 7, definition: billingComplaints({ stages: [] }) }))
      .thenThrows(ValidationFailed));

  it('refuses a blank reason, while no reason at all is fine', () => {
    spec
      .given()
      .when(publish({ reason: '  ' }))
      .thenThrows(ValidationFailed);
    expect(processDecider.decide(publish({ reason: null }), { status: 'none' }, { now: T0, openQueues: OPEN_QUEUES })).toHaveLength(1);
  });
});

describe('routing only to queues that exist', () => {
  const nowhere = billingComplaints({
    routingRules: [
      { id: 'vip', when: { customerTier: ['VIP'] }, queue: 'vip-care' },
      { id: 'typo', when: { region: ['BJ'] }, queue: 'no-such-queue' },
    ],
    fallback: { queue: 'nowhere', ruleId: 'billing-complaints-fallback' },
  });

  it('refuses a rule or fallback naming a queue the directory does not have open, naming each', () => {
    spec.given().when(publish({ definition: nowhere })).thenThrows(ValidationFailed);
    expect(unknownQueueErrors(nowhere, OPEN_QUEUES)).toEqual([
      { field: 'routingRules.1.queue', message: expect.stringContaining('no-such-queue') },
      { field: 'fallback.queue', message: expect.stringContaining('nowhere') },
    ]);
  });

  it('refuses a new version that routes to a queue closed since the last one', () =>
    specFor(processDecider, { now: T1, openQueues: new Set(['billing-complaints']) })
      .given(versionPublished(published(1)))
      .when(publish({ expectedVersion: 1 }))
      .thenThrows(ValidationFailed));

  it('lists every queue a definition routes to, once', () =>
    expect(queuesRoutedBy(nowhere)).toEqual(['vip-care', 'no-such-queue', 'nowhere']));
});

describe('version pinning', () => {
  it('keeps every version exactly as published: version 2 changes nothing in version 1', () => {
    const v1 = published(1);
    const v2 = published(
      2,
      {
        fallback: { queue: 'billing-desk', ruleId: 'billing-fallback' },
        stages: [
          stage({
            sla: {
              calendarId: '24x7',
              responseWithinBusinessMinutes: 30,
              resolutionWithinBusinessMinutes: 240,
            },
          }),
        ],
      },
      T1,
    );
    const state = fold(processDecider, [versionPublished(v1), versionPublished(v2)]);
    expect(state.status).toBe('active');
    if (state.status === 'none') return;
    expect(state.versions).toEqual([v1, v2]);
    expect(latestVersionOf(state)).toEqual(v2);
  });

  it('keeps the versions of a retired process readable', () => {
    const state = fold(processDecider, [versionPublished(published(1)), processRetired()]);
    expect(state).toEqual({ status: 'retired', versions: [published(1)] });
  });
});

describe('retiring a process', () => {
  it('records who retired which version and why', () =>
    spec
      .given(versionPublished(published(1)), versionPublished(published(2)))
      .when(retire())
      .then(processRetired({ version: 2 })));

  it('is refused for a process that does not exist', () => spec.given().when(retire()).thenThrows(NotFound));
  it('is refused twice', () =>
    spec
      .given(versionPublished(published(1)), processRetired())
      .when(retire())
      .thenThrows(Conflict));
  it('is refused without a reason', () =>
    spec
      .given(versionPublished(published(1)))
      .when(retire({ reason: ' ' }))
      .thenThrows(ValidationFailed));

  it('is refused for the default process, which catches every case no other process takes', () =>
    spec
      .given(versionPublished({ ...DEFAULT_PROCESS_DEFINITION, version: 1, publishedAt: T0.toISOString() }))
      .when(retire({ processId: 'default' }))
      .thenThrows(Conflict));
});

describe('validating a whole definition', () => {
  it('finds nothing wrong with the built-in default or the fixture', () => {
    expect(processDefinitionErrors(DEFAULT_PROCESS_DEFINITION)).toEqual([]);
    expect(processDefinitionErrors(billingComplaints())).toEqual([]);
  });

  it.each<[string, Partial<ProcessDefinition>, string[]]>([
    [
      'a malformed id and a blank name',
      { processId: 'Billing Complaints', name: ' ' },
      ['processId', 'name'],
    ],
    [
      'empty scope lists',
      { scope: { requestTypes: [], categories: [' '] } },
      ['scope.requestTypes', 'scope.categories'],
    ],
    [
      'a rule without an id or a queue, a repeated id and an empty list',
      {
        routingRules: [
          { id: '', when: {}, queue: ' ' },
          { id: 'vip', when: { region: [] }, queue: 'vip-care' },
          { id: 'vip', when: {}, queue: 'vip-care' },
        ],
      },
      ['routingRules.0.id', 'routingRules.0.queue', 'routingRules.1.when.region', 'routingRules.2.id'],
    ],
    [
      'a region not in the normal form contacts arrive in (upper case, GD-SZ)',
      { routingRules: [{ id: 'beijing', when: { region: ['BJ', 'bj', 'GD SZ'] }, queue: 'vip-care' }] },
      ['routingRules.0.when.region.1', 'routingRules.0.when.region.2'],
    ],
    [
      'no fallback queue and a fallback named like a rule',
      { fallback: { queue: '', ruleId: 'vip' } },
      ['fallback.queue', 'fallback.ruleId'],
    ],
    ['no stages', { stages: [] }, ['stages']],
    ['no FRONT_LINE stage', { stages: [stage({ unitType: 'PARTNER' })] }, ['stages']],
    [
      'a repeated stage id, a blank name',
      { stages: [stage(), stage({ name: '', unitType: 'DEPARTMENT' })] },
      ['stages.1.id', 'stages.1.name'],
    ],
    [
      'SLA minutes not whole, zero, or response after resolution',
      {
        stages: [
          stage({
            sla: {
              calendarId: 'cn-standard',
              responseWithinBusinessMinutes: 0.5,
              resolutionWithinBusinessMinutes: 0,
            },
          }),
          stage({
            id: 'dept',
            unitType: 'DEPARTMENT',
            sla: {
              calendarId: 'cn-standard',
              responseWithinBusinessMinutes: 600,
              resolutionWithinBusinessMinutes: 480,
            },
          }),
        ],
      },
      [
        'stages.0.sla.responseWithinBusinessMinutes',
        'stages.0.sla.resolutionWithinBusinessMinutes',
        'stages.1.sla.responseWithinBusinessMinutes',
      ],
    ],
    [
      'a malformed calendar id',
      {
        stages: [
          stage({
            sla: {
              calendarId: 'CN Standard',
              responseWithinBusinessMinutes: 60,
              resolutionWithinBusinessMinutes: 480,
            },
          }),
        ],
      },
      ['stages.0.sla.calendarId'],
    ],
    [
      'a warning at 0% and no escalation levels',
      { escalation: { warnAtPercent: 0, levels: [] } },
      ['escalation.warnAtPercent', 'escalation.levels'],
    ],
    [
      'a warning at 100%',
      {
        escalation: { warnAtPercent: 100, levels: [{ level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR' }] },
      },
      ['escalation.warnAtPercent'],
    ],
    [
      'level 1 before the breach, then levels skipping and going down',
      {
        escalation: {
          warnAtPercent: 80,
          levels: [
            { level: 1, atPercent: 90, notify: 'UNIT_SUPERVISOR' },
            { level: 3, atPercent: 150, notify: 'PARENT_UNIT_SUPERVISOR' },
            { level: 3, atPercent: 120, notify: 'PARENT_UNIT_SUPERVISOR' },
          ],
        },
      },
      ['escalation.levels.0.atPercent', 'escalation.levels.1.level', 'escalation.levels.2.atPercent'],
    ],
    [
      'a scope on the default process',
      { processId: 'default', scope: { audiences: ['PARTNER'] } },
      ['scope'],
    ],
  ])('names every bad field: %s', (_case, overrides, fields) => {
    expect(fieldsNamed(billingComplaints(overrides)).sort()).toEqual([...fields].sort());
  });

  it('names every problem of a definition that has many at once, in one answer', () => {
    const broken = billingComplaints({
      name: '',
      fallback: { queue: '', ruleId: '' },
      stages: [],
      escalation: { warnAtPercent: 150, levels: [] },
    });
    expect(fieldsNamed(broken)).toEqual([
      'name',
      'fallback.queue',
      'fallback.ruleId',
      'stages',
      'escalation.warnAtPercent',
      'escalation.levels',
    ]);
  });
});
