export { DataModule } from './data.module';
export { dataContract } from './data.contract';
