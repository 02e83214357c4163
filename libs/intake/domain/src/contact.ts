/** The vocabulary of a contact (one interaction on one channel), DESIGN.md §4. */
export const CHANNEL_KINDS = [
  'PHONE', 'IVR', 'WEB', 'APP', 'EMAIL', 'CHAT', 'WECHAT', 'WEIBO', 'AI_BOT',
  'STORE', 'FIELD', 'ACCOUNT_MANAGER', 'PARTNER_API', 'INTERNAL_PORTAL',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const AUDIENCES = ['EXTERNAL', 'INTERNAL', 'PARTNER'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** 咨询 查询 办理 投诉 报障 建议 营销 */
export const REQUEST_TYPES = ['CONSULT', 'INQUIRY', 'TRANSACTION', 'COMPLAINT', 'FAULT', 'SUGGESTION', 'MARKETING'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Requester {
  readonly id?: string;
  readonly name?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly unit?: string;
  readonly partner?: string;
  readonly tier?: string;
}

/** Metadata of a file the requester attached; the file itself stays in the channel's storage. */
export interface AttachmentRef {
  readonly name: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly uri?: string;
}

export interface Contact {
  readonly contactId: string;
  /** The registered channel's id (e.g. `app`, `wechat`); its kind travels alongside. */
  readonly channel: string;
  readonly channelKind: ChannelKind;
  readonly audience: Audience;
  readonly requester: Requester;
  readonly requestType: RequestType;
  readonly category: string;
  readonly subject: string;
  readonly description: string;
  readonly language: string;
  readonly region: string;
  readonly priority: Priority;
  readonly occurredAt: string;
  readonly externalRef?: string;
  readonly threadRef?: string;
  readonly attachments?: readonly AttachmentRef[];
  /** The platform's customer the requester was recognised as. */
  readonly customerId?: string;
}
