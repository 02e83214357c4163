import type { CollabEvent } from '@collab/contracts';
import { intakeEvent, knowledgeEvent } from './published-events';

/** The platform's customer ids (UUIDs) of the deflection fixture; a requester's own id is its login subject. */
export const CUSTOMER_UUID = 'c0000000-0000-4000-8000-000000000003';

const answered = (n: number, customerId: string, channel: string, at: string): CollabEvent =>
  knowledgeEvent('SelfServiceResolved', `self-service-${n}`, { resolutionId: `5d1f0a3e-8c2b-4e7a-9f10-10000000000${n}`, customerId, channel, resolvedAt: at });

const opened = (n: number, customer: { customerId: string; requesterId?: string }, at: string): CollabEvent =>
  intakeEvent('CaseOpened', `case-${n}`, {
    caseId: `dddddddd-0000-4000-8000-00000000000${n}`, customerId: customer.customerId, channel: 'app',
    requester: customer.requesterId === undefined ? {} : { id: customer.requesterId }, region: 'GD', category: 'billing', requestType: 'CONSULT',
    audience: 'EXTERNAL', openedAt: at, occurredAt: at,
  });

/**
 * Knowledge deflection, worked out by hand (times UTC; 2026-11-23 is a Monday; window 72 h):
 * - answer 1 (app, Mon 01:00, customer `cust-1` signed in): `cust-1` opens a case Mon 05:00 → became a case;
 * - answer 2 (app, Mon 02:00, `cust-2`): `cust-2`'s case opens Thu 03:00, 73 h later → deflected;
 * - answer 3 (web, Mon 02:30, a channel naming the platform's customer id): that customer's case Mon 02:30 → became a case;
 * - answer 4 (web, Mon 04:00, `cust-4`): nothing follows → deflected;
 * - answer 5 (app, Mon 06:00, `cust-5`): `cust-5`'s case opened Sun 23:00, before the answer → deflected.
 * Deflection: 3 in November (app 2, web 1), by day Mon 3; before any case arrives, 5.
 */
export const deflectionAnswers = (): CollabEvent[] => [
  answered(1, 'cust-1', 'app', '2026-11-23T01:00:00.000Z'),
  answered(2, 'cust-2', 'app', '2026-11-23T02:00:00.000Z'),
  answered(3, CUSTOMER_UUID, 'web', '2026-11-23T02:30:00.000Z'),
  answered(4, 'cust-4', 'web', '2026-11-23T04:00:00.000Z'),
  answered(5, 'cust-5', 'app', '2026-11-23T06:00:00.000Z'),
];

export const deflectionCases = (): CollabEvent[] => [
  opened(1, { customerId: 'c0000000-0000-4000-8000-000000000001', requesterId: 'cust-1' }, '2026-11-23T05:00:00.000Z'),
  opened(2, { customerId: 'c0000000-0000-4000-8000-000000000002', requesterId: 'cust-2' }, '2026-11-26T03:00:00.000Z'),
  opened(3, { customerId: CUSTOMER_UUID }, '2026-11-23T02:30:00.000Z'),
  opened(5, { customerId: 'c0000000-0000-4000-8000-000000000005', requesterId: 'cust-5' }, '2026-11-22T23:00:00.000Z'),
];
