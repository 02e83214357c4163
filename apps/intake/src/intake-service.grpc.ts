import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { fromProtoEnum, fromTimestamp, loadProtos, toProtoEnum, toTimestamp, type intakeV1 } from '@collab/contracts';
import { ValidationFailed } from '@collab/domain-kernel';
import { GrpcServices, actorOf, fieldErrorsOf, isUuid, unary, type CallContext } from '@collab/service-kit';
import { CaseRecords } from './cases/case-records';
import { SUBMITTERS, idempotencyKeyOf } from './contacts/submit-contact/submit-contact.http';
import { SubmitContact } from './contacts/submit-contact/submit-contact.command';
import { submitContactSchema, type SubmitContactInput } from './contacts/submit-contact/submit-contact.request';
import { SubmitContactHandler } from './contacts/submit-contact/submit-contact.handler';
import type { CaseOverview, ContactAccepted } from './intake.answers';

/** proto3 has no "absent" for strings: the empty string means the field was not sent. */
const present = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);

const snakeCase = (field: string): string => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The gRPC request in REST's shape, so both entry points are validated by the one schema. */
/** An enum value the proto does not name decodes as its number: passed on as it is, for the schema to refuse by field. */
const enumOf = <P extends string>(prefix: P, value: string | number): unknown =>
  typeof value === 'string' ? fromProtoEnum(prefix, value) : value;

/** A timestamp outside what a Date holds is passed on unreadable, for the schema to refuse by field. */
const instantOf = (timestamp: intakeV1.SubmitContactRequest__Output['occurredAt']): string | undefined => {
  const time = fromTimestamp(timestamp);
  if (time === undefined) return undefined;
  return Number.isNaN(time.getTime()) ? 'out of range' : time.toISOString();
};

const restShapeOf = (request: intakeV1.SubmitContactRequest__Output): Record<string, unknown> => {
  const requester = request.requester ?? undefined;
  return {
    channel: request.channel,
    audience: enumOf('AUDIENCE_', request.audience),
    requester: requester && Object.fromEntries(Object.entries<string>({ ...requester }).filter(([, value]) => present(value) !== undefined)),
    requestType: enumOf('REQUEST_TYPE_', request.requestType),
    category: request.category,
    subject: request.subject,
    description: request.description,
    language: present(request.language),
    region: request.region,
    priority: enumOf('PRIORITY_', request.priority),
    occurredAt: instantOf(request.occurredAt),
    externalRef: present(request.externalRef),
    threadRef: present(request.threadRef),
    attachments: request.attachments.length === 0 ? undefined : request.attachments.map((a) => ({ name: a.name, mediaType: a.mediaType, sizeBytes: Number(a.sizeBytes), ...(present(a.uri) ? { uri: a.uri } : {}) })),
  };
};

const validated = (request: intakeV1.SubmitContactRequest__Output): SubmitContactInput => {
  const parsed = submitContactSchema.safeParse(restShapeOf(request));
  if (!parsed.success) throw new ValidationFailed(fieldErrorsOf(parsed.error).map((error) => ({ ...error, field: snakeCase(error.field) })));
  return parsed.data;
};

const responseOf = (accepted: ContactAccepted): intakeV1.SubmitContactResponse => ({
  caseId: accepted.caseId,
  caseNumber: accepted.caseNumber,
  contactId: accepted.contactId,
  status: 'CASE_STATUS_ACKNOWLEDGED',
  joinedExistingCase: accepted.joinedExistingCase,
  acknowledgement: {
    expectedFirstResponseAt: toTimestamp(accepted.acknowledgement.expectedFirstResponseAt),
    expectedResolutionAt: toTimestamp(accepted.acknowledgement.expectedResolutionAt),
  },
});

type Field<K extends keyof intakeV1.Case> = NonNullable<intakeV1.Case[K]>;

const time = (value: string | null | undefined) => (value ? toTimestamp(value) : null);

const caseOf = (overview: CaseOverview): intakeV1.Case => ({
  id: overview.id,
  number: overview.number,
  status: toProtoEnum('CASE_STATUS_', overview.status),
  audience: toProtoEnum('AUDIENCE_', overview.audience) as Field<'audience'>,
  requester: overview.requester,
  requestType: toProtoEnum('REQUEST_TYPE_', overview.requestType) as Field<'requestType'>,
  category: overview.category,
  subject: overview.subject,
  description: overview.description,
  language: overview.language,
  region: overview.region,
  priority: toProtoEnum('PRIORITY_', overview.priority) as Field<'priority'>,
  channel: overview.channel,
  queue: overview.queue ?? '',
  assignee: overview.assignee ?? '',
  openedAt: toTimestamp(overview.openedAt),
  acknowledgedAt: time(overview.acknowledgement?.acknowledgedAt),
  assignedAt: time(overview.assignedAt),
  resolvedAt: time(overview.resolvedAt),
  closedAt: time(overview.closedAt),
  acknowledgement: overview.acknowledgement && {
    expectedFirstResponseAt: toTimestamp(overview.acknowledgement.expectedFirstResponseAt),
    expectedResolutionAt: toTimestamp(overview.acknowledgement.expectedResolutionAt),
  },
  externalRef: overview.externalRef ?? '',
  version: String(overview.version),
});

const caseIdOf = (caseId: string): string => {
  if (!isUuid(caseId)) throw new ValidationFailed([{ field: 'case_id', message: 'must be a case id (UUID)' }]);
  return caseId;
};

/** `collab.intake.v1.IntakeService`: the front door for partner systems, same rules as REST. */
@Injectable()
export class IntakeServiceGrpc implements OnModuleInit {
  constructor(
    private readonly grpc: GrpcServices,
    private readonly contacts: SubmitContactHandler,
    private readonly records: CaseRecords,
  ) {}

  onModuleInit(): void {
    const { intake } = loadProtos();
    this.grpc.add(intake.IntakeService.service, {
      SubmitContact: unary((request, context) => this.submit(request, context)),
      GetCase: unary(async (request, { principal }) => ({ case: caseOf(await this.records.get(caseIdOf(request.caseId), principal)) })),
    }, { SubmitContact: SUBMITTERS, GetCase: ['requester'] });
  }

  private async submit(request: intakeV1.SubmitContactRequest__Output, { principal, metadata }: CallContext): Promise<intakeV1.SubmitContactResponse> {
    const key = idempotencyKeyOf(present(request.requestId), 'request_id');
    const correlationId = present(String(metadata.get('x-correlation-id')[0] ?? '')) ?? randomUUID();
    const origin = { actor: actorOf(principal), correlationId, ...(key === undefined ? {} : { idempotencyKey: key }) };
    const accepted: ContactAccepted = await this.contacts.execute(new SubmitContact(validated(request), origin, principal));
    return responseOf(accepted);
  }
}
