import type { CollabEvent, ServiceName } from '@collab/contracts';

/**
 * How services hear each other's events. Two transports implement it: Kafka (distributed
 * mode) and the source service's event-store log (embedded mode). Services see only this
 * port, so the Kafka client can be swapped without touching a service.
 *
 * Delivery is at least once and in order per stream; handlers must be idempotent.
 */
export type CollabEventHandler = (event: CollabEvent) => Promise<void>;

export interface ConsumerSubscription {
  /** Stable name of the consumer (Kafka group id, checkpoint name). */
  readonly consumerName: string;
  /** The service whose events are consumed. */
  readonly source: ServiceName;
  readonly handle: CollabEventHandler;
  /**
   * The handler writes only through `ProcessedEvents.runOnce`'s executor (no event-store appends, no
   * other queries), and defers what must follow the commit with `afterCommit`. A transport may then
   * handle a batch of events in one transaction with its checkpoint (the log-fed one does).
   */
  readonly sharesBatchTransaction?: boolean;
  /**
   * Its read model may lag (analytics): where the transport shares one database connection with
   * requests (embedded), its work gives way to requests and other followers for up to
   * ANALYTICS_GIVE_WAY_MS. Kafka consumers ignore it.
   */
  readonly givesWay?: boolean;
  /**
   * How many keys (streams) of one fetched batch its handler may work on at once; the messages of
   * one key are still handled one after another, in order. For a handler whose work on one stream
   * never waits on another stream's (it appends to the key's own streams, expecting their version):
   * its round trips then overlap instead of queueing, so a partition is not worked off at the speed
   * of one message's latency. Offsets are committed up to the first message not done yet. Default 1.
   * The Kafka consumer honours it; the log-fed one (one connection, embedded) handles in order.
   */
  readonly concurrentKeys?: number;
}

/** How long a consumer that `givesWay` lets work begun after its batch go first. */
export const ANALYTICS_GIVE_WAY_MS = 1_000;

export interface RunningConsumer {
  stop(): Promise<void>;
  /** Resolves once the member first joined its group (Kafka); at once where there is no group. */
  joined?(): Promise<void>;
}

export interface EventConsumerPort {
  consume(subscription: ConsumerSubscription): Promise<RunningConsumer>;
}

export interface RunningRelay {
  stop(): Promise<void>;
}

/** Publishes one service's global log to its topic, resuming from a stored checkpoint. */
export interface EventRelayPort {
  start(): Promise<RunningRelay>;
}

export const EVENT_CONSUMER = Symbol('EVENT_CONSUMER');
