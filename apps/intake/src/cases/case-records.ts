import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotFound, ValidationFailed, canSee, holdsAny, shownCaseStatus, type Viewer } from '@collab/domain-kernel';
import { keyAfter, pageFromRows, type ListPage, type PageRequest } from '@collab/service-kit';
import type { CaseOverview } from '../intake.answers';

interface Row {
  readonly id: string;
  readonly number: string;
  readonly customer_id: string;
  readonly status: string;
  readonly progress_status: string | null;
  readonly open_tasks: number | null;
  readonly channel: string;
  readonly channel_kind: string;
  readonly audience: string;
  readonly requester: Record<string, string>;
  readonly requester_id: string | null;
  readonly requester_partner: string | null;
  readonly request_type: string;
  readonly category: string;
  readonly subject: string;
  readonly description: string;
  readonly language: string;
  readonly region: string;
  readonly priority: string;
  readonly external_ref: string | null;
  readonly contacts: number;
  readonly opened_at: Date;
  readonly acknowledged_at: Date | null;
  readonly expected_first_response_at: Date | null;
  readonly expected_resolution_at: Date | null;
  readonly queue: string | null;
  readonly assignee: string | null;
  readonly assigned_at: Date | null;
  readonly resolved_at: Date | null;
  readonly closed_at: Date | null;
  readonly intake_version: number;
  readonly workflow_version: number | null;
}

const SELECT = `select r.*, p.status as progress_status, p.open_tasks, p.queue, p.assignee, p.assigned_at, p.resolved_at, p.closed_at, p.workflow_version
  from intake.case_record r left join intake.case_progress p on p.case_id = r.id`;

const iso = (time: Date | null): string | null => (time === null ? null : time.toISOString());

const overviewOf = (row: Row): CaseOverview => ({
  id: row.id,
  number: row.number,
  customerId: row.customer_id,
  // case_progress stores ASSIGNED for a case only in a queue too (shown QUEUED), and IN_PROGRESS while its tasks are open (COLLABORATING).
  // The read model holds only statuses intake and workflow wrote; the answer check under test catches a stranger.
  status: shownCaseStatus(row.progress_status ?? row.status, row.assignee, row.open_tasks ?? 0) as CaseOverview['status'],
  channel: row.channel,
  channelKind: row.channel_kind,
  audience: row.audience,
  requester: row.requester,
  requestType: row.request_type,
  category: row.category,
  subject: row.subject,
  description: row.description,
  language: row.language,
  region: row.region,
  priority: row.priority,
  externalRef: row.external_ref,
  contacts: row.contacts,
  openedAt: row.opened_at.toISOString(),
  acknowledgement:
    row.acknowledged_at && row.expected_first_response_at && row.expected_resolution_at
      ? {
          acknowledgedAt: row.acknowledged_at.toISOString(),
          expectedFirstResponseAt: row.expected_first_response_at.toISOString(),
          expectedResolutionAt: row.expected_resolution_at.toISOString(),
        }
      : null,
  queue: row.queue,
  assignee: row.assignee,
  assignedAt: iso(row.assigned_at),
  resolvedAt: iso(row.resolved_at),
  closedAt: iso(row.closed_at),
  version: row.intake_version + (row.workflow_version ?? 0),
});

const visibleTo = (viewer: Viewer) => (row: Row) => canSee(viewer, { requesterId: row.requester_id, requesterPartner: row.requester_partner });

/** Who works a case inside (queue, assignee) is staff's to see, not the requester's. */
const shownTo = (viewer: Viewer) => (row: Row): CaseOverview => {
  const overview = overviewOf(row);
  return holdsAny(viewer, ['staff', 'partner-staff']) ? overview : { ...overview, queue: null, assignee: null };
};

/** Reads cases from intake's own records; a case the caller may not see is answered as not found. */
@Injectable()
export class CaseRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(caseId: string, viewer: Viewer): Promise<CaseOverview> {
    const rows: Row[] = await this.dataSource.query(`${SELECT} where r.id = $1`, [caseId]);
    const row = rows.find(visibleTo(viewer));
    if (!row) throw new NotFound('case', caseId);
    return shownTo(viewer)(row);
  }

  /**
   * The customer's cases the caller may see, newest first, keyset-paged on (opened_at, id). The
   * cursor is the last row read, seen or not, so a page of cases hidden from the caller still moves on.
   */
  async ofCustomer(customerId: string, viewer: Viewer, page: PageRequest): Promise<ListPage<CaseOverview>> {
    const after = keyAfter(page.after);
    const [openedAt, id] = after === undefined ? [null, null] : splitKey(after);
    const rows: Row[] = await this.dataSource.query(
      `${SELECT} where r.customer_id = $1 and ($2::timestamptz is null or (r.opened_at, r.id::text) < ($2::timestamptz, $3::text))
       order by r.opened_at desc, r.id::text desc limit $4`,
      [customerId, openedAt, id, page.limit + 1],
    );
    const read = pageFromRows(rows, page, (row) => `${row.opened_at.toISOString()}|${row.id}`, (row) => row);
    return { items: read.items.filter(visibleTo(viewer)).map(shownTo(viewer)), page: read.page };
  }
}

/** A cursor's key is `openedAt|id`; anything else did not come from this list. */
const splitKey = (key: string): [string, string] => {
  const [openedAt, id, ...rest] = key.split('|');
  if (openedAt === undefined || id === undefined || rest.length > 0 || Number.isNaN(Date.parse(openedAt)))
    throw new ValidationFailed([{ field: 'after', message: 'must be a cursor from an earlier page' }]);
  return [openedAt, id];
};
