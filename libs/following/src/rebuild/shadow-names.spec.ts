import { parseTableName, ShadowNames, shadowSchemaOf, UndeclaredWrite } from './shadow-names';

describe('the rename map of a rebuild', () => {
  const names = new ShadowNames(['workflow.case_view', 'workflow.case_leg']);

  it.each([
    ['hand-written SQL', 'update workflow.case_view set status = $2 where id = $1', 'update "workflow_rebuild"."case_view" set status = $2 where id = $1'],
    ['TypeORM’s quoted names', 'UPDATE "workflow"."case_view" SET "status" = $1', 'UPDATE "workflow_rebuild"."case_view" SET "status" = $1'],
    [
      'a conflict clause naming the target table',
      'insert into workflow.case_leg (case_id) values ($1) on conflict (case_id) do update set x = 1 where workflow.case_leg.version < excluded.version',
      'insert into "workflow_rebuild"."case_leg" (case_id) values ($1) on conflict (case_id) do update set x = 1 where "workflow_rebuild"."case_leg".version < excluded.version',
    ],
    [
      'a join of an owned table and one it only reads',
      'select * from workflow.case_leg l left join workflow.case_view v on v.id = l.case_id left join workflow.business_calendar c on true',
      'select * from "workflow_rebuild"."case_leg" l left join "workflow_rebuild"."case_view" v on v.id = l.case_id left join workflow.business_calendar c on true',
    ],
  ])('names the shadow tables in %s', (_what, sql, expected) => expect(names.rewrite(sql)).toBe(expected));

  it.each([
    ['a table whose name starts like an owned one', 'select * from workflow.case_view_archive'],
    ['another schema’s table of the same name', 'select * from intake.case_view'],
    ['a column that happens to share the name', 'select case_view from x'],
    ['a schema whose name ends like the service’s', 'select * from old_workflow.case_view'],
  ])('leaves %s alone', (_what, sql) => expect(names.rewrite(sql)).toBe(sql));

  it.each([
    ['insert into workflow.task_view (id) values ($1)', 'workflow.task_view'],
    ['UPDATE "workflow"."sla_timer" SET fired_at = now()', 'workflow.sla_timer'],
    ['delete from workflow.org_unit where id = $1', 'workflow.org_unit'],
    ['truncate table workflow.case_promise', 'workflow.case_promise'],
  ])('refuses a write to a table it does not own: %s', (sql, table) => {
    expect(() => names.rewrite(sql)).toThrow(UndeclaredWrite);
    expect(() => names.rewrite(sql)).toThrow(table);
  });

  it('lets reads of other tables and writes in conflict clauses pass', () => {
    expect(() => names.rewrite('select definition from workflow.business_calendar where id = $1')).not.toThrow();
    expect(() => names.rewrite('insert into workflow.case_view (id) values ($1) on conflict (id) do update set status = excluded.status')).not.toThrow();
  });

  it('accepts only plain schema-qualified names', () => {
    expect(parseTableName('intake.case_record')).toEqual({ schema: 'intake', table: 'case_record' });
    for (const bad of ['case_record', 'a.b.c', 'Intake.case_record', 'intake.case-record', 'intake."x"'])
      expect(() => parseTableName(bad)).toThrow('not a plain schema-qualified table name');
    expect(shadowSchemaOf('intake')).toBe('intake_rebuild');
  });
});
