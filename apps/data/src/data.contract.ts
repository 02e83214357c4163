import { customerTaggedV1, customerUntaggedV1, dataLanguage, publish, serviceContract, type ServiceContract } from '@collab/contracts';
import type { CustomerTagsEvent } from '@collab/data-domain';

/**
 * What data publishes on `collab.data.events.v1` (libs/contracts/src/data): customers' tags as
 * they begin and stop holding. Tag rule definitions stay inside.
 */
export const dataContract: ServiceContract = serviceContract<CustomerTagsEvent>(dataLanguage, {
  CustomerTagged: (data) => publish(customerTaggedV1, data),
  CustomerUntagged: (data) => publish(customerUntaggedV1, data),
});
