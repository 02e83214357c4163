import { compatibilityProblems } from './compatibility';
import { lockOf, publishedSchemas } from './published-files';

type Schema = Readonly<Record<string, unknown>>;
const schemas = publishedSchemas();
const lock = lockOf(schemas);
const queuedV1 = schemas.get('collab.workflow.CaseQueued.v1')!;
const properties = (schema: Schema) => schema['properties'] as Record<string, Schema>;

/** The current schemas plus a v2 of CaseQueued made from v1 by `change`. */
const withQueuedV2 = (change: (v1: { properties: Record<string, Schema>; required: string[] }) => object) =>
  new Map([
    ...schemas,
    [
      'collab.workflow.CaseQueued.v2',
      {
        ...queuedV1,
        ...change({
          properties: { ...properties(queuedV1) },
          required: [...(queuedV1['required'] as string[])],
        }),
      },
    ],
  ]);

describe('the compatibility check of published event schemas', () => {
  it('passes the schemas as committed', () => expect(compatibilityProblems(lock, schemas)).toEqual([]));

  it('refuses a published type@version changed in place', () => {
    const opened = schemas.get('collab.intake.CaseOpened.v2')!;
    const changed = new Map([
      ...schemas,
      [
        'collab.intake.CaseOpened.v2',
        { ...opened, properties: { ...properties(opened), mood: { type: 'string' } } },
      ],
    ]);
    expect(compatibilityProblems(lock, changed)).toEqual([
      'collab.intake.CaseOpened.v2 was published and changed in place: publish a new version instead',
    ]);
  });

  it('refuses a published type@version that is gone', () => {
    const gone = new Map(schemas);
    gone.delete('collab.workflow.CaseAssigned.v1');
    expect(compatibilityProblems(lock, gone)).toEqual([
      'collab.workflow.CaseAssigned.v1 was published and is gone: keep it readable',
    ]);
  });

  it.each([
    [
      'a field removed',
      ({
        properties: { ruleId: _gone, ...rest },
        required,
      }: {
        properties: Record<string, Schema>;
        required: string[];
      }) => ({ properties: rest, required: required.filter((name) => name !== 'ruleId') }),
      /ruleId was removed/,
    ],
    [
      'a field retyped',
      ({ properties: fields }: { properties: Record<string, Schema> }) => ({
        properties: { ...fields, queue: { type: 'integer' } },
      }),
      /queue changed type/,
    ],
    [
      'a required field added',
      ({ properties: fields, required }: { properties: Record<string, Schema>; required: string[] }) => ({
        properties: { ...fields, unit: { type: 'string' } },
        required: [...required, 'unit'],
      }),
      /unit is required now/,
    ],
  ])('refuses a new version with %s', (_what, change, problem) => {
    const problems = compatibilityProblems(lock, withQueuedV2(change));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('refuses an enum narrowed in a new version of CaseOpened', () => {
    const opened = schemas.get('collab.intake.CaseOpened.v3')!;
    const priority = properties(opened)['priority']!;
    const v4 = {
      ...opened,
      properties: { ...properties(opened), priority: { ...priority, enum: ['NORMAL', 'URGENT'] } },
    };
    expect(compatibilityProblems(lock, new Map([...schemas, ['collab.intake.CaseOpened.v4', v4]]))).toEqual([
      'collab.intake.CaseOpened.v4.priority lost enum values (a new version must be backward compatible, or a new type)',
    ]);
  });

  it('accepts a new version that only adds an optional field', () =>
    expect(
      compatibilityProblems(
        lock,
        withQueuedV2(({ properties: fields }) => ({ properties: { ...fields, unit: { type: 'string' } } })),
      ),
    ).toEqual([]));
});
