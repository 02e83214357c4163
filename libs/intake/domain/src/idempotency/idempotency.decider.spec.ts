import { Conflict, specFor } from '@collab/domain-kernel';
import { idempotencyDecider, type IdempotencyEvent } from './idempotency.decider';

const now = new Date('2026-11-20T10:00:00.000Z');
const spec = specFor(idempotencyDecider, { now });
const claimed = (requestHash = 'h1'): IdempotencyEvent => ({ type: 'IdempotencyKeyClaimed', data: { requestHash, claimedAt: now.toISOString() } });
const completed = (): IdempotencyEvent => ({ type: 'IdempotentRequestCompleted', data: { answer: { caseId: 'case-1' } } });

describe('an idempotency key', () => {
  it('is claimed by the first request', () => spec.given().when({ type: 'ClaimKey', requestHash: 'h1' }).then(claimed()));
  it('is claimed only once by the same request', () => spec.given(claimed()).when({ type: 'ClaimKey', requestHash: 'h1' }).then());
  it('refuses another body with the same key', () =>
    spec.given(claimed()).when({ type: 'ClaimKey', requestHash: 'h2' }).thenThrows(Conflict));
  it('refuses another body after completion too', () =>
    spec.given(claimed(), completed()).when({ type: 'ClaimKey', requestHash: 'h2' }).thenThrows(Conflict));
  it('records the answer once', () =>
    spec.given(claimed()).when({ type: 'CompleteRequest', requestHash: 'h1', answer: { caseId: 'case-1' } }).then(completed()));
  it('does not record the answer twice', () =>
    spec.given(claimed(), completed()).when({ type: 'CompleteRequest', requestHash: 'h1', answer: { caseId: 'case-1' } }).then());

  describe('answered at once, with the work it answers for', () => {
    const answerRequest = (requestHash = 'h1') => ({ type: 'AnswerRequest' as const, requestHash, answer: { caseId: 'case-1' } });
    const answered = (requestHash = 'h1'): IdempotencyEvent => ({ type: 'IdempotentRequestAnswered', data: { requestHash, answeredAt: now.toISOString(), answer: { caseId: 'case-1' } } });
    it('claims the key and records the answer in one event', () => spec.given().when(answerRequest()).then(answered()));
    it('completes a key claimed by a request that died before answering', () => spec.given(claimed()).when(answerRequest()).then(completed()));
    it('records nothing once answered', () => spec.given(answered()).when(answerRequest()).then());
    it('records nothing once completed the older way either', () => spec.given(claimed(), completed()).when(answerRequest()).then());
    it('refuses another body with the same key', () => spec.given(answered()).when(answerRequest('h2')).thenThrows(Conflict));
    it('refuses another body for the older claim too', () => spec.given(claimed()).when({ type: 'ClaimKey', requestHash: 'h2' }).thenThrows(Conflict));
  });
});
