import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NotFound } from '@collab/domain-kernel';
import { canSee, seesCaseInternals } from '@collab/workflow-domain';
import type { Principal } from '@collab/service-kit';
import { ProjectedCourses } from '../case-course/projected-courses';
import { CasePromise } from '../case-promise/case-promise.entity';
import { CaseView } from '../case-view/case-view.entity';
import { caseDetailsOf } from './case-details';
import { CasesAsTheyWere } from './cases-as-they-were';
import { GetCase, type CaseDetails, type StaffCaseDetails } from './get-case.query';
import { requesterCaseOf } from './requester-case';

/**
 * The case as it is, from its read model alone: the case view, intake's promise, and the legs and
 * chain the case-view projection keeps (an open leg measured up to now). With asOf, the case as it
 * was, folded from its streams up to then, legs and chain included.
 */
@QueryHandler(GetCase)
export class GetCaseHandler implements IQueryHandler<GetCase, CaseDetails> {
  constructor(
    @InjectRepository(CaseView) private readonly views: Repository<CaseView>,
    @InjectRepository(CasePromise) private readonly promises: Repository<CasePromise>,
    private readonly projected: ProjectedCourses,
    private readonly past: CasesAsTheyWere,
  ) {}

  async execute({ caseId, viewer, asOf }: GetCase): Promise<CaseDetails> {
    const details = await (asOf === undefined ? this.now(caseId, viewer) : this.asItWas(caseId, viewer, asOf));
    if (seesCaseInternals(viewer)) return details;
    // The requester's view: the resolution and feedback come from the case's own events, cut at asOf like the rest.
    return requesterCaseOf(details, await this.past.outcome(caseId, asOf));
  }

  /** The view first: its visibility check comes before anything else is read. */
  private async now(caseId: string, viewer: Principal): Promise<StaffCaseDetails> {
    const view = await this.views.findOneBy({ id: caseId });
    if (!view || !canSee(viewer, view)) throw new NotFound('case', caseId);
    const [promise, course] = await Promise.all([this.promises.findOneBy({ caseId }), this.projected.of(view)]);
    return caseDetailsOf(view, promise, course);
  }

  // Not `then`: a provider with a then method is a thenable, and Nest's injector awaits it forever at start.
  private async asItWas(caseId: string, viewer: Principal, asOf: Date): Promise<StaffCaseDetails> {
    const was = await this.past.at(caseId, asOf);
    if (!was || !canSee(viewer, was.view)) throw new NotFound('case', caseId);
    return caseDetailsOf(was.view, await this.promises.findOneBy({ caseId }), await was.course());
  }
}
