import { dataLanguage, silentContract, type ServiceContract } from '@collab/contracts';

/** What data publishes on `collab.data.events.v1`: nothing yet; its public events will be defined in libs/contracts/src/data. */
export const dataContract: ServiceContract = silentContract(dataLanguage);
