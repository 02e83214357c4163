import { runService } from '@collab/service-kit';
import { PLATFORM_MODULES } from './platform.modules';

void runService({ service: 'platform', modules: PLATFORM_MODULES });
