import { randomUUID } from 'node:crypto';
import {
  asIs,
  publicEvent,
  publishedLanguage,
  serviceContract,
  type ServiceContract,
} from '@collab/contracts';
import { z } from 'zod';
import type { NewEvent } from '@collab/event-store';

/** intake's public contract as these tests need it; `CaseNoteDrafted` stays internal. */
const opened = publicEvent({
  service: 'intake',
  type: 'CaseOpened',
  version: 1,
  description: 'a contact opened a case',
  data: z.looseObject({}),
  examples: [],
});
const acknowledged = publicEvent({
  service: 'intake',
  type: 'CaseAcknowledged',
  version: 1,
  description: 'the requester was told the expected times',
  data: z.looseObject({}),
  examples: [],
});
export const intakeContract: ServiceContract = serviceContract<{
  type: 'CaseOpened' | 'CaseAcknowledged';
  data: Record<string, unknown>;
}>(publishedLanguage('intake', { CaseOpened: opened, CaseAcknowledged: acknowledged }), {
  CaseOpened: asIs(opened),
  CaseAcknowledged: asIs(acknowledged),
});

const metadata = { correlationId: 'corr-1', actor: { kind: 'user', id: 'agent-17' } } as const;

export const caseOpened = (data: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type: 'CaseOpened',
  data: { requestType: 'COMPLAINT', region: 'GD-SZ', subject: '账单金额错误', ...data },
  metadata,
});

export const caseAcknowledged = (data: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type: 'CaseAcknowledged',
  data: { firstResponseDueAt: '2030-01-01T10:00:00.000Z', ...data },
  metadata,
});

/** An internal fact that never leaves intake. */
export const caseNoteDrafted = (): NewEvent => ({
  id: randomUUID(),
  type: 'CaseNoteDrafted',
  data: { note: 'draft' },
  metadata,
});

export const caseId = (): string => `case-${randomUUID()}`;
