import type { ResponsibilityEntry } from '@collab/workflow-domain';
import type { OrgResponsibilityRecord } from '../org-view/org-view.entity';

/** An entry of the responsibility matrix; a null attribute covers any value. */
export interface ResponsibilityView {
  readonly id: string;
  readonly requestType: string | null;
  readonly category: string | null;
  readonly region: string | null;
  readonly unitId: string;
  readonly queueId: string | null;
  readonly assignedAt: string;
}

export const responsibilityViewOf = ({
  entryId,
  scope,
  unitId,
  queueId,
  assignedAt,
}: ResponsibilityEntry): ResponsibilityView => ({
  id: entryId,
  requestType: scope.requestType ?? null,
  category: scope.category ?? null,
  region: scope.region ?? null,
  unitId,
  queueId,
  assignedAt,
});

export const responsibilityViewOfRecord = (record: OrgResponsibilityRecord): ResponsibilityView => ({
  id: record.entryId,
  requestType: record.requestType,
  category: record.category,
  region: record.region,
  unitId: record.unitId,
  queueId: record.queueId,
  assignedAt: record.assignedAt.toISOString(),
});
