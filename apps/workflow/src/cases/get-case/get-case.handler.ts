import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NotFound } from '@collab/domain-kernel';
import { canSee } from '@collab/workflow-domain';
import { caseEventsOf, CaseStreams, type CaseRecords } from '../case-history/case-streams';
import { CasePromise } from '../case-promise/case-promise.entity';
import { CaseView } from '../case-view/case-view.entity';
import { foldCaseView } from '../case-view/case-view.fold';
import { CaseCourses } from './case-courses';
import { caseDetailsOf } from './case-details';
import { GetCase, type CaseDetails } from './get-case.query';

/**
 * The case as it is (its read model) or, with asOf, as it was (folded from its events up to then);
 * either way with its legs and chain computed from its streams.
 */
@QueryHandler(GetCase)
export class GetCaseHandler implements IQueryHandler<GetCase, CaseDetails> {
  constructor(
    @InjectRepository(CaseView) private readonly views: Repository<CaseView>,
    @InjectRepository(CasePromise) private readonly promises: Repository<CasePromise>,
    private readonly streams: CaseStreams,
    private readonly courses: CaseCourses,
  ) {}

  async execute({ caseId, viewer, asOf }: GetCase): Promise<CaseDetails> {
    const [view, records] = asOf === undefined ? await this.now(caseId) : await this.asItWas(caseId, asOf);
    if (!view || !canSee(viewer, view)) throw new NotFound('case', caseId);
    const course = await this.courses.of(records ?? (await this.streams.of(caseId)), asOf);
    return caseDetailsOf(view, await this.promises.findOneBy({ caseId }), course);
  }

  /** The read model first: its visibility check comes before any stream is read. */
  private async now(caseId: string): Promise<[CaseView | null, CaseRecords | null]> {
    return [await this.views.findOneBy({ id: caseId }), null];
  }

  // Not `then`: a provider with a then method is a thenable, and Nest's injector awaits it forever at start.
  private async asItWas(caseId: string, asOf: Date): Promise<[CaseView | undefined, CaseRecords]> {
    const records = await this.streams.of(caseId, asOf);
    return [foldCaseView(caseEventsOf(records)), records];
  }
}
