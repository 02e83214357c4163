import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import type { RebuildPass } from '@collab/following';
import { EntityRows, Projection, type RowStore } from '@collab/service-kit';
import { COLLABORATION_TASK_EVENT_TYPES, WORKFLOW_CASE_EVENT_TYPES, workflowCaseStreamId, type CaseRegistered, type WorkflowCaseEvent } from '@collab/workflow-domain';
import { COURSE_HOLDER_EVENT_TYPES } from '../case-course/case-course.changes';
import { CaseCourseProjection } from '../case-course/case-course.projection';
import { CASE_COURSE_TABLES } from '../case-course/case-course.tables';
import { caseViewChange } from './case-view.changes';
import { CaseView } from './case-view.entity';
import { CaseViewRebuildPass } from './case-view.rebuild-pass';
import { CaseViewRows } from './case-view.rows';

const CASE_STREAM = workflowCaseStreamId('');

const registered = (event: RecordedEvent, data: CaseRegistered['data']): Partial<CaseView> & Pick<CaseView, 'id' | 'version'> => ({
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

// Workflow's log also holds org, process, task and SLA streams; only a case's own stream changes its view.
const isCaseEvent = (event: RecordedEvent): boolean => event.streamId.startsWith(CASE_STREAM);

/** The case events applied, in log order, to the view rows in memory. */
const showCaseEvents = (views: CaseViewRows, caseEvents: readonly RecordedEvent[]): void => {
  for (const event of caseEvents) {
    const domainEvent = { type: event.type, data: event.data } as WorkflowCaseEvent;
    if (domainEvent.type === 'CaseRegistered') views.register(registered(event, domainEvent.data));
    else views.change(domainEvent.data.caseId, event.streamVersion, caseViewChange(domainEvent));
  }
};

/**
 * Keeps workflow.case_view equal to the fold of workflow's case streams, and in the same
 * transaction each case's legs and chain (CaseCourseProjection), so a reader of the view reads its
 * course as current as the view.
 *
 * The name carries a generation: a new one follows the log again from its start, which is how a
 * database made before the course was kept fills it in place. Every change to a view row is
 * guarded by the case's stream version (registration only inserts), so that pass leaves the rows
 * readers see as they were while it catches up.
 */
@Injectable()
export class CaseViewProjection extends Projection {
  readonly name = 'workflow.case-view.2';
  readonly log = 'workflow';
  /** The case's own events for the view; its tasks' events and the org's clock-moving events for its course. */
  readonly handles = [...WORKFLOW_CASE_EVENT_TYPES, ...COLLABORATION_TASK_EVENT_TYPES, ...COURSE_HOLDER_EVENT_TYPES];
  /** The view and the course it keeps; the calendars its legs read are the intake-calendars consumer's. */
  readonly tables = ['workflow.case_view', ...CASE_COURSE_TABLES];
  private readonly course = new CaseCourseProjection();

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const caseEvents = events.filter(isCaseEvent);
    const table = this.viewsIn(tx);
    const views = await CaseViewRows.load(table, [...new Set(caseEvents.map((event) => String(event.data['caseId'])))]);
    showCaseEvents(views, caseEvents);
    await views.save(table);
    await this.course.apply(events, tx);
  }

  /** A rebuild's pass: the rows of the cases met lately held in memory across batches, each written once. */
  override rebuilding(): RebuildPass<EntityManager> {
    return new CaseViewRebuildPass((tx) => this.viewsIn(tx), showCaseEvents, isCaseEvent, this.heldInRebuild);
  }

  /** How many cases a rebuild holds in memory at most: some 2 KB each with their legs and links. */
  protected readonly heldInRebuild: number = 20_000;

  /** Where the view rows live: the table, in the transaction. */
  protected viewsIn(tx: EntityManager): RowStore<CaseView> {
    return new EntityRows(tx, CaseView);
  }
}
