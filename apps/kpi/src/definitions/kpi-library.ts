import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, pageOf, type Database, type ListPage, type PageRequest } from '@collab/service-kit';
import { KpiCatalogue } from '../computation/kpi-catalogue';
import { kpiViewOf, type KpiView } from './kpi-views';

/** The library as its read model holds it (a moment behind a definition's append). */
@Injectable()
export class KpiLibrary {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly catalogue: KpiCatalogue,
  ) {}

  /** One page of the library, by KPI id. */
  async list(request: PageRequest): Promise<ListPage<KpiView>> {
    return pageOf(await this.all(), request, (kpi) => kpi.id);
  }

  /** The whole library (gRPC ListKpis answers it unpaged: a library holds tens of KPIs, not thousands). */
  async all(): Promise<KpiView[]> {
    const all = await this.catalogue.all(this.database.pool);
    return all.map(({ retired, builtIn, versions, ...definition }) => kpiViewOf(definition, retired, builtIn, versions));
  }
}
