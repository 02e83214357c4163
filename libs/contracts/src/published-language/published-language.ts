import type { z } from 'zod';
import type { ServiceName } from '../service-name';
import type { PublicEvent } from './public-event';

/**
 * One service's published language: the newest version of every public type it publishes
 * (`current`), and every version it ever published (`all`), so a message from any time can still
 * be read and lifted to the newest version through each definition's `upcastFrom`.
 */
export interface PublishedLanguage<
  Current extends Readonly<Record<string, PublicEvent>> = Readonly<Record<string, PublicEvent>>,
> {
  readonly service: ServiceName;
  readonly current: Current;
  readonly all: readonly PublicEvent[];
  /** The definition of a CloudEvents `type` (`collab.<service>.<Type>.v<N>`), current or older. */
  definitionOf(eventType: string): PublicEvent | undefined;
  /** The newest version of the line `definition` belongs to (itself when nothing upcasts from it). */
  newestOf(definition: PublicEvent): PublicEvent;
  /** Lifts valid data of `definition` through the upcaster chain to the newest version of its line (each step is validated; a ZodError if one fails). */
  upcast(
    definition: PublicEvent,
    data: Record<string, unknown>,
  ): { readonly definition: PublicEvent; readonly data: Record<string, unknown> };
}

/** The data of a public event as its schema outputs it. */
export type DataOf<Event extends PublicEvent> = z.output<Event['data']>;

/** The newest version of each type, as a consumer reads it: a discriminated union on `type`. */
export type CurrentEventOf<Language extends PublishedLanguage> = {
  [Type in keyof Language['current'] & string]: {
    readonly type: Type;
    readonly version: Language['current'][Type]['version'];
    readonly data: z.output<Language['current'][Type]['data']>;
  };
}[keyof Language['current'] & string];

class UnknownUpcastChain extends Error {
  override readonly name = 'UnknownUpcastChain';
}

export const publishedLanguage = <const Current extends Readonly<Record<string, PublicEvent>>>(
  service: ServiceName,
  current: Current,
  older: readonly PublicEvent[] = [],
): PublishedLanguage<Current> => {
  const all = [...Object.values(current), ...older];
  const byType = new Map(all.map((definition) => [definition.eventType, definition]));
  const next = new Map<string, PublicEvent>();
  for (const definition of all) {
    if (definition.service !== service)
      throw new UnknownUpcastChain(`${definition.eventType} is not ${service}'s`);
    const from = definition.upcastFrom?.event;
    if (from === undefined) continue;
    if (!byType.has(from.eventType))
      throw new UnknownUpcastChain(
        `${definition.eventType} upcasts from ${from.eventType}, which ${service}'s language does not list`,
      );
    next.set(from.eventType, definition);
  }
  for (const [type, definition] of Object.entries(current))
    if (definition.type !== type || next.has(definition.eventType))
      throw new UnknownUpcastChain(
        `current.${type} must be the newest version of ${type}, not ${definition.eventType}`,
      );
  return {
    service,
    current,
    all,
    definitionOf: (eventType) => byType.get(eventType),
    newestOf: (definition) => {
      let newest = definition;
      for (let newer = next.get(newest.eventType); newer !== undefined; newer = next.get(newer.eventType))
        newest = newer;
      return newest;
    },
    upcast: (definition, data) => {
      let lifted = { definition, data };
      for (let newer = next.get(definition.eventType); newer !== undefined; newer = next.get(newer.eventType))
        lifted = { definition: newer, data: newer.data.parse(newer.upcastFrom!.upcast(lifted.data)) };
      return lifted;
    },
  };
};
