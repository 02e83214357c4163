import type { OrgPartner } from '@collab/workflow-domain';
import type { OrgPartnerRecord } from '../org-view/org-view.entity';
import type { PartnerView } from '../org.answers';

export const partnerViewOf = (
  { partnerId, names, regions, calendarId, supervisorId }: OrgPartner,
  active: boolean,
  version: number,
): PartnerView => ({
  id: partnerId,
  names,
  regions: [...regions],
  calendarId,
  supervisorId,
  active,
  version,
});

export const partnerViewOfRecord = (record: OrgPartnerRecord): PartnerView => ({
  id: record.id,
  names: { zh: record.nameZh, en: record.nameEn },
  regions: record.regions,
  calendarId: record.calendarId,
  supervisorId: record.supervisorId,
  active: record.active,
  version: record.version,
});
