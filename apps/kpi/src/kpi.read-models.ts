import type { CollabEvent } from '@collab/contracts';
import type { SqlExecutor } from '@collab/following';
import { projectionsAmong, type FollowedSource, type ServiceReadModels } from '@collab/service-kit';
import { KpiCatalogue } from './computation/kpi-catalogue';
import { KpiFolding } from './computation/kpi-folding';
import { FED_READERS, KPI_SOURCES, tellsSomething, type KpiSource } from './facts/fed-readers';
import { KPI_PROVIDERS } from './kpi.providers';
import { KPI_MIGRATIONS } from './migrations/kpi.migrations';

/**
 * The fold as the rebuild replays it: the live consumer's readers and fold, into the shadow tables,
 * against the definitions as they are (kpi.definition is not among the rebuilt tables, so it is read
 * live). No alert hour is marked: the rebuilt figures are the figures the alerts already watched.
 */
const folding = new KpiFolding(new KpiCatalogue());
const replayedFrom = (source: KpiSource): FollowedSource => ({
  source,
  effect: (event: CollabEvent) => {
    const feds = FED_READERS[source](event);
    if (!tellsSomething(feds)) return undefined;
    return async (tx: SqlExecutor) => {
      for (const fed of feds) await folding.record(tx, fed, { watch: false });
    };
  },
});

/**
 * KPI's read models for `npm run rebuild -- kpi <read-model>`. `definitions` (every version of
 * every KPI) and `alerts` (the alerts as listed) fold KPI's own log; `values` is the fact journal,
 * the context facts are attributed by and the observations every value is read from, kept by the
 * facts consumers from intake's, workflow's and knowledge's logs, so it is rebuilt from those. The
 * projections write through SQL, so no entities.
 */
export const kpiReadModels: ServiceReadModels = {
  service: 'kpi',
  migrations: KPI_MIGRATIONS,
  entities: [],
  projections: projectionsAmong(KPI_PROVIDERS),
  followed: [
    {
      name: 'values',
      tables: ['kpi.fact', 'kpi.fact_customer', 'kpi.case_context', 'kpi.case_holding', 'kpi.queue_unit', 'kpi.unit', 'kpi.task_target', 'kpi.duration_end', 'kpi.observation'],
      sources: KPI_SOURCES.map(replayedFrom),
    },
  ],
};
