import type { OrgNames, OrgPartner } from '@collab/workflow-domain';
import type { OrgPartnerRecord } from '../org-view/org-view.entity';

export interface PartnerView {
  readonly id: string;
  readonly names: OrgNames;
  readonly regions: readonly string[];
  readonly calendarId: string;
  readonly supervisorId: string | null;
  readonly active: boolean;
  readonly version: number;
}

export const partnerViewOf = (
  { partnerId, names, regions, calendarId, supervisorId }: OrgPartner,
  active: boolean,
  version: number,
): PartnerView => ({
  id: partnerId,
  names,
  regions,
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
