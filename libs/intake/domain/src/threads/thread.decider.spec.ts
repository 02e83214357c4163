import { specFor } from '@collab/domain-kernel';
import { threadDecider, type BindThread, type ThreadEvent } from './thread.decider';

const spec = specFor(threadDecider, { now: new Date('2026-11-20T10:00:00.000Z') });
const threadRef = '<msg-1@example.fi>';
const bind = (caseId: string, previousCaseId?: string): BindThread => ({
  type: 'BindThread', threadRef, caseId, customerId: 'cust-1', ...(previousCaseId === undefined ? {} : { previousCaseId }),
});
const started = (caseId: string): ThreadEvent => ({ type: 'ThreadStarted', data: { threadRef, caseId, customerId: 'cust-1' } });
const moved = (caseId: string, previousCaseId: string): ThreadEvent => ({ type: 'ThreadMoved', data: { threadRef, caseId, previousCaseId, customerId: 'cust-1' } });

describe('binding a thread to a case', () => {
  it('binds an unknown thread to the case of its first contact, with that case’s customer', () =>
    spec.given().when(bind('case-1')).then(started('case-1')));

  it('leaves a thread on its case: the first case to claim it keeps it', () =>
    spec.given(started('case-1')).when(bind('case-2')).then());

  it('moves a thread whose case ended to the case its latest contact went to', () =>
    spec.given(started('case-1')).when(bind('case-2', 'case-1')).then(moved('case-2', 'case-1')));

  it('leaves a thread another contact already moved on', () =>
    spec.given(started('case-1'), moved('case-2', 'case-1')).when(bind('case-3', 'case-1')).then());

  it('follows a thread recorded before customers were, by its last case', () =>
    spec.given({ type: 'ThreadStarted', data: { threadRef, caseId: 'case-1' } }).when(bind('case-2', 'case-1')).then(moved('case-2', 'case-1')));
});
