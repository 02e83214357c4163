export { DataModule } from './data.module';
export { dataContract } from './data.contract';
export { DataCube } from './cube/data-cube';
export { DATA_MIGRATIONS } from './migrations/data.migrations';
export { dataReadModels } from './data.read-models';
