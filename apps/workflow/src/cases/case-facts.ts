import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { CasePromise } from './case-promise/case-promise.entity';
import { CaseView } from './case-view/case-view.entity';

/** What a list of tasks or work items shows about the cases behind them. */
export interface CaseFact {
  readonly caseNumber: string | null;
  readonly requestType: string;
  readonly category: string;
  readonly priority: string;
}

/** The case number (intake's, through its promise) and the request facts of many cases in two reads. */
@Injectable()
export class CaseFacts {
  constructor(
    @InjectRepository(CaseView) private readonly cases: Repository<CaseView>,
    @InjectRepository(CasePromise) private readonly promises: Repository<CasePromise>,
  ) {}

  async of(caseIds: readonly string[]): Promise<Map<string, CaseFact>> {
    const ids = [...new Set(caseIds)];
    if (ids.length === 0) return new Map();
    const [cases, promises] = await Promise.all([this.cases.findBy({ id: In(ids) }), this.promises.findBy({ caseId: In(ids) })]);
    const numbers = new Map(promises.map((promise) => [promise.caseId, promise.caseNumber]));
    return new Map(cases.map((view) => [view.id, { caseNumber: numbers.get(view.id) ?? null, requestType: view.requestType, category: view.category, priority: view.priority }]));
  }
}
