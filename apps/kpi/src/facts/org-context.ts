import type { PublicMessage, workflowLanguage } from '@collab/contracts';
import type { Fed } from './fed-fact';

type Data<Type extends string> = Extract<PublicMessage<typeof workflowLanguage>, { type: Type }>['data'];

/**
 * The organisation's history as the KPI attribution needs it: which unit owned each queue from
 * when (a moved queue keeps its past under its old unit), each unit's parent and calendar.
 */
export const ORG_CONTEXT = {
  UnitDefined: (_id: string, { unitId, parentId, calendarId }: Data<'UnitDefined'>): Fed => ({ context: [{ kind: 'unit', unitId, parentId, calendarId }] }),
  UnitChanged: (_id: string, { unitId, parentId, calendarId }: Data<'UnitChanged'>): Fed => ({ context: [{ kind: 'unit', unitId, parentId, calendarId }] }),
  QueueDefined: (_id: string, { queueId, unitId, definedAt }: Data<'QueueDefined'>): Fed => ({ context: [{ kind: 'queue-unit', queueId, unitId, at: definedAt }] }),
  QueueChanged: (_id: string, { queueId, unitId, changedAt }: Data<'QueueChanged'>): Fed => ({
    context: unitId === undefined ? [] : [{ kind: 'queue-unit', queueId, unitId, at: changedAt }],
  }),
};

export type OrgType = keyof typeof ORG_CONTEXT;
