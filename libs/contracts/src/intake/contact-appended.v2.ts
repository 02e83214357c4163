import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { contactAppendedV1 } from './contact-appended.v1';

const v1 = contactAppendedV1.data.shape;

/**
 * v2 carries the customer id, not contact details, as CaseOpened v3 does: the requester's name, phone
 * and email (personal data, which no documented consumer needs) no longer leave intake. v1 events
 * upcast by dropping them.
 */
export const contactAppendedV2 = publicEvent({
  service: 'intake',
  type: 'ContactAppended',
  version: 2,
  description:
    'Another contact about an open case joined it instead of opening a new one: same thread, or the same customer in the same category within the join window. v2: no contact details (name, phone, email) of the requester.',
  data: z.strictObject({
    ...v1,
    contact: v1.contact.extend({ requester: v1.contact.shape.requester.omit({ name: true, phone: true, email: true }) }),
  }),
  examples: contactAppendedV1.examples.map(({ contact: { requester: { name: _name, phone: _phone, email: _email, ...requester }, ...contact }, ...appended }) => ({
    ...appended,
    contact: { ...contact, requester },
  })),
  upcastFrom: upcastFrom(contactAppendedV1, ({ contact: { requester: { name: _name, phone: _phone, email: _email, ...requester }, ...contact }, ...v1Data }) => ({
    ...v1Data,
    contact: { ...contact, requester },
  })),
});
