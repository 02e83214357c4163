import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@collab/domain-kernel';
import { canSee, seesCaseInternals } from '@collab/workflow-domain';
import { foldCaseView } from '../case-view/case-view.fold';
import { GetCaseHistory, type CaseHistory } from './case-history.query';
import { allOf, caseEventsOf, CaseStreams } from './case-streams';
import { historyPage, requesterHistoryPage } from './case-timeline';

@QueryHandler(GetCaseHistory)
export class GetCaseHistoryHandler implements IQueryHandler<GetCaseHistory, CaseHistory> {
  constructor(private readonly streams: CaseStreams) {}

  /**
   * Visible exactly when the case is (canSee on its requester); a case the caller may not see, or
   * that did not exist yet at asOf, is not found. Staff get every event; the requester only the
   * events meant for them, without actors or internal fields.
   */
  async execute({ caseId, viewer, page }: GetCaseHistory): Promise<CaseHistory> {
    const records = await this.streams.of(caseId, page.asOf);
    const view = foldCaseView(caseEventsOf(records));
    if (!view || !canSee(viewer, view)) throw new NotFound('case', caseId);
    const events = seesCaseInternals(viewer) ? historyPage(allOf(records), page) : requesterHistoryPage(records.caseEvents, page);
    return { caseId, asOf: page.asOf?.toISOString() ?? null, ...events };
  }
}
