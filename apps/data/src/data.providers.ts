import type { Provider, Type } from '@nestjs/common';
import { CubeHttp } from './cube/cube.http';
import { DataCube } from './cube/data-cube';
import { IntakeFactConsumer, KnowledgeFactConsumer, WorkflowFactConsumer } from './facts/fact-consumers';
import { FactsChanged } from './facts/facts-changed';

export const DATA_PROVIDERS: readonly Provider[] = [FactsChanged, IntakeFactConsumer, WorkflowFactConsumer, KnowledgeFactConsumer, DataCube];

export const DATA_CONTROLLERS: readonly Type[] = [CubeHttp];
