import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Acknowledgement as _collab_intake_v1_Acknowledgement, Acknowledgement__Output as _collab_intake_v1_Acknowledgement__Output } from './collab/intake/v1/Acknowledgement';
import type { Attachment as _collab_intake_v1_Attachment, Attachment__Output as _collab_intake_v1_Attachment__Output } from './collab/intake/v1/Attachment';
import type { Case as _collab_intake_v1_Case, Case__Output as _collab_intake_v1_Case__Output } from './collab/intake/v1/Case';
import type { GetCaseRequest as _collab_intake_v1_GetCaseRequest, GetCaseRequest__Output as _collab_intake_v1_GetCaseRequest__Output } from './collab/intake/v1/GetCaseRequest';
import type { GetCaseResponse as _collab_intake_v1_GetCaseResponse, GetCaseResponse__Output as _collab_intake_v1_GetCaseResponse__Output } from './collab/intake/v1/GetCaseResponse';
import type { IntakeServiceClient as _collab_intake_v1_IntakeServiceClient, IntakeServiceDefinition as _collab_intake_v1_IntakeServiceDefinition } from './collab/intake/v1/IntakeService';
import type { Requester as _collab_intake_v1_Requester, Requester__Output as _collab_intake_v1_Requester__Output } from './collab/intake/v1/Requester';
import type { SubmitContactRequest as _collab_intake_v1_SubmitContactRequest, SubmitContactRequest__Output as _collab_intake_v1_SubmitContactRequest__Output } from './collab/intake/v1/SubmitContactRequest';
import type { SubmitContactResponse as _collab_intake_v1_SubmitContactResponse, SubmitContactResponse__Output as _collab_intake_v1_SubmitContactResponse__Output } from './collab/intake/v1/SubmitContactResponse';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  collab: {
    intake: {
      v1: {
        Acknowledgement: MessageTypeDefinition<_collab_intake_v1_Acknowledgement, _collab_intake_v1_Acknowledgement__Output>
        Attachment: MessageTypeDefinition<_collab_intake_v1_Attachment, _collab_intake_v1_Attachment__Output>
        Audience: EnumTypeDefinition
        Case: MessageTypeDefinition<_collab_intake_v1_Case, _collab_intake_v1_Case__Output>
        CaseStatus: EnumTypeDefinition
        GetCaseRequest: MessageTypeDefinition<_collab_intake_v1_GetCaseRequest, _collab_intake_v1_GetCaseRequest__Output>
        GetCaseResponse: MessageTypeDefinition<_collab_intake_v1_GetCaseResponse, _collab_intake_v1_GetCaseResponse__Output>
        /**
         * IntakeService is the single entry for contacts from partner systems (统一接入): every
         * contact is acknowledged at once with honest expected times. Callers authenticate with a
         * Bearer JWT in the `authorization` metadata; a partner sees only its own cases.
         */
        IntakeService: SubtypeConstructor<typeof grpc.Client, _collab_intake_v1_IntakeServiceClient> & { service: _collab_intake_v1_IntakeServiceDefinition }
        Priority: EnumTypeDefinition
        RequestType: EnumTypeDefinition
        Requester: MessageTypeDefinition<_collab_intake_v1_Requester, _collab_intake_v1_Requester__Output>
        SubmitContactRequest: MessageTypeDefinition<_collab_intake_v1_SubmitContactRequest, _collab_intake_v1_SubmitContactRequest__Output>
        SubmitContactResponse: MessageTypeDefinition<_collab_intake_v1_SubmitContactResponse, _collab_intake_v1_SubmitContactResponse__Output>
      }
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

