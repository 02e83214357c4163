import { Inject, Injectable } from '@nestjs/common';
import { rowsOf } from '@collab/following';
import type { KpiAlertEvent } from '@collab/kpi-domain';
import { DATABASE, cursorOf, keyAfter, type Database, type ListPage, type PageRequest } from '@collab/service-kit';

/** One alert as listed: the event's data, what happened (crossed or recovered), its id and when. */
export type KpiAlert = Omit<KpiAlertEvent['data'], 'crossedAt' | 'recoveredAt'> & {
  readonly id: string;
  readonly type: KpiAlertEvent['type'];
  readonly at: string;
};

export interface AlertFilter extends PageRequest {
  readonly kpi?: string | undefined;
  /** Any of these scopes; every scope when absent. */
  readonly scopes?: readonly string[] | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

interface AlertRow {
  readonly event_id: string;
  readonly position: string;
  readonly type: KpiAlertEvent['type'];
  readonly at: Date;
  readonly data: KpiAlertEvent['data'];
}

const asAlert = ({ event_id, type, at, data }: AlertRow): KpiAlert => {
  const { crossedAt: _crossed, recoveredAt: _recovered, ...alert } = data as KpiAlertEvent['data'] & { crossedAt?: string; recoveredAt?: string };
  return { id: event_id, type, ...alert, at: at.toISOString() };
};

/** The alerts in the order they were recorded, paged by their log position. */
@Injectable()
export class KpiAlertList {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async page(filter: AlertFilter): Promise<ListPage<KpiAlert>> {
    const after = keyAfter(filter.after);
    const params: unknown[] = [after ?? '0'];
    const where = ['position > $1::bigint'];
    const add = (condition: (at: number) => string, value: unknown): void => {
      params.push(value);
      where.push(condition(params.length));
    };
    if (filter.kpi !== undefined) add((at) => `kpi_id = $${at}`, filter.kpi);
    if (filter.scopes !== undefined) add((at) => `scope = any($${at}::text[])`, filter.scopes);
    if (filter.from !== undefined) add((at) => `at >= $${at}`, filter.from);
    if (filter.to !== undefined) add((at) => `at < $${at}`, filter.to);
    const rows = rowsOf<AlertRow>(
      await this.database.pool.query(
        `select event_id, position::text as position, type, at, data from kpi.alert_event where ${where.join(' and ')} order by position limit ${filter.limit + 1}`,
        params,
      ),
    );
    const shown = rows.slice(0, filter.limit);
    const last = shown.at(-1);
    return { items: shown.map(asAlert), page: { limit: filter.limit, next: rows.length > shown.length && last !== undefined ? cursorOf(last.position) : null } };
  }
}
