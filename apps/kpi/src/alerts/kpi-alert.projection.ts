import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import { KPI_ALERT_EVENT_TYPES, type KpiAlertEvent } from '@collab/kpi-domain';
import { Projection } from '@collab/service-kit';

/** Keeps kpi.alert_event equal to every alert recorded, in log order; a batch applied twice gives the same rows. */
@Injectable()
export class KpiAlertProjection extends Projection {
  readonly name = 'kpi.alerts';
  readonly log = 'kpi';
  readonly handles = KPI_ALERT_EVENT_TYPES;
  readonly tables = ['kpi.alert_event'];

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const recorded of events) {
      const { type, data } = { type: recorded.type, data: recorded.data } as unknown as KpiAlertEvent;
      const at = type === 'KpiThresholdCrossed' ? data.crossedAt : data.recoveredAt;
      await tx.query(
        `insert into kpi.alert_event (event_id, position, type, kpi_id, version, scope, granularity, bucket, threshold, standing, at, data)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) on conflict (event_id) do nothing`,
        [recorded.id, recorded.position.toString(), type, data.kpiId, data.version, data.scope, data.granularity, data.bucket, data.threshold, data.standing, at, JSON.stringify(data)],
      );
    }
  }
}
