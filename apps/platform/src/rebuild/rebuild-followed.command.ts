import { Pool } from 'pg';
import type { ServiceContract, ServiceName } from '@collab/contracts';
import { intakeContract } from '@collab/intake';
import { knowledgeContract } from '@collab/knowledge';
import { rebuildFollowedReadModel, type Database, type FollowedReadModel, type ServiceReadModels, type SourceLog } from '@collab/service-kit';
import { workflowContract } from '@collab/workflow';
import type { ConsoleProgress } from './rebuild-progress';

/** The logs a followed read model may be fed from: whose events, in which stored versions. */
const SOURCE_CONTRACTS: Partial<Record<ServiceName, ServiceContract>> = { intake: intakeContract, workflow: workflowContract, knowledge: knowledgeContract };

const count = (value: bigint | number): string => value.toLocaleString('en-US');

export interface FollowedRun {
  readonly database: Database;
  readonly readModels: ServiceReadModels;
  readonly readModel: FollowedReadModel;
  readonly services: Readonly<Record<string, ServiceReadModels>>;
  readonly env: NodeJS.ProcessEnv;
  readonly progress: ConsoleProgress;
  readonly signal: AbortSignal;
  readonly print: (line: string) => void;
}

/**
 * Where a source's log is read: embedded, the same data folder; distributed, `<SOURCE>_DATABASE_URL`
 * (e.g. INTAKE_DATABASE_URL) when the source service keeps its own database, else the rebuild's.
 */
const sourceLogs = (run: FollowedRun, opened: Pool[]) => (service: ServiceName): SourceLog => {
  const contract = SOURCE_CONTRACTS[service];
  if (!contract) throw new Error(`the rebuild cannot read ${service}'s log`);
  const storedEvents = run.services[service]?.storedEvents;
  const url = run.database.embedded ? undefined : run.env[`${service.toUpperCase()}_DATABASE_URL`];
  const pool = url === undefined ? undefined : new Pool({ connectionString: url, max: 2 });
  if (pool) opened.push(pool);
  return { contract, ...(storedEvents ? { storedEvents } : {}), ...(pool ? { pool } : {}) };
};

/** `npm run rebuild -- data facts`: the read model fed by other services' logs, rebuilt from them; answers the summary lines. */
export const rebuildFollowed = async (run: FollowedRun, startedAt: number): Promise<string[]> => {
  const opened: Pool[] = [];
  try {
    const report = await rebuildFollowedReadModel({
      database: run.database,
      service: run.readModels,
      readModel: run.readModel,
      logs: sourceLogs(run, opened),
      progress: run.progress,
      signal: run.signal,
      onStart: ({ tables, heads }) =>
        run.print(`rebuilding ${run.readModels.service}.${run.readModel.name} (${tables.join(', ')}) from the logs of ${[...heads].map(([log, head]) => `${log} (head ${count(head)})`).join(', ')}`),
    });
    run.progress.close();
    const elapsed = (Date.now() - startedAt) / 1000;
    return [
      `read to: ${[...report.positions].map(([log, position]) => `${log} ${count(position)}`).join(' · ')}; the live consumers follow on (their inbox skips what they applied already)`,
      `rows: ${[...report.rows].map(([table, rows]) => `${table} ${count(rows)}`).join(' · ')}`,
      `done in ${elapsed.toFixed(1)} s: ${count(report.read)} events read, ${count(report.applied)} applied (${count(Math.round(report.read / Math.max(elapsed, 0.001)))} events/s)`,
    ];
  } finally {
    await Promise.all(opened.map((pool) => pool.end()));
  }
};
