import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@collab/event-store';
import { initialSlaState, slaCommandsFor, slaDecider, slaStreamId, type CollaborationTaskOpened, type SlaEvent } from '@collab/workflow-domain';
import { SlaClockProjection } from '../sla/sla-clocks/sla-clock.projection';
import { SlaClockHolder } from './0010-sla-clock-holder.migration';
import { caseHistories, follow, migratedViews, type MigratedViews } from './testing/followed-task-views';

/*
 * Migration 0010 on SLA clocks stored before it: whose clock it was by id only (`holding_unit`),
 * though that id was a unit's or a partner's. It must give each clock the holder, with its kind, that
 * following the log with today's code gives (what `npm run rebuild` writes for the sla-clocks view).
 */
const CLOCKS = `select case_id, clock_key, task_id, clock_holder_id, clock_holder_kind from workflow.sla_clock order by case_id, clock_key`;
/** What the code before 0010 stored: the id under its old name, no kind. */
const AS_STORED_BEFORE = [
  `alter table workflow.sla_clock drop column clock_holder_kind`,
  `alter table workflow.sla_clock rename column clock_holder_id to holding_unit`,
];

/** The clocks each task opened in the histories starts, as the clock keeper decides them (no calendar: calendar minutes). */
const taskClocks = (log: readonly RecordedEvent[]): RecordedEvent[] => {
  const versions = new Map<string, number>();
  return log
    .filter((event) => event.type === 'CollaborationTaskOpened')
    .flatMap((event) => {
      const opened = { type: event.type, data: event.data } as unknown as CollaborationTaskOpened;
      const context = { state: initialSlaState(), calendar: null, caseFacts: null, quietMinutes: 60, systemEscalation: null };
      const started: SlaEvent[] = slaCommandsFor(opened, context).flatMap((command) =>
        slaDecider.decide(command, slaDecider.initialState(), { now: new Date(opened.data.openedAt) }),
      );
      return started.map((sla): RecordedEvent => {
        const streamId = slaStreamId(sla.data.caseId);
        const streamVersion = (versions.get(streamId) ?? 0) + 1;
        versions.set(streamId, streamVersion);
        return { ...event, id: randomUUID(), type: sla.type, data: sla.data, streamId, streamVersion };
      });
    });
};

describe('migration 0010 on SLA clocks stored before it', () => {
  let views: MigratedViews;

  beforeAll(async () => {
    views = await migratedViews('migration0010');
  });
  afterAll(() => views?.close());

  it('names each task clock’s holder with the kind that following the log gives (UNIT or PARTNER)', async () => {
    const { dataSource } = views;
    const log = caseHistories(20261208);
    await follow(dataSource, log);
    await dataSource.transaction((tx) => new SlaClockProjection().apply(taskClocks(log), tx));
    const followed = await dataSource.query<Record<string, unknown>[]>(CLOCKS);
    expect(new Set(followed.map((row) => row['clock_holder_kind']))).toEqual(new Set(['UNIT', 'PARTNER']));

    for (const statement of AS_STORED_BEFORE) await dataSource.query(statement);
    const runner = dataSource.createQueryRunner();
    await new SlaClockHolder().up(runner);
    await runner.release();

    expect(await dataSource.query(CLOCKS)).toEqual(followed);
  });
});
