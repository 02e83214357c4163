import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const customerTaggedV1 = publicEvent({
  service: 'data',
  type: 'CustomerTagged',
  version: 1,
  description: "A tag rule (客户标签) began to hold for the customer: the tag is the customer's until CustomerUntagged.",
  data: z.strictObject({
    customerId: z.guid(),
    tag: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).describe('The tag, e.g. at-risk'),
    ruleVersion: z.int().min(1).describe('The version of the tag rule that judged it'),
    taggedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [{ customerId: '7d1c8f2e-0a4b-4c1d-9e2f-3a4b5c6d7e8f', tag: 'at-risk', ruleVersion: 1, taggedAt: '2026-12-01T04:00:00.000Z' }],
});
