import { runService } from '@collab/service-kit';
import { IntakeModule } from './intake.module';

void runService({ service: 'intake', modules: [IntakeModule] });
