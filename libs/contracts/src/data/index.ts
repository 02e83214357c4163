import { publishedLanguage } from '../published-language/published-language';
import { customerTaggedV1 } from './customer-tagged.v1';
import { customerUntaggedV1 } from './customer-untagged.v1';

export { customerTaggedV1, customerUntaggedV1 };

/** What data publishes on `collab.data.events.v1`: the customer tag library's changes. */
export const dataLanguage = publishedLanguage('data', {
  CustomerTagged: customerTaggedV1,
  CustomerUntagged: customerUntaggedV1,
});
