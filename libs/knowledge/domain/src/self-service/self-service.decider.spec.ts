import { IllegalTransition, specFor } from '@collab/domain-kernel';
import { selfServiceDecider, type RecordSelfServiceResolution, type SelfServiceResolved } from './self-service.decider';

const now = new Date('2026-11-20T09:30:00.000Z');
const resolution = { resolutionId: 'r-1', articleId: 'a-1', knowledgePointId: 'a-1', articleVersion: 2, customerId: 'customer-1', channel: 'app' };
const record = (overrides: Partial<RecordSelfServiceResolution['resolution']> = {}): RecordSelfServiceResolution => ({ type: 'RecordSelfServiceResolution', resolution: { ...resolution, ...overrides } });
const resolved = (overrides: Partial<SelfServiceResolved['data']> = {}): SelfServiceResolved => ({ type: 'SelfServiceResolved', data: { ...resolution, resolvedAt: now.toISOString(), ...overrides } });
const spec = specFor(selfServiceDecider, { now });

describe('a customer solving their need with an article (self-service)', () => {
  it('is recorded once', () => spec.given().when(record()).then(resolved()));
  it('records nothing more when the same resolution is sent again', () => spec.given(resolved()).when(record()).then());
  it('refuses the same resolution id for another article', () => spec.given(resolved()).when(record({ articleId: 'a-2' })).thenThrows(IllegalTransition));
});
