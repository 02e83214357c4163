import { z } from 'zod';
import type { CollabEvent } from '../collab-event';
import type { PublicEvent } from './public-event';
import type { CurrentEventOf, PublishedLanguage } from './published-language';

/**
 * A message that breaks its service's published contract: a type@version the contract never
 * published, data invalid against its schema, or an envelope that contradicts itself. No retry
 * will read it, so the follower runtime treats it as poison (dead-lettered, stream parked).
 */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
  constructor(
    readonly eventType: string,
    readonly eventId: string,
    problem: string,
  ) {
    super(`${eventType} ${eventId} breaks its contract: ${problem}`);
  }
}

type TypeOf<Language extends PublishedLanguage> = keyof Language['current'] & string;

/** A public event as a consumer reads it: the newest version of its type, validated, with its envelope. */
export type PublicMessage<
  Language extends PublishedLanguage,
  Only extends TypeOf<Language> = TypeOf<Language>,
> = Extract<CurrentEventOf<Language>, { readonly type: Only }> & { readonly envelope: CollabEvent };

export interface ContractReader<Language extends PublishedLanguage, Only extends TypeOf<Language>> {
  /**
   * Decodes one CloudEvent of the language's service: validates `data` against the schema of its
   * type and version, lifts it to the newest version, and answers it typed. Undefined for a type
   * the contract does not know at all (a type added later; a consumer skips what it does not read)
   * and for types the reader was not asked for. Throws ContractViolation for anything else that does not fit.
   */
  read(event: CollabEvent): PublicMessage<Language, Only> | undefined;
}

export interface ReaderOptions<Only extends string> {
  /**
   * The (newest) types this consumer reads; events of other types answer undefined without being
   * validated, so a consumer neither pays for nor parks on what it does not read. All when absent.
   */
  readonly only?: readonly Only[];
}

const TYPE = /^collab\.([a-z]+)\.([A-Za-z]+)\.v(\d+)$/;

const violationOf = (event: CollabEvent) => (problem: string) =>
  new ContractViolation(String(event.type), String(event.id), problem);

/** The definition the envelope names, checked against the envelope; undefined for a type the language never had. */
const definitionFor = (
  language: PublishedLanguage,
  knownTypes: ReadonlySet<string>,
  event: CollabEvent,
): PublicEvent | undefined => {
  const violation = violationOf(event);
  const [, service, type] = TYPE.exec(event.type) ?? [];
  if (service !== language.service) throw violation(`it is not an event of ${language.service}`);
  if (event.source !== `/collab/${language.service}`)
    throw violation(`its source is ${String(event.source)}`);
  const definition = language.definitionOf(event.type);
  if (definition === undefined && knownTypes.has(type!))
    throw violation(`${language.service} never published this version of ${type}`);
  if (definition !== undefined && event.dataschema !== definition.schemaId)
    throw violation(`its dataschema is ${String(event.dataschema)}, not ${definition.schemaId}`);
  return definition;
};

/** Validates the data against its version's schema and lifts it to the current version of its type. */
const currentFormOf = (language: PublishedLanguage, definition: PublicEvent, event: CollabEvent) => {
  const violation = violationOf(event);
  const parsed = definition.data.safeParse(event.data);
  if (!parsed.success) throw violation(z.prettifyError(parsed.error));
  try {
    const newest = language.upcast(definition, parsed.data);
    if (newest.definition === language.current[newest.definition.type]) return newest;
  } catch (error) {
    throw violation(error instanceof z.ZodError ? z.prettifyError(error) : String(error));
  }
  throw violation(`${definition.eventType} has no upcaster to the current version of ${definition.type}`);
};

export const readerFor = <
  Language extends PublishedLanguage,
  const Only extends TypeOf<Language> = TypeOf<Language>,
>(
  language: Language,
  options: ReaderOptions<Only> = {},
): ContractReader<Language, Only> => {
  const knownTypes = new Set(language.all.map((definition) => definition.type));
  const wanted = options.only === undefined ? undefined : new Set<string>(options.only);
  return {
    read(event) {
      const definition = definitionFor(language, knownTypes, event);
      if (definition === undefined) return undefined;
      if (wanted !== undefined && !wanted.has(language.newestOf(definition).type)) return undefined;
      const newest = currentFormOf(language, definition, event);
      // Validated above against the schema the type names; the union member is the one with this type.
      return {
        type: newest.definition.type,
        version: newest.definition.version,
        data: newest.data,
        envelope: event,
      } as PublicMessage<Language, Only>;
    },
  };
};
