import { SingleBar, Presets } from 'cli-progress';
import { loadDatabaseSettings, migrateSchema, openDatabase } from '@collab/service-kit';
import { KpiCatalogue } from '../computation/kpi-catalogue';
import { KPI_MIGRATIONS } from '../migrations/kpi.migrations';
import { backfill } from './kpi-backfill';

/**
 * `npm run kpi:backfill -- <kpi-id> [version]`: computes a KPI version (the newest by default) over
 * the whole fact journal with a progress bar. On PostgreSQL it runs beside the live service; the
 * embedded database is one process's, so there stop the platform first (or use POST /api/v1/kpis/{id}/backfill).
 */
const main = async (): Promise<number> => {
  const [kpiId, version] = process.argv.slice(2);
  if (kpiId === undefined) {
    process.stderr.write('usage: npm run kpi:backfill -- <kpi-id> [version]\n');
    return 2;
  }
  const database = await openDatabase(loadDatabaseSettings(process.env), { warn: (_context, message) => process.stderr.write(`${message}\n`) });
  try {
    await migrateSchema(database, 'kpi', KPI_MIGRATIONS);
    const catalogue = new KpiCatalogue();
    const definition = await catalogue.version(database.pool, kpiId, version === undefined ? undefined : Number(version));
    if (definition === undefined) {
      process.stderr.write(`no KPI ${kpiId}${version ? ` version ${version}` : ''}\n`);
      return 1;
    }
    const bar = new SingleBar({ format: `${kpiId} v${definition.version} [{bar}] {percentage}% | {value}/{total} facts | {eta_formatted} left` }, Presets.shades_classic);
    bar.start(0, 0);
    const started = Date.now();
    const done = await backfill(database.pool, definition, {
      onProgress: (progress) => {
        bar.setTotal(progress.total);
        bar.update(progress.done);
      },
    });
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`${kpiId} v${definition.version}: ${done.done} facts folded in ${seconds.toFixed(1)} s (${Math.round(done.done / Math.max(seconds, 0.001))}/s)\n`);
    return 0;
  } finally {
    await database.close();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
