import { INTAKE_STORED_EVENTS } from '@collab/intake-domain';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceStoreModule } from '@collab/service-kit';
import { CALENDAR_CONTROLLERS, CALENDAR_PROVIDERS, CalendarDirectory } from './calendars/calendars.providers';
import { CASE_CONTROLLERS, CASE_ENTITIES, CASE_PROVIDERS } from './cases/cases.providers';
import { CATEGORY_CONTROLLERS, CATEGORY_ENTITIES, CATEGORY_PROVIDERS, CategoryDirectory } from './categories/categories.providers';
import { CHANNEL_CONTROLLERS, CHANNEL_ENTITIES, CHANNEL_PROVIDERS, ChannelDirectory } from './channels/channels.providers';
import { CONTACT_CONTROLLERS, CONTACT_PROVIDERS } from './contacts/contacts.providers';
import { IntakeServiceGrpc } from './intake-service.grpc';
import { intakeContract } from './intake.contract';
import { INTAKE_MIGRATIONS } from './migrations/intake.migrations';
import { CALENDAR_LOOKUP, CATEGORY_LOOKUP, CHANNEL_LOOKUP } from './intake.ports';

/** 统一接入: every contact from every channel enters here and becomes a case. */
@Module({
  imports: [CqrsModule, ServiceStoreModule.forService(intakeContract, { migrations: INTAKE_MIGRATIONS, storedEvents: INTAKE_STORED_EVENTS }), TypeOrmModule.forFeature([...CASE_ENTITIES, ...CHANNEL_ENTITIES, ...CATEGORY_ENTITIES])],
  controllers: [...CONTACT_CONTROLLERS, ...CASE_CONTROLLERS, ...CHANNEL_CONTROLLERS, ...CATEGORY_CONTROLLERS, ...CALENDAR_CONTROLLERS],
  providers: [
    ...CONTACT_PROVIDERS,
    ...CASE_PROVIDERS,
    ...CHANNEL_PROVIDERS,
    { provide: CHANNEL_LOOKUP, useExisting: ChannelDirectory },
    ...CATEGORY_PROVIDERS,
    { provide: CATEGORY_LOOKUP, useExisting: CategoryDirectory },
    ...CALENDAR_PROVIDERS,
    { provide: CALENDAR_LOOKUP, useExisting: CalendarDirectory },
    IntakeServiceGrpc,
  ],
})
export class IntakeModule {}
