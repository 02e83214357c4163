import { kpiLanguage, silentContract, type ServiceContract } from '@collab/contracts';

/** What kpi publishes on `collab.kpi.events.v1`: nothing yet; its public events will be defined in libs/contracts/src/kpi. */
export const kpiContract: ServiceContract = silentContract(kpiLanguage);
