import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { EventStore, NewEvent } from '@collab/event-store';

const ACTOR = { id: 'bench-history', kind: 'system' } as const;
const REGION = 'GD-SZ';
const CATEGORY = 'billing/wrong-charge';
const BLOCK = 50;
const CHUNK = 100;

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { correlationId: randomUUID(), actor: ACTOR },
});

/** The local day (Asia/Shanghai, the default app channel's calendar zone) the counter streams are kept per. */
export const localDay = (now: Date): string => DateTime.fromJSDate(now).setZone('Asia/Shanghai').toFormat('yyyyLLdd');

/** A returning requester's id: the requester of the history's case number `index`. */
export const historyRequester = (index: number): string => `history-${index}`;

interface HistoricCase {
  readonly index: number;
  readonly caseNumber: string;
  readonly openedAt: string;
}

/** What intake writes for one contact that opened a case: the identity, the customer's stream, the case. */
const appendsOf = ({ index, caseNumber, openedAt }: HistoricCase): [string, NewEvent[]][] => {
  const customerId = randomUUID();
  const caseId = randomUUID();
  const requester = { id: historyRequester(index) };
  const contact = {
    contactId: randomUUID(), channel: 'app', channelKind: 'APP', audience: 'EXTERNAL', requester, requestType: 'COMPLAINT',
    category: CATEGORY, subject: '账单金额不对', description: '本月账单多扣了 30 元，请核实。', language: 'zh-Hans',
    region: REGION, priority: 'NORMAL', occurredAt: openedAt, customerId,
  };
  const acknowledged = {
    caseId, caseNumber, acknowledgedAt: openedAt, expectedFirstResponseAt: openedAt, expectedResolutionAt: openedAt, calendarId: '24x7',
  };
  return [
    [`identity-customer-id-${requester.id}`, [event('IdentityClaimed', { customerId, kind: 'customer-id', value: requester.id, claimedAt: openedAt })]],
    [`customer-${customerId}`, [event('CaseOpenedForCustomer', { customerId, caseId, category: CATEGORY, openedAt })]],
    [`case-${caseId}`, [event('CaseOpened', { ...contact, caseId, caseNumber, openedAt }), event('CaseAcknowledged', acknowledged)]],
  ];
};

/**
 * Writes `count` cases into intake's store as if contacts had opened them today (so the case
 * number counter of today's region grows with them), straight through the store's `append` in
 * concurrent chunks (group commit), not through REST. Returns how many cases history then holds.
 */
export const seedHistory = async (store: EventStore, from: number, count: number, now: Date): Promise<number> => {
  const day = localDay(now);
  const counter = `case-numbers-${REGION}-${day}`;
  let counterVersion = (await store.readStream(counter)).length;
  const openedAt = now.toISOString();
  for (let start = from; start < from + count; start += CHUNK) {
    const indices = Array.from({ length: Math.min(CHUNK, from + count - start) }, (_, offset) => start + offset);
    const cases = indices.map((index) => ({ index, caseNumber: `${REGION}-${day}-${String(100_000 + index).padStart(6, '0')}`, openedAt }));
    await Promise.all(cases.flatMap(appendsOf).map(([streamId, events]) => store.append(streamId, events, 'no_stream')));
    for (const index of indices.filter((candidate) => candidate % BLOCK === 0)) {
      const reserved = event('CaseNumbersReserved', { region: REGION, day, from: 100_000 + index, to: 100_000 + index + BLOCK - 1 });
      await store.append(counter, [reserved], counterVersion);
      counterVersion += 1;
    }
  }
  return from + count;
};
