import { sqlMigration } from '@collab/service-kit';

/**
 * Intake's copy of the system parameters it decides with (issue 13), filled from workflow's
 * SystemParameterChanged: workflow keeps the parameters, intake learns its own from the event.
 */
export const SystemParameters = sqlMigration('SystemParameters1796601720000', [
  `create table if not exists intake.system_parameter (name text primary key, value int not null, version int not null)`,
]);
