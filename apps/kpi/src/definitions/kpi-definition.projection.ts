import { Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import { KPI_DEFINITION_EVENT_TYPES, type KpiDefinitionEvent } from '@collab/kpi-domain';
import { Projection } from '@collab/service-kit';
import { KpiCatalogue } from '../computation/kpi-catalogue';

/** Keeps kpi.definition equal to every version of every KPI; a batch applied twice gives the same rows. */
@Injectable()
export class KpiDefinitionProjection extends Projection {
  readonly name = 'kpi.definitions';
  readonly log = 'kpi';
  readonly handles = KPI_DEFINITION_EVENT_TYPES;
  readonly tables = ['kpi.definition'];

  /** Without a catalogue when the rebuild command constructs it (no fold runs there to be told). */
  constructor(@Optional() private readonly catalogue?: KpiCatalogue) {
    super();
  }

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const recorded of events) await this.applyOne({ type: recorded.type, data: recorded.data } as KpiDefinitionEvent, tx);
    this.catalogue?.changed();
  }

  private async applyOne(event: KpiDefinitionEvent, tx: EntityManager): Promise<void> {
    switch (event.type) {
      case 'KpiDefined':
      case 'KpiRevised': {
        const { kpiId, version, specification } = event.data;
        const at = event.type === 'KpiDefined' ? event.data.definedAt : event.data.revisedAt;
        const builtIn = event.type === 'KpiDefined' && event.data.builtIn;
        await tx.query(
          `insert into kpi.definition (kpi_id, version, specification, built_in, defined_at) values ($1, $2, $3, $4, $5) on conflict do nothing`,
          [kpiId, version, JSON.stringify(specification), builtIn, at],
        );
        return;
      }
      case 'KpiRetired':
        await tx.query(`update kpi.definition set retired = true where kpi_id = $1 and version <= $2`, [event.data.kpiId, event.data.version]);
        return;
    }
  }
}
