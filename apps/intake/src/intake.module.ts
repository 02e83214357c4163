import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ServiceStoreModule } from '@collab/service-kit';
import { SubmitContactHandler } from './contacts/submit-contact/submit-contact.handler';
import { SubmitContactHttp } from './contacts/submit-contact/submit-contact.http';
import { intakeContract } from './intake.contract';

/** 统一接入: every contact from every channel enters here and becomes a case. */
@Module({
  imports: [CqrsModule, ServiceStoreModule.forService(intakeContract)],
  controllers: [SubmitContactHttp],
  providers: [SubmitContactHandler],
})
export class IntakeModule {}
