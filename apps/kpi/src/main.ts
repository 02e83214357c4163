import { runService } from '@collab/service-kit';
import { KpiModule } from './kpi.module';

void runService({ service: 'kpi', modules: [KpiModule] });
