import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const articleExpiredV1 = publicEvent({
  service: 'knowledge',
  type: 'ArticleExpired',
  version: 1,
  description: 'The published version of an article reached its expiry date; readers no longer see it until a new version is published.',
  data: z.strictObject({
    articleId: z.uuid(),
    version: z.int().min(1),
    expiredAt: z.iso.datetime({ offset: true }),
  }),
  examples: [{ articleId: '0b7c2f5e-4d0a-4c39-9a51-6f1e2d3c4b5a', version: 2, expiredAt: '2027-06-30T00:00:00.000Z' }],
});
