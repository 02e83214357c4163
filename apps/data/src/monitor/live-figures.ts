import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, DATABASE, type Clock, type Database } from '@collab/service-kit';
import type { Count, LiveFigures, OpenKpiAlert } from './monitor.answers';

/** The most open alerts the monitor lists, newest first. */
const ALERTS_SHOWN = 20;

/** A case not yet finished, whatever step it is at (a case intake alone has told of has no status yet). */
const OPEN = `coalesce(status, 'OPENED') not in ('RESOLVED', 'CLOSED', 'CANCELLED')`;

/** Reads the live figures from the fact store, as of the clock's now. */
@Injectable()
export class LiveFigureReader {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async read(): Promise<LiveFigures> {
    const now = this.clock.now();
    const grouped = async (expression: string): Promise<Count[]> =>
      (await this.database.pool.query<Count>(`select coalesce(${expression}, '?') as key, count(*)::int as count from data.case_dim where ${OPEN} group by 1 order by 2 desc, 1`)).rows;
    const [byChannel, byRegion, byQueue] = [await grouped('channel'), await grouped(`split_part(region, '-', 1)`), await grouped('queue')];
    const { rows: [risk] } = await this.database.pool.query<{ at_risk: number; breached: number }>(
      `select (count(distinct f.case_id) filter (where f.kind = 'SLA_WARNING'))::int as at_risk, (count(distinct f.case_id) filter (where f.kind = 'SLA_BREACHED'))::int as breached
       from data.fact f join data.case_dim c on c.case_id = f.case_id where f.kind in ('SLA_WARNING', 'SLA_BREACHED') and ${OPEN.replace('status', 'c.status')}`,
    );
    const hourAgo = new Date(now.getTime() - 3_600_000);
    const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const { rows: [flow] } = await this.database.pool.query<{ contacts_hour: number; resolved_hour: number; contacts_today: number }>(
      `select (count(*) filter (where kind in ('CASE_OPENED', 'CONTACT_APPENDED') and at >= $1))::int as contacts_hour,
              (count(*) filter (where kind = 'CASE_RESOLVED' and at >= $1))::int as resolved_hour,
              (count(*) filter (where kind in ('CASE_OPENED', 'CONTACT_APPENDED') and at >= $2))::int as contacts_today
       from data.fact where at >= least($1, $2) and at <= $3`,
      [hourAgo, midnight, now],
    );
    const counted = { at_risk: 0, breached: 0, contacts_hour: 0, resolved_hour: 0, contacts_today: 0, ...risk, ...flow };
    return {
      at: now.toISOString(),
      backlog: { total: byChannel.reduce((sum, entry) => sum + entry.count, 0), byChannel, byRegion, byQueue },
      slaRisk: { atRisk: counted.at_risk, breached: counted.breached },
      throughput: { contactsLastHour: counted.contacts_hour, resolvedLastHour: counted.resolved_hour, contactsToday: counted.contacts_today },
      kpiAlerts: await this.openAlerts(),
    };
  }

  /** The KPI alerts still open (read from the KPI topic by KpiAlertsConsumer), the newest first. */
  private async openAlerts(): Promise<LiveFigures['kpiAlerts']> {
    const { rows: [counted] } = await this.database.pool.query<{ open: number }>(`select count(*)::int as open from data.monitor_kpi_alert where open`);
    const { rows } = await this.database.pool.query<OpenKpiAlert>(
      `select kpi_id as "kpiId", version, scope, granularity, to_char(bucket at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as bucket, threshold, standing, value,
              threshold_value as "thresholdValue", to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
       from data.monitor_kpi_alert where open order by at desc, kpi_id, scope, granularity, threshold limit ${ALERTS_SHOWN}`,
    );
    return { open: counted?.open ?? 0, latest: rows };
  }
}
