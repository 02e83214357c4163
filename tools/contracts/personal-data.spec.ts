import {
  CONTACT_DETAILS_CONSUMERS,
  fieldsOf,
  jsonSchemaOf,
  PERSONAL_DATA,
  personalDataOf,
  PUBLISHED_LANGUAGES,
  readerFor,
  contactAppendedV1,
  intakeLanguage,
  type PublicEvent,
} from '@collab/contracts';
import { compatibilityProblems } from './compatibility';
import { everyPublicEvent, lockOf, publishedSchemas } from './published-files';

const every = everyPublicEvent();
const current = PUBLISHED_LANGUAGES.flatMap((language) => Object.values<PublicEvent>(language.current));

describe('personal data in the published language', () => {
  it.each(every.map((event) => [event.eventType, event] as const))('%s: every field is classified (personal-data.ts)', (_type, event) =>
    expect([...personalDataOf(event)].filter(([, found]) => found === undefined).map(([path]) => path)).toEqual([]));

  it('classifies no field that no published event has', () => {
    const used = new Set(every.flatMap((event) => [...fieldsOf(jsonSchemaOf(event)).keys()]));
    expect([...PERSONAL_DATA.keys()].filter((path) => !used.has(path))).toEqual([]);
  });

  it.each(every.map((event) => [event.eventType, event] as const))('%s: a field marked x-personal is classified as contact details', (_type, event) => {
    const marked = [...fieldsOf(jsonSchemaOf(event))].filter(([, field]) => field['x-personal'] === true).map(([path]) => path);
    expect(marked.filter((path) => PERSONAL_DATA.get(path) !== 'contact')).toEqual([]);
  });

  it.each(current.map((event) => [event.eventType, event] as const))('%s carries no contact details unless a documented consumer needs them', (_type, event) => {
    const contact = [...personalDataOf(event)].filter(([, found]) => found === 'contact').map(([path]) => path);
    if (CONTACT_DETAILS_CONSUMERS.has(event.eventType)) expect(contact.length).toBeGreaterThan(0);
    else expect(contact).toEqual([]);
  });

  it('reads a ContactAppended v1 message (with the requester phone) as v2, without contact details', () => {
    const [v1] = contactAppendedV1.examples;
    const message = readerFor(intakeLanguage, { only: ['ContactAppended'] }).read({
      specversion: '1.0', id: 'e-1', source: '/collab/intake', type: contactAppendedV1.eventType, subject: 'case-1', time: '2026-11-23T02:00:00.000Z',
      datacontenttype: 'application/json', dataschema: contactAppendedV1.schemaId, data: { ...v1! }, streamversion: 3, position: '9', correlationid: 'c-1', actor: 'service:intake',
    });
    expect(v1!.contact.requester.phone).toBeDefined();
    expect({ version: message?.version, requester: message?.data.contact.requester }).toEqual({ version: 2, requester: { id: 'id-1', unit: 'gd-complaints', partner: 'partner-1', tier: 'tier-1' } });
  });

  describe('the compatibility check, on a new version that drops fields of a published one', () => {
    const schemas = publishedSchemas();
    const mainBeforeV2 = Object.fromEntries(Object.entries(lockOf(schemas)).filter(([type]) => type !== 'collab.intake.ContactAppended.v2'));
    const v2 = schemas.get('collab.intake.ContactAppended.v2')! as { properties: { contact: { properties: { requester: { properties: object } } } } };

    it('accepts ContactAppended v2 dropping the requester name, phone and email (contact details)', () =>
      expect(compatibilityProblems(mainBeforeV2, schemas)).toEqual([]));

    it('refuses it when it also drops a field that is not contact details', () => {
      const { tier: _tier, ...requester } = v2.properties.contact.properties.requester.properties as Record<string, unknown>;
      const dropsTier = { ...v2, properties: { ...v2.properties, contact: { ...v2.properties.contact, properties: { ...v2.properties.contact.properties, requester: { ...v2.properties.contact.properties.requester, properties: requester } } } } };
      expect(compatibilityProblems(mainBeforeV2, new Map([...schemas, ['collab.intake.ContactAppended.v2', dropsTier]]))).toEqual([
        'collab.intake.ContactAppended.v2.contact.requester.tier was removed (a new version must be backward compatible, or a new type)',
      ]);
    });
  });
});
