import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventTypeOf, schemaIdOf, EVENT_SCHEMAS } from '@collab/contracts';
import { dataContract } from '@collab/data';
import { intakeContract } from '@collab/intake';
import { knowledgeContract } from '@collab/knowledge';
import { kpiContract } from '@collab/kpi';
import { workflowContract } from '@collab/workflow';

const contracts = [intakeContract, workflowContract, knowledgeContract, kpiContract, dataContract];
const analystsGuide = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'events.md'), 'utf8');
const published = contracts.flatMap((contract) =>
  Object.entries(contract.events).map(([name, definition]) => ({ service: contract.service, name, ...definition })),
);

describe('the public event contracts', () => {
  it.each(published)('$service $name has a JSON Schema whose $id is its dataschema', ({ service, name, version, schema }) => {
    expect(schema['$id']).toBe(schemaIdOf(service, name, version));
    expect(EVENT_SCHEMAS.get(schemaIdOf(service, name, version))).toBe(schema);
  });

  it.each(published)('$service $name is listed for analysts in docs/events.md', ({ service, name, version }) => {
    expect(analystsGuide).toContain(eventTypeOf(service, name, version));
  });

  it('lists every service topic for analysts', () => {
    for (const { service } of contracts) expect(analystsGuide).toContain(`collab.${service}.events.v1`);
  });
});
