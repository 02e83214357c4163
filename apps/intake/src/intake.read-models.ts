import { INTAKE_STORED_EVENTS } from '@collab/intake-domain';
import { projectionsAmong, type ServiceReadModels } from '@collab/service-kit';
import { CALENDAR_PROVIDERS } from './calendars/calendars.providers';
import { CASE_ENTITIES, CASE_PROVIDERS } from './cases/cases.providers';
import { CATEGORY_ENTITIES, CATEGORY_PROVIDERS } from './categories/categories.providers';
import { CHANNEL_ENTITIES, CHANNEL_PROVIDERS } from './channels/channels.providers';
import { INTAKE_MIGRATIONS } from './migrations/intake.migrations';

/** Intake's read models for `npm run rebuild -- intake <read-model>`: the projections IntakeModule runs. */
export const intakeReadModels: ServiceReadModels = {
  service: 'intake',
  migrations: INTAKE_MIGRATIONS,
  storedEvents: INTAKE_STORED_EVENTS,
  entities: [...CASE_ENTITIES, ...CHANNEL_ENTITIES, ...CATEGORY_ENTITIES],
  projections: projectionsAmong([...CASE_PROVIDERS, ...CHANNEL_PROVIDERS, ...CATEGORY_PROVIDERS, ...CALENDAR_PROVIDERS]),
};
