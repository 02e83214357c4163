import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { jsonSchemaOf, type PublicEvent, type ServiceContract } from '@collab/contracts';

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
// Our annotation for personal data (DESIGN §5): validators ignore it, analysts' tools can read it.
ajv.addKeyword('x-personal');
const validators = new Map<string, ValidateFunction>();

/** Validates data against a public event's generated JSON Schema, as an analyst's tool would (ajv, draft 2020-12). */
export const jsonSchemaErrorsOf = (event: PublicEvent, data: unknown): ErrorObject[] | null => {
  let validate = validators.get(event.schemaId);
  if (validate === undefined) {
    validate = ajv.compile(jsonSchemaOf(event));
    validators.set(event.schemaId, validate);
  }
  return validate(data) ? null : (validate.errors ?? []);
};

/**
 * What a stored event becomes on the topic, and what is wrong with it: the contract's mapping, then
 * the public event's JSON Schema and its zod schema. `errors` is null when both accept it.
 */
export const publishedFormOf = (
  contract: ServiceContract,
  event: { readonly type: string; readonly data: object },
) => {
  const publication = contract.toPublic(event);
  if (publication === undefined) return { type: event.type, published: false, errors: null };
  const parsed = publication.event.data.safeParse(publication.data);
  const errors =
    jsonSchemaErrorsOf(publication.event, publication.data) ?? (parsed.success ? null : parsed.error.issues);
  return { type: publication.event.eventType, published: true, data: publication.data, errors };
};
