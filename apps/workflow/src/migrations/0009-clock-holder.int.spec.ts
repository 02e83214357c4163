import { randomUUID } from 'node:crypto';
import type { JsonObject, RecordedEvent } from '@collab/event-store';
import type { ActorRef, OrgEvent } from '@collab/workflow-domain';
import { ClockHolder } from './0009-clock-holder.migration';
import { caseHistories, follow, migratedViews, type MigratedViews } from './testing/followed-task-views';

/*
 * Migration 0009 on legs stored before it: whose clock a leg ran on by id only (`holding_unit`),
 * though that id was a unit's or a partner's. It must give each leg the clock holder, with its kind,
 * that following the log with today's code gives (what `npm run rebuild -- workflow case-view` writes).
 */
const LEGS = `select case_id, leg_key, clock_holder_id, clock_holder_kind from workflow.case_leg order by case_id, leg_key`;
/** What the code before 0009 stored: the id under its old name, no kind. */
const AS_STORED_BEFORE = [
  `alter table workflow.case_leg drop column clock_holder_kind`,
  `alter table workflow.case_leg rename column clock_holder_id to holding_unit`,
];

const admin: ActorRef = { id: 'org-admin', kind: 'user' };
const DEFINED_AT = '2026-11-01T00:00:00.000Z';
const names = (id: string) => ({ zh: id, en: id });
/** The directory the histories' holders lead to: units owning the queues, and a partner (lost-queue and nowhere stay unknown). */
const directory: [string, OrgEvent][] = [
  ...['front-line', 'billing', 'network'].map((unitId): [string, OrgEvent] => [
    `org-unit-${unitId}`,
    { type: 'UnitDefined', data: { unitId, level: 'DEPARTMENT', unitType: 'DEPARTMENT', names: names(unitId), parentId: null, region: 'GD', calendarId: 'cn-standard', supervisorId: null, actor: admin, definedAt: DEFINED_AT } },
  ]),
  [
    'org-partner-partner-fi',
    { type: 'PartnerRegistered', data: { partnerId: 'partner-fi', names: names('partner-fi'), regions: ['FI'], calendarId: 'cn-standard', supervisorId: null, actor: admin, registeredAt: DEFINED_AT } },
  ],
  ...Object.entries({ complaints: 'front-line', 'billing-desk': 'billing', 'network-desk': 'network' }).map(([queueId, unitId]): [string, OrgEvent] => [
    `org-queue-${queueId}`,
    { type: 'QueueDefined', data: { queueId, unitId, name: queueId, skills: [], languageRule: 'PREFERRED', actor: admin, definedAt: DEFINED_AT } },
  ]),
];
const orgLog = (): RecordedEvent[] =>
  directory.map(([streamId, event]) => ({
    id: randomUUID(), ...event, data: event.data as unknown as JsonObject, metadata: { correlationId: 'org', actor: admin }, streamId, streamVersion: 1, position: 0n, recordedAt: new Date(DEFINED_AT),
  }));
/** The directory first, then sixty case histories, in one log. */
const log = (): RecordedEvent[] => [...orgLog(), ...caseHistories(20261207)].map((event, index) => ({ ...event, position: BigInt(index + 1) }));

describe('migration 0009 on legs stored before it', () => {
  let views: MigratedViews;

  beforeAll(async () => {
    views = await migratedViews('migration0009');
  });
  afterAll(() => views?.close());

  it('names each leg’s clock holder with the kind that following the log gives', async () => {
    const { dataSource } = views;
    await follow(dataSource, log());
    const followed = await dataSource.query<Record<string, unknown>[]>(LEGS);
    expect(new Set(followed.map((row) => row['clock_holder_kind']))).toEqual(new Set(['UNIT', 'PARTNER', null]));

    for (const statement of AS_STORED_BEFORE) await dataSource.query(statement);
    const runner = dataSource.createQueryRunner();
    await new ClockHolder().up(runner);
    await runner.release();

    expect(await dataSource.query(LEGS)).toEqual(followed);
  });
});
