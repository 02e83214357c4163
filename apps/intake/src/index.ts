export { IntakeModule } from './intake.module';
export { intakeContract } from './intake.contract';
