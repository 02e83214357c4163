export { IntakeModule } from './intake.module';
export { intakeContract } from './intake.contract';
export { intakeReadModels } from './intake.read-models';
