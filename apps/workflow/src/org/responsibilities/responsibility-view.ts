import type { ResponsibilityEntry } from '@collab/workflow-domain';
import type { OrgResponsibilityRecord } from '../org-view/org-view.entity';
import type { ResponsibilityView } from '../org.answers';

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
