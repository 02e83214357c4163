import { dataReadModels } from '@collab/data';
import { DataDirLocked } from '@collab/event-store';
import { Stopped } from '@collab/following';
import { intakeReadModels } from '@collab/intake';
import { knowledgeReadModels } from '@collab/knowledge';
import { kpiReadModels } from '@collab/kpi';
import {
  InvalidConfiguration,
  findReadModel,
  loadDatabaseSettings,
  NotRebuildable,
  UnknownReadModel,
  openDatabase,
  rebuildReadModel,
  readModelName,
  type Database,
  type FollowedReadModel,
  type RebuildReport,
  type ServiceReadModels,
} from '@collab/service-kit';
import { workflowReadModels } from '@collab/workflow';
import { rebuildFollowed } from './rebuild-followed.command';
import { ConsoleProgress, type ProgressOutput } from './rebuild-progress';

/** The services whose read models the command knows. */
export const REBUILDABLE_SERVICES: Readonly<Record<string, ServiceReadModels>> = {
  intake: intakeReadModels,
  workflow: workflowReadModels,
  knowledge: knowledgeReadModels,
  data: dataReadModels,
  kpi: kpiReadModels,
};

export interface RebuildIo {
  readonly out: ProgressOutput;
  readonly env: NodeJS.ProcessEnv;
  /** Ctrl-C: the shadow tables are dropped and the live read model stays as it was. */
  readonly signal: AbortSignal;
}

const count = (value: bigint | number): string => value.toLocaleString('en-US');

const usage = (): string => {
  const lines = Object.entries(REBUILDABLE_SERVICES).map(([service, readModels]) => {
    const names = readModels.projections.map((Class) => new Class()).map((projection) => readModelName(projection) + (projection.notRebuildable ? ' (not rebuildable)' : ''));
    names.push(...(readModels.followed ?? []).map((followed) => `${followed.name} (from ${followed.sources.map((source) => source.source).join(', ')})`));
    return `  ${service.padEnd(9)} ${names.join(', ')}`;
  });
  return ['usage: npm run rebuild -- <service> <read-model>', 'with DATABASE_URL (beside the running services) or DATA_DIR (default .data; the platform stopped). Read models:', ...lines].join('\n');
};

/** Opens the deployment's database; an embedded folder another process holds is refused with what to do. */
const open = async (io: RebuildIo, print: (line: string) => void): Promise<Database | undefined> => {
  const settings = loadDatabaseSettings(io.env);
  try {
    const database = await openDatabase(settings, { warn: (_context, message) => print(message) });
    if (database.embedded)
      print(`${database.description}: the data folder is locked while the rebuild runs, so the platform cannot start on it until the rebuild ends`);
    else print(`${database.description}, beside the running services`);
    return database;
  } catch (error) {
    if (!(error instanceof DataDirLocked)) throw error;
    print(`rebuild could not start: ${error.message}`);
    print('in the embedded mode the rebuild needs the data folder to itself: stop the platform, rebuild, start it again');
    return undefined;
  }
};

const summary = (report: RebuildReport, startedAt: number): string[] => {
  const elapsed = (Date.now() - startedAt) / 1000;
  return [
    `checkpoint ${report.projection}: ${count(report.previousCheckpoint)} → ${count(report.position)}; the live projections follow on from there`,
    `rows: ${[...report.rows].map(([table, rows]) => `${table} ${count(rows)}`).join(' · ')}`,
    `done in ${elapsed.toFixed(1)} s: ${count(report.read)} events read, ${count(report.applied)} applied (${count(Math.round(report.read / Math.max(elapsed, 0.001)))} events/s)`,
  ];
};

const failure = (error: unknown, interrupted: boolean): string => {
  if (interrupted || error instanceof Stopped) return 'rebuild interrupted: the shadow tables were dropped; the live read model and its checkpoint are as they were';
  if (error instanceof InvalidConfiguration) return error.message;
  return `rebuild failed: ${error instanceof Error ? error.message : String(error)}`;
};

type Asked =
  | { readonly readModels: ServiceReadModels; readonly readModel: string; readonly followed?: FollowedReadModel }
  | { readonly refused: string; readonly exit: number };

/** The service and read model asked for, or what to print instead: the usage (exit 2), or why it cannot be rebuilt (exit 1). */
const what = (args: readonly string[]): Asked => {
  const [service = '', readModel] = args;
  const readModels = REBUILDABLE_SERVICES[service];
  if (!readModels || readModel === undefined || args.length > 2) return { refused: usage(), exit: 2 };
  const followed = readModels.followed?.find((candidate) => candidate.name === readModel);
  if (followed) return { readModels, readModel, followed };
  try {
    findReadModel(readModels, readModel);
    return { readModels, readModel };
  } catch (error) {
    if (error instanceof UnknownReadModel) return { refused: `${error.message}\n${usage()}`, exit: 2 };
    return { refused: error instanceof NotRebuildable ? error.message : String(error), exit: 1 };
  }
};

/**
 * `npm run rebuild -- <service> <read-model>` (docs/adr/0011): the exit code is 0 once the rebuilt
 * tables are swapped in, 2 for a wrong command line, 1 when it could not be done.
 */
export const runRebuildCommand = async (args: readonly string[], io: RebuildIo): Promise<number> => {
  const print = (line: string): void => void io.out.write(`${line}\n`);
  const asked = what(args);
  if ('refused' in asked) {
    print(asked.refused);
    return asked.exit;
  }
  const { readModels, readModel, followed } = asked;
  const startedAt = Date.now();
  let database: Database | undefined;
  const progress = new ConsoleProgress(io.out, `projections:${readModels.service}`);
  try {
    database = await open(io, print);
    if (!database) return 1;
    if (followed) {
      const run = { database, readModels, readModel: followed, services: REBUILDABLE_SERVICES, env: io.env, progress, signal: io.signal, print };
      (await rebuildFollowed(run, startedAt)).forEach(print);
      return 0;
    }
    const report = await rebuildReadModel({
      database,
      service: readModels,
      readModel,
      progress,
      signal: io.signal,
      onStart: (plan) => print(`rebuilding ${plan.projection} (${plan.tables.join(', ')}) from position 0; the log's head is at ${count(plan.head)}`),
    });
    progress.close();
    summary(report, startedAt).forEach(print);
    return 0;
  } catch (error) {
    progress.close();
    print(failure(error, io.signal.aborted));
    return 1;
  } finally {
    await database?.close();
  }
};
