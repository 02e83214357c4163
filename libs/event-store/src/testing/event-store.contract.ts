import type { CheckpointStore, EventStore } from '../event-store.port';
import { appendContract } from './contract/append.contract';
import { appendManyContract } from './contract/append-many.contract';
import { concurrencyContract } from './contract/concurrency.contract';
import { readContract } from './contract/read.contract';
import { subscribeContract } from './contract/subscribe.contract';

export interface ContractSubject {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  /** Closes the store and removes whatever the factory created (schema, temp folder, pool). */
  dispose(): Promise<void>;
}

export interface ContractCapabilities {
  /**
   * Whether reusing an event id in another stream is refused. EventStoreDB keys idempotency by
   * stream, so its adapter cannot see an id reused elsewhere.
   */
  readonly detectsIdReuseAcrossStreams: boolean;
  /** Whether appendMany is all or nothing (EventStoreDB has no multi-stream transactions). */
  readonly atomicMultiStream: boolean;
}

export interface ContractContext {
  readonly subject: () => ContractSubject;
  readonly capabilities: ContractCapabilities;
}

/**
 * The one specification every event store adapter must meet (DESIGN.md §3). One subject serves
 * the whole suite; each test works on fresh stream ids and reads the global log relative to the
 * head it found, so tests never depend on one another.
 */
export const eventStoreContract = (
  name: string,
  factory: () => Promise<ContractSubject>,
  capabilities: Partial<ContractCapabilities> = {},
): void => {
  describe(`${name} event store (contract)`, () => {
    let current: ContractSubject | undefined;
    // Starting a subject can mean initdb (PGlite) or a network round trip: allow more than jest's 5 s.
    beforeAll(async () => {
      current = await factory();
    }, 120_000);
    afterAll(async () => {
      await current?.dispose();
    }, 60_000);

    const context: ContractContext = {
      subject: () => {
        if (!current) throw new Error('the contract subject was not created');
        return current;
      },
      capabilities: { detectsIdReuseAcrossStreams: true, atomicMultiStream: true, ...capabilities },
    };
    appendContract(context);
    appendManyContract(context);
    readContract(context);
    subscribeContract(context);
    concurrencyContract(context);
  });
};
