import { Injectable } from '@nestjs/common';
import { requesterOutcomeOf, type RequesterOutcome } from '@collab/workflow-domain';
import { caseEventsOf, CaseStreams } from '../case-history/case-streams';
import type { CaseView } from '../case-view/case-view.entity';
import { foldCaseView } from '../case-view/case-view.fold';
import { CaseCourses } from './case-courses';
import type { CaseCourse } from './case-details';

/** A case as it was at a past moment, folded from its streams as they stood then: what `?asOf=` answers. */
@Injectable()
export class CasesAsTheyWere {
  constructor(
    private readonly streams: CaseStreams,
    private readonly courses: CaseCourses,
  ) {}

  /**
   * The view, and its course to fold on demand (after the caller's visibility check: it looks up
   * every holder's clock); undefined if the case had not been opened by then.
   */
  async at(caseId: string, asOf: Date): Promise<{ view: CaseView; course: () => Promise<CaseCourse> } | undefined> {
    const records = await this.streams.of(caseId, asOf);
    const view = foldCaseView(caseEventsOf(records));
    return view && { view, course: () => this.courses.of(records, asOf) };
  }

  /** What the requester was told of the case's end by `asOf` (or now): its standing resolution and their feedback. */
  async outcome(caseId: string, asOf?: Date): Promise<RequesterOutcome> {
    return requesterOutcomeOf(caseEventsOf(await this.streams.of(caseId, asOf)));
  }
}
