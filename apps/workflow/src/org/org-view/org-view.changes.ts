import type {
  AgentEvent,
  OrgNames,
  PartnerEvent,
  QueueEvent,
  ResponsibilityAssigned,
  UnitEvent,
} from '@collab/workflow-domain';
import type {
  OrgAgentRecord,
  OrgPartnerRecord,
  OrgQueueRecord,
  OrgResponsibilityRecord,
  OrgUnitRecord,
} from './org-view.entity';

type Row<T extends { id: string }> = Partial<T> & { id: string };

const namesOf = (names: OrgNames | undefined) => (names ? { nameZh: names.zh, nameEn: names.en } : {});

/** Keeps only the keys whose value is given, so a change touches only what it changed. */
const given = <T extends object>(row: T): Partial<T> =>
  Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as Partial<T>;

export const unitRow = (event: UnitEvent, version: number): Row<OrgUnitRecord> => {
  const { names, unitType, parentId, region, calendarId, supervisorId } = event.data;
  const level = event.type === 'UnitDefined' ? { level: event.data.level } : {};
  return {
    id: event.data.unitId,
    ...level,
    ...given({ unitType, parentId, region, calendarId, supervisorId }),
    ...namesOf(names),
    version,
  };
};

export const queueRow = (event: QueueEvent, version: number): Row<OrgQueueRecord> => {
  if (event.type === 'QueueRetired')
    return { id: event.data.queueId, retiredAt: new Date(event.data.retiredAt), version };
  const { unitId, name, skills, languageRule } = event.data;
  return { id: event.data.queueId, ...given({ unitId, name, skills: skills && [...skills], languageRule }), version };
};

export const agentRow = (event: AgentEvent, version: number): Row<OrgAgentRecord> => {
  const base = { id: event.data.agentId, version };
  switch (event.type) {
    case 'AgentEnrolled':
    case 'AgentChanged': {
      const { unitId, queues, skills, languages, capacity } = event.data;
      const enrolled = event.type === 'AgentEnrolled' ? { active: true, crossUnitQueues: [] } : {};
      return {
        ...base,
        ...enrolled,
        ...given({
          unitId,
          capacity,
          queues: queues && [...queues],
          skills: skills && [...skills],
          languages: languages && [...languages],
        }),
      };
    }
    case 'AgentDeactivated':
      return { ...base, active: false };
    case 'AgentReactivated':
      return { ...base, active: true };
    // Adds to two lists, which a row of given values cannot say: GRANTED_MEMBERSHIP_SQL does it.
    case 'AgentCrossUnitMembershipGranted':
      return base;
  }
};

/** The granted queue joins the agent's queues and grants, once each (a replay adds nothing), at the event's version. */
export const GRANTED_MEMBERSHIP_SQL = `update workflow.org_agent set
    queues = case when $2 = any(queues) then queues else array_append(queues, $2) end,
    cross_unit_queues = case when $2 = any(cross_unit_queues) then cross_unit_queues
      else array_append(cross_unit_queues, $2) end,
    version = greatest(version, $3)
  where id = $1`;

export const partnerRow = (event: PartnerEvent, version: number): Row<OrgPartnerRecord> => {
  const base = { id: event.data.partnerId, version };
  switch (event.type) {
    case 'PartnerRegistered':
    case 'PartnerChanged': {
      const { names, regions, calendarId, supervisorId } = event.data;
      const active = event.type === 'PartnerRegistered' ? { active: true } : {};
      return {
        ...base,
        ...active,
        ...namesOf(names),
        ...given({ calendarId, supervisorId, regions: regions && [...regions] }),
      };
    }
    case 'PartnerDeactivated':
      return { ...base, active: false };
    case 'PartnerReactivated':
      return { ...base, active: true };
  }
};

export const responsibilityRow = ({ data }: ResponsibilityAssigned): OrgResponsibilityRecord => ({
  entryId: data.entryId,
  requestType: data.scope.requestType ?? null,
  category: data.scope.category ?? null,
  region: data.scope.region ?? null,
  unitId: data.unitId,
  queueId: data.queueId,
  assignedAt: new Date(data.assignedAt),
});
