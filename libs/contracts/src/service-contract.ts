import type { ServiceName } from './service-name';

/** A JSON Schema document (draft 2020-12) describing one public event's `data`. */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface PublicEventDefinition {
  readonly version: number;
  readonly schema: JsonSchema;
  readonly description: string;
}

/**
 * What a service promises analysts and other services: which of its events leave it, at which
 * version, with which schema. Each service declares this once, in `<service>.contract.ts`.
 * Changing a published shape means a new version, never an edit.
 */
export interface ServiceContract {
  readonly service: ServiceName;
  readonly events: Readonly<Record<string, PublicEventDefinition>>;
}
