import { z } from 'zod';
import type { CollabEvent } from '../collab-event';
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

/** A public event as a consumer reads it: the newest version of its type, validated, with its envelope. */
export type PublicMessage<Language extends PublishedLanguage> = CurrentEventOf<Language> & {
  readonly envelope: CollabEvent;
};

export interface ContractReader<Language extends PublishedLanguage> {
  /**
   * Decodes one CloudEvent of the language's service: validates `data` against the schema of its
   * type and version, lifts it to the newest version, and answers it typed. Undefined for a type
   * the contract does not know at all (a type added later; a consumer skips what it does not read).
   * Throws ContractViolation for anything else that does not fit.
   */
  read(event: CollabEvent): PublicMessage<Language> | undefined;
}

const TYPE = /^collab\.([a-z]+)\.([A-Za-z]+)\.v(\d+)$/;

export const readerFor = <Language extends PublishedLanguage>(
  language: Language,
): ContractReader<Language> => {
  const knownTypes = new Set(language.all.map((definition) => definition.type));
  return {
    read(event) {
      const violation = (problem: string) =>
        new ContractViolation(String(event.type), String(event.id), problem);
      const [, service, type] = TYPE.exec(event.type) ?? [];
      if (service !== language.service) throw violation(`it is not an event of ${language.service}`);
      if (event.source !== `/collab/${language.service}`)
        throw violation(`its source is ${String(event.source)}`);
      const definition = language.definitionOf(event.type);
      if (definition === undefined) {
        if (knownTypes.has(type!))
          throw violation(`${language.service} never published this version of ${type}`);
        return undefined;
      }
      if (event.dataschema !== definition.schemaId)
        throw violation(`its dataschema is ${String(event.dataschema)}, not ${definition.schemaId}`);
      const parsed = definition.data.safeParse(event.data);
      if (!parsed.success) throw violation(z.prettifyError(parsed.error));
      try {
        const newest = language.upcast(definition, parsed.data);
        return {
          type: newest.definition.type,
          version: newest.definition.version,
          data: newest.data,
          envelope: event,
        } as PublicMessage<Language>;
      } catch (error) {
        throw violation(error instanceof z.ZodError ? z.prettifyError(error) : String(error));
      }
    },
  };
};
