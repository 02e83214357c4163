import type { JsonObject } from '../event-store.port';

/** One step of a stored event's history: its data at `from` becomes its data at `to` (possibly under a new type name). */
export interface StoredEventUpcaster {
  readonly from: { readonly type: string; readonly version: number };
  readonly to: { readonly type: string; readonly version: number };
  readonly upcast: (data: JsonObject) => JsonObject;
}

/**
 * The schema versions of a service's stored (internal) events. `current` gives the version an
 * append stamps in the metadata (`schemaVersion`); a type not listed is at version 1, and an event
 * stored without `schemaVersion` (by a build older than versioning) is version 1. The upcasters
 * lift every older version to the current one, step by step, when events are read.
 */
export interface StoredEventVersions {
  readonly current: Readonly<Record<string, number>>;
  readonly upcasters: readonly StoredEventUpcaster[];
}

export const NO_STORED_EVENT_UPGRADES: StoredEventVersions = { current: {}, upcasters: [] };

/** The version an event was stored at: what its metadata says, or 1 for an event stored before versioning. */
export const storedVersionOf = (metadata: { readonly [key: string]: unknown }): number => {
  const version = metadata['schemaVersion'];
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 1;
};

export class UpcasterChainBroken extends Error {
  override readonly name = 'UpcasterChainBroken';
}

/** Checks the chain once: every step goes up one version or to version 1 of a new name, and ends at a current version. */
export const upcastingChain = (versions: StoredEventVersions) => {
  const steps = new Map(versions.upcasters.map((step) => [`${step.from.type}@${step.from.version}`, step]));
  const currentOf = (type: string): number => versions.current[type] ?? 1;
  for (const step of versions.upcasters) {
    const renamed = step.to.type !== step.from.type;
    if (renamed ? step.to.version !== 1 : step.to.version !== step.from.version + 1)
      throw new UpcasterChainBroken(`${step.from.type}@${step.from.version} → ${step.to.type}@${step.to.version} skips a version`);
    if (step.to.version > currentOf(step.to.type)) throw new UpcasterChainBroken(`${step.to.type}@${step.to.version} is newer than the current version`);
  }
  // Most types never changed: their events are looked at without a key made for them (a rebuild lifts a million).
  const upcast = new Set(versions.upcasters.map((step) => step.from.type));
  const stepAfter = (type: string, version: number) => (upcast.has(type) ? steps.get(`${type}@${version}`) : undefined);
  return {
    currentOf,
    /** The event lifted to the current version of its (newest) type. */
    lift<Event extends { readonly type: string; readonly data: JsonObject; readonly metadata: { readonly [key: string]: unknown } }>(event: Event): Event {
      let { type, data } = event;
      let version = storedVersionOf(event.metadata);
      for (let step = stepAfter(type, version); step !== undefined; step = stepAfter(type, version)) {
        data = step.upcast(data);
        ({ type, version } = step.to);
      }
      if (type === event.type && version === storedVersionOf(event.metadata) && event.metadata['schemaVersion'] === version) return event;
      return { ...event, type, data, metadata: { ...event.metadata, schemaVersion: version } };
    },
  };
};
