import type { z } from 'zod';
import type { ServiceName } from './service-name';
import type { EventData, PublicEvent } from './published-language/public-event';
import type { PublishedLanguage } from './published-language/published-language';

/** A stored event mapped to its public form: which public event at which version, and its data. */
export interface Publication {
  readonly event: PublicEvent;
  readonly data: Record<string, unknown>;
}

/** The public shape as a domain's readonly types may hold it. */
export type ReadonlyDeep<T> = T extends readonly (infer Item)[]
  ? readonly ReadonlyDeep<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: ReadonlyDeep<T[Key]> }
    : T;

/** Publishes `data` as the public `event`; the compiler checks `data` against the event's schema. */
export const publish = <Data extends EventData>(
  event: PublicEvent<string, number, Data>,
  data: NoInfer<ReadonlyDeep<z.input<Data>>>,
): Publication => ({
  event,
  data: data as Record<string, unknown>,
});

/** A domain event whose data already has the public shape: published as it is (a spec validates real output). */
export const asIs =
  <Data extends EventData>(event: PublicEvent<string, number, Data>) =>
  (data: ReadonlyDeep<z.input<Data>>): Publication =>
    publish(event, data);

/** A domain event union: `{ type, data }` members. */
type DomainEvent = { readonly type: string; readonly data: object };

/** For each published domain event type, the function that maps its data to a public event. */
export type PublicMappings<Domain extends DomainEvent> = {
  readonly [Type in Domain['type']]?: (data: Extract<Domain, { type: Type }>['data']) => Publication;
};

/**
 * What a service promises analysts and other services: which of its internal events leave it, and
 * as which public event (its `language`, defined once in libs/contracts). Domain events change
 * freely; a mapping here keeps the public side still. Each service declares it in `<service>.contract.ts`.
 */
export interface ServiceContract {
  readonly service: ServiceName;
  readonly language: PublishedLanguage;
  /** The internal (stored) event types that are published. */
  readonly publishes: readonly string[];
  /** The public form of a stored event of a published type; undefined for a type that stays inside. */
  toPublic(event: { readonly type: string; readonly data: object }): Publication | undefined;
}

export const serviceContract = <Domain extends DomainEvent>(
  language: PublishedLanguage,
  mappings: PublicMappings<Domain>,
): ServiceContract => {
  // The stored data's type is the mapping's parameter type: the store keeps what the domain appended.
  const byType = new Map(Object.entries(mappings) as [string, (data: object) => Publication][]);
  return {
    service: language.service,
    language,
    publishes: [...byType.keys()],
    toPublic: (event) => byType.get(event.type)?.(event.data),
  };
};

/** A service that publishes nothing yet. */
export const silentContract = (language: PublishedLanguage): ServiceContract => serviceContract(language, {});
