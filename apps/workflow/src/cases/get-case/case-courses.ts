import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@collab/service-kit';
import { caseEventsOf, taskEventsOf, type CaseRecords } from '../case-history/case-streams';
import { chainOf } from './case-chain';
import type { CaseCourse } from './case-details';
import { measuredLegs } from './case-legs';
import { LegClocks } from './leg-clocks';

/**
 * The course a case took, folded from its streams: the legs on each holder's clock and the chain of
 * tasks. What `?asOf=` answers with; the case as it is now reads the projected course instead
 * (ProjectedCourses), which must equal this fold (case-course.projection.int.spec.ts).
 */
@Injectable()
export class CaseCourses {
  constructor(
    private readonly clocks: LegClocks,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async of(records: CaseRecords, asOf: Date | undefined): Promise<CaseCourse> {
    const now = this.clock.now();
    // A moment still to come is measured up to now: time not yet elapsed was held by nobody.
    const until = asOf !== undefined && asOf < now ? asOf : now;
    const history = { caseEvents: caseEventsOf(records), taskEvents: taskEventsOf(records) };
    const legs = measuredLegs(history, await this.clocks.for(history, until), until);
    return { asOf: asOf?.toISOString() ?? null, legs, chain: chainOf(history.caseEvents, history.taskEvents) };
  }
}
