import type { UnitDefined, UnitEvent } from './org.events';
import { AT, admin, knowing, orgSpec, unitRef } from './org.fixtures';
import { unitDecider, unitReferences, type ChangeUnit, type DefineUnit } from './unit.decider';

const spec = orgSpec(unitDecider);

const defineUnit = (overrides: Partial<DefineUnit> = {}): DefineUnit => ({
  type: 'DefineUnit',
  unitId: 'gd',
  level: 'PROVINCE',
  unitType: 'DEPARTMENT',
  parentId: 'group',
  names: { zh: '广东公司', en: 'Guangdong company' },
  region: 'GD',
  calendarId: 'cn-standard',
  supervisorId: 'sup-chen',
  actor: admin,
  ...overrides,
});
const changeUnit = (changes: ChangeUnit['changes'], overrides: Partial<ChangeUnit> = {}): ChangeUnit => ({
  type: 'ChangeUnit',
  unitId: 'gd',
  changes,
  actor: admin,
  ...overrides,
});
const unitDefined = (overrides: Partial<UnitDefined['data']> = {}): UnitEvent => {
  const { type: _type, ...unit } = defineUnit();
  return { type: 'UnitDefined', data: { ...unit, definedAt: AT, ...overrides } };
};

const group = knowing({ units: unitRef('group', 'GROUP') });
const tree = knowing({
  units: {
    ...unitRef('group', 'GROUP'),
    ...unitRef('gd', 'PROVINCE', 'group'),
    ...unitRef('gd-sz', 'CITY', 'gd', 'group'),
    ...unitRef('sz-billing', 'DEPARTMENT', 'gd-sz', 'gd', 'group'),
  },
});

describe('defining a unit of the hierarchy', () => {
  it('records the unit under a parent of a higher level, with who defined it', () =>
    spec
      .given()
      .when(defineUnit({ reason: 'new province' }), group)
      .then(unitDefined({ reason: 'new province' })));

  it('lets a department sit right under the group: the parent must stand higher, not exactly one level up', () =>
    spec
      .given()
      .when(defineUnit({ unitId: 'hq-billing', level: 'DEPARTMENT' }), group)
      .then(unitDefined({ unitId: 'hq-billing', level: 'DEPARTMENT' })));

  it('puts a group at the top, without a parent', () =>
    spec
      .given()
      .when(defineUnit({ unitId: 'group', level: 'GROUP', parentId: null }))
      .then(unitDefined({ unitId: 'group', level: 'GROUP', parentId: null })));

  it.each([
    [
      'a parent of the same level',
      defineUnit({ unitId: 'sz', level: 'CITY', parentId: 'gd-sz' }),
      'is a CITY',
    ],
    [
      'a parent of a lower level',
      defineUnit({ unitId: 'gz', level: 'CITY', parentId: 'sz-billing' }),
      'is a DEPARTMENT',
    ],
    ['an unknown parent', defineUnit({ parentId: 'atlantis' }), 'no unit atlantis'],
    ['no parent below the top', defineUnit({ parentId: null }), 'must sit under'],
    ['a parent above a group', defineUnit({ unitId: 'group-2', level: 'GROUP' }), 'stands at the top'],
  ])('refuses %s, naming parentId', (_case, command, message) => {
    expect(spec.given().when(command, tree).refusal()).toMatchObject({
      name: 'ValidationFailed',
      fields: ['parentId'],
      message: expect.stringContaining(message),
    });
  });

  it('names every invalid field at once', () => {
    const command = defineUnit({
      unitId: 'GD!',
      names: { zh: ' ', en: '' },
      region: 'guangdong',
      calendarId: 'CN Standard',
      supervisorId: 'a b',
    });
    expect(spec.given().when(command, group).refusal()).toMatchObject({
      name: 'ValidationFailed',
      fields: ['id', 'names.zh', 'names.en', 'region', 'calendarId', 'supervisorId'],
    });
  });

  it('is refused for an id already defined (409)', () =>
    expect(spec.given(unitDefined()).when(defineUnit(), group).refusal()).toMatchObject({
      name: 'IllegalTransition',
      message: expect.stringContaining('already exists'),
    }));

  it('names its parent for the app to look up', () =>
    expect(unitReferences(defineUnit())).toMatchObject({ units: ['group'] }));
});

describe('changing a unit', () => {
  const moved = { unitId: 'gd', level: 'PROVINCE' as const, parentId: 'group' };

  it('records only what differs', () =>
    spec
      .given(unitDefined())
      .when(changeUnit({ region: 'GD', supervisorId: 'sup-lin', calendarId: 'cn-standard' }))
      .then({
        type: 'UnitChanged',
        data: { unitId: 'gd', supervisorId: 'sup-lin', actor: admin, changedAt: AT },
      }));

  it('records nothing when nothing differs', () =>
    spec
      .given(unitDefined())
      .when(changeUnit({ region: 'GD' }))
      .then());

  it('moves the unit under another parent of a higher level', () =>
    spec
      .given(unitDefined({ ...moved, unitId: 'gd-sz', level: 'CITY', parentId: 'gd' }))
      .when(changeUnit({ parentId: 'group' }, { unitId: 'gd-sz' }), tree)
      .then({
        type: 'UnitChanged',
        data: { unitId: 'gd-sz', parentId: 'group', actor: admin, changedAt: AT },
      }));

  it('refuses to move a unit under its own descendant (a cycle)', () => {
    const underDescendant = spec
      .given(unitDefined({ ...moved, unitId: 'gd', level: 'PROVINCE' }))
      .when(changeUnit({ parentId: 'sz-billing' }), tree);
    expect(underDescendant.refusal()).toMatchObject({
      name: 'ValidationFailed',
      fields: ['parentId'],
      message: expect.stringContaining('own descendant'),
    });
  });

  it('refuses to put a unit under itself', () =>
    expect(
      spec
        .given(unitDefined())
        .when(changeUnit({ parentId: 'gd' }), tree)
        .refusal(),
    ).toMatchObject({ fields: ['parentId'], message: expect.stringContaining('itself') }));

  it('is refused when the unit changed since the version the administrator saw (If-Match)', () =>
    expect(
      spec
        .given(unitDefined())
        .when(changeUnit({ region: 'GD-GZ' }, { expectedVersion: 2 }))
        .refusal(),
    ).toMatchObject({ name: 'IllegalTransition', message: expect.stringContaining('version 1, not 2') }));

  it('goes through at the version the administrator saw', () =>
    spec
      .given(unitDefined())
      .when(changeUnit({ region: 'GD-GZ' }, { expectedVersion: 1 }))
      .then({
        type: 'UnitChanged',
        data: { unitId: 'gd', region: 'GD-GZ', actor: admin, changedAt: AT },
      }));

  it('is refused for a unit that does not exist', () =>
    expect(
      spec
        .given()
        .when(changeUnit({ region: 'GD' }))
        .refusal(),
    ).toMatchObject({ name: 'IllegalTransition' }));
});
