import { Inject, Injectable } from '@nestjs/common';
import { bottlenecksOf, returnRateOf, type DependencyEdge } from '@collab/data-domain';
import { DATABASE, type Database } from '@collab/service-kit';
import type { DependencyMapView } from './dependency-map.answers';

interface EdgeRow {
  from_unit: string;
  to_kind: 'UNIT' | 'PARTNER';
  to_id: string;
  volume: number;
  returned: number;
  median: number | null;
}

/** The internal service dependency map, drawn from real hand-offs (协同单) in the fact store. */
@Injectable()
export class DependencyMap {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async draw(window: { from?: Date | undefined; to?: Date | undefined }): Promise<DependencyMapView> {
    const range = [window.from ?? new Date(0), window.to ?? new Date('9999-01-01T00:00:00Z')];
    const { rows } = await this.database.pool.query<EdgeRow>(
      `select t.from_unit, t.to_kind, t.to_id, count(*)::int as volume, (count(*) filter (where t.status = 'RETURNED'))::int as returned,
         round((percentile_cont(0.5) within group (order by f.business_minutes))::numeric, 2)::float8 as median
       from data.task_dim t left join data.fact f on f.task_id = t.task_id and f.kind in ('TASK_COMPLETED', 'TASK_RETURNED')
       where t.requested_at >= $1 and t.requested_at < $2
       group by t.from_unit, t.to_kind, t.to_id order by t.from_unit, t.to_id`,
      range,
    );
    const pingPongs = (await this.database.pool.query<{ a: string; b: string; count: number }>(
      `select least(from_unit, coalesce(unit, partner)) as a, greatest(from_unit, coalesce(unit, partner)) as b, count(*)::int as count from data.fact
       where kind = 'PING_PONG' and at >= $1 and at < $2 group by 1, 2`,
      range,
    )).rows;
    const pingPongsOf = (from: string, to: string) => pingPongs.find((pair) => pair.a === (from < to ? from : to) && pair.b === (from < to ? to : from))?.count ?? 0;
    const edges: DependencyEdge[] = rows.map((row) => ({
      from: row.from_unit, to: { kind: row.to_kind, id: row.to_id }, volume: row.volume, returned: row.returned,
      medianTurnaroundBusinessMinutes: row.median, pingPongs: pingPongsOf(row.from_unit, row.to_id),
    }));
    const nodes = new Map<string, 'UNIT' | 'PARTNER'>();
    for (const edge of edges) {
      if (!nodes.has(edge.from)) nodes.set(edge.from, 'UNIT');
      nodes.set(edge.to.id, edge.to.kind);
    }
    return {
      from: window.from?.toISOString() ?? null,
      to: window.to?.toISOString() ?? null,
      nodes: [...nodes].map(([id, kind]) => ({ id, kind })),
      edges: edges.map((edge) => ({ ...edge, returnRate: Math.round(returnRateOf(edge) * 1000) / 1000 })),
      bottlenecks: bottlenecksOf(edges).map((bottleneck) => ({ ...bottleneck, reasons: [...bottleneck.reasons] })),
    };
  }
}
