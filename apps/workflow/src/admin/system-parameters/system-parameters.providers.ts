import type { Provider, Type } from '@nestjs/common';
import { ChangeParameterHttp } from './change-parameter/change-parameter.http';
import { EscalationPercentsBook } from './escalation-percents/escalation-percents-book';
import { EscalationPercentsHttp } from './escalation-percents/escalation-percents.http';
import { ReadParametersHttp } from './read-parameters/read-parameters.http';
import { SystemParameterBook } from './system-parameter-book';

/** System parameters over REST (/api/v1/admin/parameters, /api/v1/admin/escalation-percents), read by case commands and the SLA clocks. */
export const SYSTEM_PARAMETERS_PROVIDERS: readonly Provider[] = [SystemParameterBook, EscalationPercentsBook];
export const SYSTEM_PARAMETERS_CONTROLLERS: readonly Type[] = [ReadParametersHttp, ChangeParameterHttp, EscalationPercentsHttp];
export const SYSTEM_PARAMETERS_ENTITIES: readonly Type[] = [];
