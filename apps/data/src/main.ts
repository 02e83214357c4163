import { runService } from '@collab/service-kit';
import { DataModule } from './data.module';

void runService({ service: 'data', modules: [DataModule] });
