import { Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import { Projection } from '@collab/service-kit';
import type { ProcessEvent } from '@collab/workflow-domain';
import { PublishedProcesses } from '../published-processes';

/** Keeps workflow.process_view equal to the fold of the process streams; other workflow events pass by. */
@Injectable()
export class ProcessViewProjection extends Projection {
  // Optional: a rebuild constructs its projections bare, and has no catalogue to tell.
  constructor(@Optional() private readonly processes?: PublishedProcesses) {
    super();
  }

  readonly name = 'workflow.process-view';
  readonly log = 'workflow';
  readonly handles = ['ProcessVersionPublished', 'ProcessRetired'];
  readonly tables = ['workflow.process_view'];
  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    this.processes?.changed();
    for (const event of events) {
      const processEvent = { type: event.type, data: event.data } as ProcessEvent;
      if (processEvent.type === 'ProcessVersionPublished') {
        const { process } = processEvent.data;
        await tx.query(
          `insert into workflow.process_view (id, name, status, latest_version, latest, changed_at, stream_version)
           values ($1, $2, 'active', $3, $4::jsonb, $5, $6)
           on conflict (id) do update set name = excluded.name, latest_version = excluded.latest_version,
             latest = excluded.latest, changed_at = excluded.changed_at, stream_version = excluded.stream_version
           where workflow.process_view.stream_version < excluded.stream_version`,
          [
            process.processId,
            process.name,
            process.version,
            JSON.stringify(process),
            process.publishedAt,
            event.streamVersion,
          ],
        );
      } else if (processEvent.type === 'ProcessRetired') {
        const { processId, retiredAt } = processEvent.data;
        await tx.query(
          `update workflow.process_view set status = 'retired', changed_at = $2, stream_version = $3
           where id = $1 and stream_version < $3`,
          [processId, retiredAt, event.streamVersion],
        );
      }
    }
  }
}
