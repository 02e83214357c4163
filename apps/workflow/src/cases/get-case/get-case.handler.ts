import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NotFound } from '@collab/domain-kernel';
import { canSee } from '@collab/workflow-domain';
import { CasePromise } from '../case-promise/case-promise.entity';
import { CaseView } from '../case-view/case-view.entity';
import { GetCase, type CaseDetails } from './get-case.query';

const acknowledgementOf = (promise: CasePromise | null): CaseDetails['acknowledgement'] =>
  promise && {
    acknowledgedAt: promise.acknowledgedAt.toISOString(),
    expectedFirstResponseAt: promise.expectedFirstResponseAt.toISOString(),
    expectedResolutionAt: promise.expectedResolutionAt.toISOString(),
    calendarId: promise.calendarId,
  };

const details = (view: CaseView, promise: CasePromise | null): CaseDetails => ({
  id: view.id,
  number: promise?.caseNumber ?? null,
  acknowledgement: acknowledgementOf(promise),
  status: view.status,
  channel: view.channel,
  audience: view.audience,
  requestType: view.requestType,
  category: view.category,
  subject: view.subject,
  description: view.description,
  language: view.language,
  region: view.region,
  priority: view.priority,
  requesterId: view.requesterId,
  queue: view.queue,
  routingRule: view.routingRule,
  openedAt: view.openedAt.toISOString(),
  assignedAt: view.assignedAt?.toISOString() ?? null,
  assignee: view.assignee,
  resolvedAt: view.resolvedAt?.toISOString() ?? null,
  closedAt: view.closedAt?.toISOString() ?? null,
  version: view.version,
});

@QueryHandler(GetCase)
export class GetCaseHandler implements IQueryHandler<GetCase, CaseDetails> {
  constructor(
    @InjectRepository(CaseView) private readonly views: Repository<CaseView>,
    @InjectRepository(CasePromise) private readonly promises: Repository<CasePromise>,
  ) {}

  async execute({ caseId, viewer }: GetCase): Promise<CaseDetails> {
    const view = await this.views.findOneBy({ id: caseId });
    if (!view || !canSee(viewer, view)) throw new NotFound('case', caseId);
    return details(view, await this.promises.findOneBy({ caseId }));
  }
}
