import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { SLA_EVENT_TYPES, type SlaEvent } from './sla.events';
import {
  escalate,
  OPENED,
  recordBreach,
  recordWarning,
  shanghai,
  startCaseClocks,
  startTaskClocks,
  stopClocks,
  streamAfter,
} from './sla.fixtures';

/*
 * The SLA events' JSON Schemas (libs/contracts/schemas/workflow/Sla*.v1.schema.json) describe
 * what the decider really records: a field added, renamed or made nullable fails here until the
 * schema says so.
 */

const schemaFolder = join(__dirname, '..', '..', '..', '..', 'contracts', 'schemas', 'workflow');
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
for (const type of SLA_EVENT_TYPES) ajv.addSchema(JSON.parse(readFileSync(join(schemaFolder, `${type}.v1.schema.json`), 'utf8')));

const schemaErrorsOf = (event: SlaEvent) =>
  ajv.validate(`urn:collab:schema:workflow:${event.type}:v1`, event.data) ? null : ajv.errors;

/** Intake's case ids are UUIDs; the fixtures' short ids would not pass as one. */
const caseId = '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84';
const resolvedAt = shanghai('2026-11-23T15:00:00');

/** Every kind of SLA fact: case and task clocks, the quiet period, warnings, breaches, escalations, stops. */
const recorded = streamAfter([
  [startCaseClocks({ caseId }), OPENED],
  [startTaskClocks({ caseId }), OPENED],
  [recordWarning({ caseId }), shanghai('2026-11-23T09:18:00')],
  [recordBreach({ caseId }), shanghai('2026-11-23T09:30:00')],
  [escalate({ caseId }), shanghai('2026-11-23T09:30:00')],
  [escalate({ caseId, level: 2, supervisorUnit: null, supervisorId: null }), shanghai('2026-11-23T10:00:00')],
  [stopClocks({ caseId, clockKeys: 'EVERY_RUNNING_CLOCK', reason: 'RESOLVED', at: resolvedAt }), resolvedAt],
  [{ type: 'StartAutoCloseClock', caseId, resolvedAt, quietMinutes: 4320 }, resolvedAt],
]);

describe('the SLA events as recorded', () => {
  it('include every SLA event type', () => expect(new Set(recorded.map((event) => event.type))).toEqual(new Set(SLA_EVENT_TYPES)));

  it.each(recorded.map((event, index) => [`${index} ${event.type}`, event] as const))('%s is valid against its JSON Schema', (_name, event) =>
    expect(schemaErrorsOf(event)).toBeNull());

  it('a schema refuses what the decider never records', () =>
    expect(schemaErrorsOf({ ...recorded[0]!, data: { ...recorded[0]!.data, clockKey: 'case:lunch' } } as unknown as SlaEvent)).not.toBeNull());
});
