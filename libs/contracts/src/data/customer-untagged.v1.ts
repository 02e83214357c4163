import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const customerUntaggedV1 = publicEvent({
  service: 'data',
  type: 'CustomerUntagged',
  version: 1,
  description: 'The tag rule no longer holds for the customer (its window passed, the facts changed, or the rule was changed or retired).',
  data: z.strictObject({
    customerId: z.guid(),
    tag: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).describe('The tag, e.g. at-risk'),
    ruleVersion: z.int().min(1).describe('The version of the tag rule in force when it stopped holding'),
    untaggedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [{ customerId: '7d1c8f2e-0a4b-4c1d-9e2f-3a4b5c6d7e8f', tag: 'at-risk', ruleVersion: 1, untaggedAt: '2026-12-31T04:00:00.000Z' }],
});
