import { DEFAULT_ROUTING_RULES, FALLBACK_ROUTE } from '../routing';
import { DEFAULT_QUEUES, DEFAULT_UNITS } from './default-org';
import { idClaimVerdict } from './org-ids';
import type { ResponsibilityEvent, ResponsibilityScope } from './org.events';
import { AT, admin, knowing, orgSpec, unitRef } from './org.fixtures';
import { responsibilityMatrixDecider, type AssignResponsibility } from './responsibility.decider';
import { responsibleFor, type ResponsibilityEntry } from './responsibility-matrix';

const spec = orgSpec(responsibilityMatrixDecider);

const known = knowing({
  units: { ...unitRef('billing', 'DEPARTMENT', 'group'), ...unitRef('network', 'DEPARTMENT', 'group') },
  queues: { billing: { id: 'billing', unitId: 'billing' }, network: { id: 'network', unitId: 'network' } },
  partners: { 'reseller-a': { id: 'reseller-a', active: true } },
});

/** `queueId: null` leaves the queue out. */
const assign = ({
  queueId = 'billing',
  ...overrides
}: Partial<Omit<AssignResponsibility, 'queueId'>> & {
  queueId?: string | null;
} = {}): AssignResponsibility => ({
  type: 'AssignResponsibility',
  entryId: 'entry-1',
  scope: { category: 'billing' },
  unitId: 'billing',
  ...(queueId === null ? {} : { queueId }),
  actor: admin,
  ...overrides,
});
const assigned = (
  entryId: string,
  scope: ResponsibilityScope,
  unitId = 'billing',
  queueId: string | null = 'billing',
): ResponsibilityEvent => ({
  type: 'ResponsibilityAssigned',
  data: { entryId, scope, unitId, queueId, actor: admin, assignedAt: AT },
});

describe('the responsibility matrix', () => {
  it('assigns a scope to a unit and its queue', () =>
    spec
      .given()
      .when(assign(), known)
      .then(assigned('entry-1', { category: 'billing' })));

  it('assigns a scope to a partner, which has no queue', () =>
    spec
      .given()
      .when(assign({ unitId: 'reseller-a', queueId: null, scope: { region: 'GD' } }), known)
      .then(assigned('entry-1', { region: 'GD' }, 'reseller-a', null)));

  it.each([
    ['an unknown unit', assign({ unitId: 'marketing', queueId: null }), ['unitId']],
    ['a queue of another unit', assign({ queueId: 'network' }), ['queueId']],
    ['a queue for a partner', assign({ unitId: 'reseller-a' }), ['queueId']],
    [
      'malformed scope values',
      assign({ scope: { requestType: 'complaint', category: 'Billing', region: 'gd' } }),
      ['requestType', 'category', 'region'],
    ],
  ])('refuses %s, naming the fields', (_case, command, fields) =>
    expect(spec.given().when(command, known).refusal()).toMatchObject({ name: 'ValidationFailed', fields }),
  );

  it('refuses a second entry for the same scope (409): withdraw the first', () =>
    expect(
      spec
        .given(assigned('entry-1', { category: 'billing' }))
        .when(assign({ entryId: 'entry-2', unitId: 'network', queueId: 'network' }), known)
        .refusal(),
    ).toMatchObject({
      name: 'IllegalTransition',
      message: expect.stringContaining('entry-1 already covers'),
    }));

  it('withdraws an entry with a reason, after which the scope may be assigned again', () => {
    spec
      .given(assigned('entry-1', { category: 'billing' }))
      .when({ type: 'WithdrawResponsibility', entryId: 'entry-1', actor: admin, reason: 'moved to network' })
      .then({
        type: 'ResponsibilityWithdrawn',
        data: { entryId: 'entry-1', actor: admin, reason: 'moved to network', withdrawnAt: AT },
      });
    const withdrawn: ResponsibilityEvent = {
      type: 'ResponsibilityWithdrawn',
      data: { entryId: 'entry-1', actor: admin, reason: 'x', withdrawnAt: AT },
    };
    spec
      .given(assigned('entry-1', { category: 'billing' }), withdrawn)
      .when(assign({ entryId: 'entry-2' }), known)
      .then(assigned('entry-2', { category: 'billing' }));
  });

  it('refuses to withdraw an entry that does not stand (409)', () =>
    expect(
      spec
        .given()
        .when({ type: 'WithdrawResponsibility', entryId: 'entry-9', actor: admin, reason: 'x' })
        .refusal(),
    ).toMatchObject({ name: 'IllegalTransition' }));
});

describe('looking up who is responsible: the most specific entry wins', () => {
  const entry = (entryId: string, scope: ResponsibilityScope, assignedAt = AT): ResponsibilityEntry => ({
    entryId,
    scope,
    unitId: entryId,
    queueId: null,
    assignedAt,
  });
  const matrix = [
    entry('anything', {}),
    entry('billing', { category: 'billing' }),
    entry('refunds', { category: 'billing/refund' }),
    entry('gd', { region: 'GD' }),
    entry('gd-billing', { category: 'billing', region: 'GD' }),
    entry('sz-billing', { category: 'billing', region: 'GD-SZ' }),
    entry('complaints-billing-sz', { requestType: 'COMPLAINT', category: 'billing', region: 'GD-SZ' }),
  ];

  it.each([
    [{ requestType: 'CONSULT', category: 'network/no-signal', region: 'BJ' }, 'anything'],
    [{ category: 'billing/wrong-charge', region: 'BJ' }, 'billing'],
    [{ category: 'billing/refund/late', region: 'BJ' }, 'refunds'],
    [{ category: 'network', region: 'GD-GZ' }, 'gd'],
    [{ category: 'billing/refund', region: 'GD-GZ' }, 'gd-billing'],
    [{ category: 'billing/refund', region: 'GD-SZ-NS' }, 'sz-billing'],
    [{ requestType: 'COMPLAINT', category: 'billing', region: 'GD-SZ' }, 'complaints-billing-sz'],
    [{ requestType: 'FAULT', category: 'billing', region: 'GD-SZ' }, 'sz-billing'],
    [{}, 'anything'],
  ])('%j → %s', (facts, expected) => expect(responsibleFor(matrix, facts)?.entryId).toBe(expected));

  it('does not stretch a prefix across a segment: billing does not cover billings', () =>
    expect(responsibleFor(matrix, { category: 'billings', region: 'GDX' })?.entryId).toBe('anything'));

  it('answers nothing when no entry covers the facts', () =>
    expect(responsibleFor([entry('gd', { region: 'GD' })], { region: 'BJ' })).toBeUndefined());

  it('between equally specific entries, keeps the older one', () =>
    expect(
      responsibleFor(
        [
          entry('newer', { region: 'GD' }, '2026-11-21T00:00:00.000Z'),
          entry('older', { region: 'GD' }, '2026-11-20T00:00:00.000Z'),
        ],
        { region: 'GD-SZ' },
      )?.entryId,
    ).toBe('older'));
});

describe('ids across units, queues and partners', () => {
  it.each([
    [undefined, { id: 'billing', kind: 'UNIT' }, 'claim'],
    ['UNIT', { id: 'billing', kind: 'UNIT' }, 'held'],
    ['UNIT', { id: 'billing', kind: 'QUEUE', ownerUnitId: 'billing' }, 'shared'],
    ['UNIT', { id: 'billing', kind: 'QUEUE', ownerUnitId: 'network' }, 'taken'],
    ['QUEUE', { id: 'billing', kind: 'PARTNER' }, 'taken'],
    ['PARTNER', { id: 'billing', kind: 'UNIT' }, 'taken'],
  ] as const)('claimed as %s, wanted %j → %s', (claimedAs, wanted, verdict) =>
    expect(idClaimVerdict(claimedAs, wanted)).toBe(verdict),
  );
});

describe('the default organisation', () => {
  it('owns every queue the default routing sends cases to', () => {
    const routed = [...DEFAULT_ROUTING_RULES.map((rule) => rule.queue), FALLBACK_ROUTE.queue];
    for (const queue of routed)
      expect(DEFAULT_QUEUES.find((defined) => defined.queueId === queue)?.unitId).toBe('front-line');
  });

  it('defines parents before children, each unit with a supervisor, on cn-standard', () => {
    DEFAULT_UNITS.forEach((unit, index) => {
      if (unit.parentId !== null)
        expect(DEFAULT_UNITS.slice(0, index).map((u) => u.unitId)).toContain(unit.parentId);
      expect(unit.supervisorId).toBeTruthy();
      expect(unit.calendarId).toBe('cn-standard');
    });
  });

  it('gives billing and network each its own desk', () =>
    expect(
      DEFAULT_QUEUES.filter((queue) => queue.unitId === queue.queueId).map((queue) => queue.queueId),
    ).toEqual(['front-line', 'billing', 'network']));
});
