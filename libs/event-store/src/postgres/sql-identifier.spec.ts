import { InvalidSchemaName, schemaName } from './sql-identifier';

describe('schema names', () => {
  it.each(['intake', 'workflow', 'kpi_v2', '_scratch'])('accepts the plain identifier %p', (name) => {
    expect(schemaName(name)).toBe(name);
  });

  it.each(['', 'Intake', 'intake; drop table x', 'a-b', '"quoted"', '1abc', 'pg_catalog', 'x'.repeat(64)])(
    'refuses %p',
    (name) => {
      expect(() => schemaName(name)).toThrow(InvalidSchemaName);
    },
  );
});
