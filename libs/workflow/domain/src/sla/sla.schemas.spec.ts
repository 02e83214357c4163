import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { WORKFLOW_STORED_EVENTS } from '../stored-event-versions';
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
 * The SLA events' JSON Schemas (libs/contracts/schemas/workflow/Sla*.v<N>.schema.json, N the stored
 * schema version) describe what the decider really records: a field added, renamed or made nullable
 * fails here until the schema says so. Version 2 of SlaClockStarted and SlaEscalated publishes the
 * holder's id in the deprecated `holdingUnit` beside `clockHolder` (workflow.contract.ts does the same).
 */

const schemaFolder = join(__dirname, '..', '..', '..', '..', 'contracts', 'schemas', 'workflow');
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const versionOf = (type: SlaEvent['type']): number => (WORKFLOW_STORED_EVENTS.current as Readonly<Record<string, number>>)[type] ?? 1;
for (const type of SLA_EVENT_TYPES) ajv.addSchema(JSON.parse(readFileSync(join(schemaFolder, `${type}.v${versionOf(type)}.schema.json`), 'utf8')));

/** The data as published: the holder's id beside the holder, for v1 readers. */
const publishedData = (event: SlaEvent): object =>
  event.type === 'SlaClockStarted' || event.type === 'SlaEscalated'
    ? { ...event.data, holdingUnit: event.data.clockHolder?.id ?? null }
    : event.data;

const schemaErrorsOf = (event: SlaEvent) =>
  ajv.validate(`urn:collab:schema:workflow:${event.type}:v${versionOf(event.type)}`, publishedData(event)) ? null : ajv.errors;

/** Intake's case ids are UUIDs; the fixtures' short ids would not pass as one. */
const caseId = '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84';
const resolvedAt = shanghai('2026-11-23T15:00:00');

/** Every kind of SLA fact: case and task clocks, the quiet period, warnings, breaches, escalations, stops. */
const recorded = streamAfter([
  [startCaseClocks({ caseId }), OPENED],
  [startTaskClocks({ caseId }), OPENED],
  [startTaskClocks({ caseId, taskId: 'task-2', clockHolder: { kind: 'PARTNER', id: 'reseller-a' } }), OPENED],
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

  it('a task clock names its holder with its kind, a partner as a PARTNER', () =>
    expect(recorded.filter((event) => event.type === 'SlaClockStarted' && event.data.taskId !== null).map((event) => event.data)).toMatchObject([
      { taskId: 'task-1', clockHolder: { kind: 'UNIT', id: 'billing-dept' } },
      { taskId: 'task-1', clockHolder: { kind: 'UNIT', id: 'billing-dept' } },
      { taskId: 'task-2', clockHolder: { kind: 'PARTNER', id: 'reseller-a' } },
      { taskId: 'task-2', clockHolder: { kind: 'PARTNER', id: 'reseller-a' } },
    ]));

  it('a schema refuses a holder of no known kind', () => {
    const started = recorded.find((event) => event.type === 'SlaClockStarted' && event.data.taskId !== null)!;
    expect(schemaErrorsOf({ ...started, data: { ...started.data, clockHolder: { kind: 'PERSON', id: 'x' } } } as unknown as SlaEvent)).not.toBeNull();
  });
});
