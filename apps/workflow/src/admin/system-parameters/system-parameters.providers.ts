import type { Provider, Type } from '@nestjs/common';
import { ChangeParameterHttp } from './change-parameter/change-parameter.http';
import { ReadParametersHttp } from './read-parameters/read-parameters.http';
import { SystemParameterBook } from './system-parameter-book';

/** System parameters over REST (/api/v1/admin/parameters), read by case commands and the SLA clocks. */
export const SYSTEM_PARAMETERS_PROVIDERS: readonly Provider[] = [SystemParameterBook];
export const SYSTEM_PARAMETERS_CONTROLLERS: readonly Type[] = [ReadParametersHttp, ChangeParameterHttp];
export const SYSTEM_PARAMETERS_ENTITIES: readonly Type[] = [];
