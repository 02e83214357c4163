import { Injectable } from '@nestjs/common';
import { ORG_EVENT_TYPES } from '@collab/workflow-domain';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import { Projection } from '@collab/service-kit';
import type { OrgEvent } from '@collab/workflow-domain';
import {
  GRANTED_MEMBERSHIP_SQL,
  agentRow,
  partnerRow,
  queueRow,
  responsibilityRow,
  unitRow,
} from './org-view.changes';
import { OrgAgentRecord, OrgPartnerRecord, OrgQueueRecord, OrgResponsibilityRecord, OrgUnitRecord } from './org-view.entity';

/** The projection's name: also the checkpoint the agent-assignment process manager waits on. */
export const ORG_VIEW_PROJECTION = 'workflow.org-view';

type Apply<Type extends OrgEvent['type']> = (
  event: Extract<OrgEvent, { type: Type }>,
  version: number,
  tx: EntityManager,
) => Promise<unknown>;
type Appliers = { readonly [Type in OrgEvent['type']]: Apply<Type> };

/** A definition inserts (or, replayed, overwrites) the row; a change updates only what it carries. */
const saved =
  <Row extends { id: string }>(entity: new () => Row, defines: boolean) =>
  (tx: EntityManager, row: Partial<Row> & { id: string }): Promise<unknown> => {
    const repository = tx.getRepository(entity);
    // TypeORM's partial-entity types do not follow a generic row; the columns are the entity's own.
    return defines
      ? repository.upsert(row as never, ['id'])
      : repository.update({ id: row.id } as never, row as never);
  };

const APPLIERS: Appliers = {
  UnitDefined: (event, version, tx) => saved(OrgUnitRecord, true)(tx, unitRow(event, version)),
  UnitChanged: (event, version, tx) => saved(OrgUnitRecord, false)(tx, unitRow(event, version)),
  QueueDefined: (event, version, tx) => saved(OrgQueueRecord, true)(tx, queueRow(event, version)),
  QueueChanged: (event, version, tx) => saved(OrgQueueRecord, false)(tx, queueRow(event, version)),
  QueueRetired: (event, version, tx) => saved(OrgQueueRecord, false)(tx, queueRow(event, version)),
  AgentEnrolled: (event, version, tx) => saved(OrgAgentRecord, true)(tx, agentRow(event, version)),
  AgentChanged: (event, version, tx) => saved(OrgAgentRecord, false)(tx, agentRow(event, version)),
  AgentDeactivated: (event, version, tx) => saved(OrgAgentRecord, false)(tx, agentRow(event, version)),
  AgentReactivated: (event, version, tx) => saved(OrgAgentRecord, false)(tx, agentRow(event, version)),
  AgentCrossUnitMembershipGranted: (event, version, tx) =>
    tx.query(GRANTED_MEMBERSHIP_SQL, [event.data.agentId, event.data.queueId, version]),
  PartnerRegistered: (event, version, tx) => saved(OrgPartnerRecord, true)(tx, partnerRow(event, version)),
  PartnerChanged: (event, version, tx) => saved(OrgPartnerRecord, false)(tx, partnerRow(event, version)),
  PartnerDeactivated: (event, version, tx) => saved(OrgPartnerRecord, false)(tx, partnerRow(event, version)),
  PartnerReactivated: (event, version, tx) => saved(OrgPartnerRecord, false)(tx, partnerRow(event, version)),
  ResponsibilityAssigned: (event, _version, tx) =>
    tx.getRepository(OrgResponsibilityRecord).upsert(responsibilityRow(event), ['entryId']),
  ResponsibilityWithdrawn: (event, _version, tx) =>
    tx.getRepository(OrgResponsibilityRecord).delete({ entryId: event.data.entryId }),
  // The claim only guards uniqueness; the thing itself appears with its definition.
  OrgIdClaimed: () => Promise.resolve(),
};

const isOrgEvent = (type: string): type is OrgEvent['type'] => Object.hasOwn(APPLIERS, type);

/** Keeps workflow's org tables equal to the fold of the directory's streams; cases, tasks and clocks pass by. */
@Injectable()
export class OrgViewProjection extends Projection {
  readonly name = ORG_VIEW_PROJECTION;
  readonly log = 'workflow';
  readonly handles = ORG_EVENT_TYPES;
  readonly tables = ['workflow.org_unit', 'workflow.org_queue', 'workflow.org_agent', 'workflow.org_partner', 'workflow.org_responsibility'];

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      if (!isOrgEvent(event.type)) continue;
      const apply = APPLIERS[event.type] as Apply<OrgEvent['type']>;
      await apply({ type: event.type, data: event.data } as OrgEvent, event.streamVersion, tx);
    }
  }
}
