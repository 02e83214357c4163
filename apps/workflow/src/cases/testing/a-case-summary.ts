import type { CaseSummary } from '@collab/workflow-domain';

/** A billing complaint as intake summarises it for workflow; a spec overrides what it is about. */
export const aCaseSummary = (overrides: Partial<CaseSummary> = {}): CaseSummary => ({
  caseId: 'case-1',
  channel: 'APP',
  audience: 'EXTERNAL',
  requestType: 'COMPLAINT',
  category: 'billing',
  region: 'GD-SZ',
  priority: 'NORMAL',
  language: 'zh-Hans',
  subject: '账单金额不对',
  description: '多扣了 30 元',
  requesterId: 'cust-1',
  openedAt: '2026-11-20T09:30:00.000Z',
  ...overrides,
});
