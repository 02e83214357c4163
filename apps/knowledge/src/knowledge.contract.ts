import { knowledgeLanguage, silentContract, type ServiceContract } from '@collab/contracts';

/** What knowledge publishes on `collab.knowledge.events.v1`: nothing yet; its public events will be defined in libs/contracts/src/knowledge. */
export const knowledgeContract: ServiceContract = silentContract(knowledgeLanguage);
