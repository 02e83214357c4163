import { z } from 'zod';
import type { ServiceName } from '../service-name';
import { eventTypeOf, schemaIdOf } from '../collab-event';

/** A JSON Schema document (draft 2020-12) describing one public event's `data`. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** The `data` schema of a public event: always an object. */
export type EventData = z.ZodType<Record<string, unknown>>;

/** How events of an older public version (possibly under an older name) are lifted to this one. */
export interface UpcastFrom<Data extends EventData> {
  // The older definition's data type is not this one's, so it is erased here; `upcastFrom()` checks it.
  readonly event: PublicEvent<string, number, EventData>;
  readonly upcast: (older: Record<string, unknown>) => z.input<Data>;
  /** How an older event's fields are read when the older version could not say it (shown in docs/events.md). */
  readonly rule?: string;
}

/** One public event type at one version: the one definition its TS type, JSON Schema, AsyncAPI entry and docs come from. */
export interface PublicEvent<
  Type extends string = string,
  Version extends number = number,
  Data extends EventData = EventData,
> {
  readonly service: ServiceName;
  readonly type: Type;
  readonly version: Version;
  readonly description: string;
  readonly data: Data;
  /** Shown to analysts in docs/events.md and the AsyncAPI documents; each is validated against `data` by a spec. */
  readonly examples: readonly z.input<Data>[];
  readonly upcastFrom?: UpcastFrom<Data>;
  /** `collab.<service>.<Type>.v<N>`, the CloudEvents `type`. */
  readonly eventType: string;
  /** `urn:collab:schema:<service>:<Type>:v<N>`, the CloudEvents `dataschema` and the JSON Schema's `$id`. */
  readonly schemaId: string;
}

export interface PublicEventDefinition<Type extends string, Version extends number, Data extends EventData> {
  readonly service: ServiceName;
  readonly type: Type;
  readonly version: Version;
  readonly description: string;
  readonly data: Data;
  readonly examples: readonly z.input<Data>[];
  readonly upcastFrom?: UpcastFrom<NoInfer<Data>>;
}

export const publicEvent = <const Type extends string, const Version extends number, Data extends EventData>(
  definition: PublicEventDefinition<Type, Version, Data>,
): PublicEvent<Type, Version, Data> => ({
  ...definition,
  eventType: eventTypeOf(definition.service, definition.type, definition.version),
  schemaId: schemaIdOf(definition.service, definition.type, definition.version),
});

/** Typed link to the previous version: `upcast` receives the older version's data as its schema outputs it. */
export const upcastFrom = <Older extends EventData, Data extends EventData>(
  event: PublicEvent<string, number, Older>,
  upcast: (older: z.output<Older>) => z.input<Data>,
  rule?: string,
): UpcastFrom<Data> => ({
  event,
  upcast: (older) => upcast(older as z.output<Older>),
  ...(rule === undefined ? {} : { rule }),
});

/**
 * Marks a field as personal data (`x-personal: true` in the JSON Schema). Public events carry
 * customer ids, not contact details; a personal field needs a documented consumer that needs it.
 */
export const personal = <Field extends z.ZodType>(field: Field): Field => field.meta({ 'x-personal': true });

/** An array whose items are distinct (`uniqueItems` in the JSON Schema). */
export const distinct = <Items extends z.ZodArray>(items: Items) =>
  items
    .refine(
      (values) => new Set(values.map((value) => JSON.stringify(value))).size === values.length,
      'items must be distinct',
    )
    .meta({ uniqueItems: true });

/** An object or record with at least `count` fields (`minProperties` in the JSON Schema). */
export const atLeastFields = <Shape extends z.ZodType<Record<string, unknown>>>(
  shape: Shape,
  count: number,
) =>
  shape
    .refine((value) => Object.keys(value).length >= count, `at least ${count} fields`)
    .meta({ minProperties: count });

/** The published JSON Schema (draft 2020-12) of a public event's `data`. */
export const jsonSchemaOf = (event: PublicEvent): JsonSchema => {
  const { $schema, ...schema } = z.toJSONSchema(event.data, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
  });
  return {
    $schema,
    $id: event.schemaId,
    title: `${event.type} v${event.version}`,
    description: event.description,
    ...schema,
  };
};
