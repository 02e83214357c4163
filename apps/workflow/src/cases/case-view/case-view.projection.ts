import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import { Projection } from '@collab/service-kit';
import { workflowCaseStreamId, type CaseRegistered, type WorkflowCaseEvent, WORKFLOW_CASE_EVENT_TYPES } from '@collab/workflow-domain';
import { caseViewChange } from './case-view.changes';
import { CaseView } from './case-view.entity';

const registered = (event: RecordedEvent, data: CaseRegistered['data']): Partial<CaseView> => ({
  id: data.caseId,
  status: 'REGISTERED',
  channel: data.channel,
  audience: data.audience,
  requestType: data.requestType,
  category: data.category,
  subject: data.subject,
  description: data.description,
  language: data.language,
  region: data.region,
  priority: data.priority,
  requesterId: data.requesterId ?? null,
  requesterPartner: data.requesterPartner ?? null,
  requesterUnit: data.requesterUnit ?? null,
  openedAt: new Date(data.openedAt),
  version: event.streamVersion,
});

/** Keeps workflow.case_view equal to the fold of workflow's case streams. */
@Injectable()
export class CaseViewProjection extends Projection {
  readonly name = 'workflow.case-view';
  readonly log = 'workflow';
  readonly handles = WORKFLOW_CASE_EVENT_TYPES;
  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const views = tx.getRepository(CaseView);
    for (const event of events) {
      // Workflow's log also holds org, process, task and SLA streams; only a case's own stream changes its view.
      if (!event.streamId.startsWith(workflowCaseStreamId(''))) continue;
      const domainEvent = { type: event.type, data: event.data } as WorkflowCaseEvent;
      if (domainEvent.type === 'CaseRegistered') await views.upsert(registered(event, domainEvent.data), ['id']);
      else await views.update({ id: domainEvent.data.caseId }, { ...caseViewChange(domainEvent), version: event.streamVersion });
    }
  }
}
