import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const contactAppendedV1 = publicEvent({
  service: 'intake',
  type: 'ContactAppended',
  version: 1,
  description:
    'Another contact about an open case joined it instead of opening a new one: same thread, or the same customer in the same category within the join window.',
  data: z.strictObject({
    caseId: z.guid(),
    contact: z.strictObject({
      contactId: z.guid(),
      customerId: z
        .guid()
        .describe(
          "The platform's customer the requester was recognised as (same phone, email or customer id → same customer)",
        ),
      channel: z
        .string()
        .regex(/^[a-z][a-z0-9-]{1,62}$/)
        .describe('Id of the registered channel, e.g. app or gd-hotline'),
      channelKind: z.enum([
        'PHONE',
        'IVR',
        'WEB',
        'APP',
        'EMAIL',
        'CHAT',
        'WECHAT',
        'WEIBO',
        'AI_BOT',
        'STORE',
        'FIELD',
        'ACCOUNT_MANAGER',
        'PARTNER_API',
        'INTERNAL_PORTAL',
      ]),
      audience: z.enum(['EXTERNAL', 'INTERNAL', 'PARTNER']),
      requester: z.strictObject({
        id: z.string().optional(),
        name: z.string().optional(),
        phone: z.string().optional(),
        email: z.string().optional(),
        unit: z.string().optional(),
        partner: z.string().optional(),
        tier: z.string().optional(),
      }),
      requestType: z.enum([
        'CONSULT',
        'INQUIRY',
        'TRANSACTION',
        'COMPLAINT',
        'FAULT',
        'SUGGESTION',
        'MARKETING',
      ]),
      category: z.string().min(1),
      subject: z.string().min(1),
      description: z.string(),
      language: z.string().describe('BCP 47 language tag'),
      region: z.string().min(1),
      priority: z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']),
      occurredAt: z.iso.datetime({ offset: true }),
      externalRef: z.string().optional(),
      threadRef: z.string().optional(),
      attachments: z
        .array(
          z.strictObject({
            name: z.string(),
            mediaType: z.string(),
            sizeBytes: z.int().min(0),
            uri: z.string().optional(),
          }),
        )
        .optional(),
    }),
    reason: z.enum(['THREAD', 'SAME_CUSTOMER_AND_CATEGORY']),
    appendedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      contact: {
        contactId: '0b6f1f7c-3c1e-4f0e-9d8a-2b7c5e4a1d93',
        customerId: '9d3c2b1a-7e6f-4a5b-8c9d-0e1f2a3b4c5d',
        channel: 'app',
        channelKind: 'PHONE',
        audience: 'EXTERNAL',
        requester: {
          id: 'id-1',
          name: 'Guangdong complaints',
          phone: 'phone-1',
          email: 'email-1',
          unit: 'gd-complaints',
          partner: 'partner-1',
          tier: 'tier-1',
        },
        requestType: 'CONSULT',
        category: 'billing/wrong-charge',
        subject: 'Charged twice for November',
        description: 'My November bill shows the same charge twice.',
        language: 'zh-CN',
        region: 'GD',
        priority: 'LOW',
        occurredAt: '2026-11-23T02:00:00.000Z',
        externalRef: 'externalref-1',
        threadRef: 'threadref-1',
        attachments: [
          {
            name: 'Guangdong complaints',
            mediaType: 'mediatype-1',
            sizeBytes: 1,
            uri: 'uri-1',
          },
        ],
      },
      reason: 'THREAD',
      appendedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
