import { z } from 'zod';
import { personal, publicEvent } from '../published-language/public-event';

export const caseOpenedV2 = publicEvent({
  service: 'intake',
  type: 'CaseOpened',
  version: 2,
  description:
    'A contact from a registered channel opened a new case (initiation phase). v2: `channel` is the registered channel id and `channelKind` its kind; the case carries its human number and the recognised customer.',
  data: z.strictObject({
    caseId: z.guid(),
    contactId: z.guid(),
    caseNumber: z
      .string()
      .regex(/^[A-Z0-9-]+-\d{8}-\d{6}$/)
      .describe('Human case number REGION-YYYYMMDD-NNNNNN'),
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
      name: personal(z.string()).optional(),
      phone: personal(z.string()).optional(),
      email: personal(z.string()).optional(),
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
    openedAt: z.iso.datetime({ offset: true }),
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
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      contactId: '0b6f1f7c-3c1e-4f0e-9d8a-2b7c5e4a1d93',
      caseNumber: 'GD-20261123-000042',
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
      openedAt: '2026-11-23T02:00:00.000Z',
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
  ],
});
