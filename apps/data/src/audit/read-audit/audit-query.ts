import { Inject, Injectable } from '@nestjs/common';
import { cursorOf, DATABASE, keyAfter, ValidationFailed, type Database, type ListPage } from '@collab/service-kit';
import type { AuditEntry } from './audit.answers';

export interface AuditFilter {
  /** `<kind>:<id>` (user:admin-1), or an id alone; matches who did it and the service it went through. */
  readonly actor?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  readonly service?: string | undefined;
  readonly limit: number;
  readonly after?: string | undefined;
}

interface AuditRow {
  readonly event_id: string;
  readonly service: string;
  readonly type: string;
  readonly subject: string;
  readonly at: Date;
  readonly actor: string;
  readonly actor_via: string | null;
  readonly caller_address: string | null;
  readonly caller_agent: string | null;
  readonly correlation_id: string;
}

const CURSOR_SEPARATOR = '|';

/** The page's last entry as a cursor: its time and event id, the order's key. */
const keyOf = (row: AuditRow): string => `${row.at.toISOString()}${CURSOR_SEPARATOR}${row.event_id}`;

const afterOf = (after: string | undefined): { at: Date; eventId: string } | undefined => {
  const key = keyAfter(after);
  if (key === undefined) return undefined;
  const split = key.indexOf(CURSOR_SEPARATOR);
  const at = new Date(key.slice(0, split));
  if (split < 0 || Number.isNaN(at.getTime())) throw new ValidationFailed([{ field: 'after', message: 'must be a cursor from an earlier page' }]);
  return { at, eventId: key.slice(split + 1) };
};

const entryOf = (row: AuditRow): AuditEntry => ({
  eventId: row.event_id,
  service: row.service,
  type: row.type,
  subject: row.subject,
  at: row.at.toISOString(),
  actor: row.actor,
  via: row.actor_via,
  from: row.caller_address === null ? null : { address: row.caller_address, userAgent: row.caller_agent },
  correlationId: row.correlation_id,
});

/** Who did what, when and from where, across the services, newest first, a keyset page at a time. */
@Injectable()
export class AuditQuery {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async page(filter: AuditFilter): Promise<ListPage<AuditEntry>> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const where = (sql: (placeholder: string) => string, value: unknown): void => {
      values.push(value);
      conditions.push(sql(`$${values.length}`));
    };
    if (filter.actor !== undefined) {
      const byId = !filter.actor.includes(':');
      where((p) => (byId ? `(substr(actor, strpos(actor, ':') + 1) = ${p} or substr(actor_via, strpos(actor_via, ':') + 1) = ${p})` : `(actor = ${p} or actor_via = ${p})`), filter.actor);
    }
    if (filter.service !== undefined) where((p) => `service = ${p}`, filter.service);
    if (filter.from !== undefined) where((p) => `at >= ${p}`, filter.from);
    if (filter.to !== undefined) where((p) => `at < ${p}`, filter.to);
    const after = afterOf(filter.after);
    if (after !== undefined) {
      values.push(after.at, after.eventId);
      conditions.push(`(at, event_id) < ($${values.length - 1}, $${values.length})`);
    }
    values.push(filter.limit + 1);
    const { rows } = await this.database.pool.query<AuditRow>(
      `select * from data.audit_entry ${conditions.length > 0 ? `where ${conditions.join(' and ')}` : ''}
       order by at desc, event_id desc limit $${values.length}`,
      values,
    );
    const shown = rows.slice(0, filter.limit);
    const last = shown.at(-1);
    return { items: shown.map(entryOf), page: { limit: filter.limit, next: rows.length > filter.limit && last ? cursorOf(keyOf(last)) : null } };
  }
}
