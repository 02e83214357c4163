import { FollowerRunner, PostgresLeases, REACTOR_FLUSH, SharedLogReader } from '@collab/following';
import { followingSchema, type FollowingSchema } from '@collab/following/testing';
import type { ServiceContract } from '@collab/contracts';
import { KafkaEventRelay } from '../kafka-event-relay';
import type { KafkaConnectionOptions } from '../kafka-connection';
import { quietLogger } from './kafka-test-kit';

/** A service's log on PostgreSQL with its relay run as the runtime runs it: under a lease, from a checkpoint. */
export class RelayHarness {
  private running: { runner: FollowerRunner; leases: PostgresLeases; relay: KafkaEventRelay } | undefined;

  private constructor(
    readonly db: FollowingSchema,
    private readonly contract: ServiceContract,
    private readonly kafka: KafkaConnectionOptions,
  ) {}

  static async open(label: string, contract: ServiceContract, kafka: KafkaConnectionOptions): Promise<RelayHarness> {
    return new RelayHarness(await followingSchema(label), contract, kafka);
  }

  get store() {
    return this.db.store;
  }

  start(partitions?: number): void {
    const leases = new PostgresLeases({ pool: this.db.admin, ttlMs: 3_000, tickMs: 200 });
    const relay = new KafkaEventRelay({ contract: this.contract, kafka: this.kafka, logger: quietLogger, ...(partitions === undefined ? {} : { partitions }) });
    const reader = new SharedLogReader(this.db.store, { pollMs: 100 });
    const runner = new FollowerRunner(
      { name: `relay:${this.contract.service}`, home: this.db.schema, handler: relay, flush: REACTOR_FLUSH },
      { log: this.contract.service, reader, leases, db: this.db.admin, logger: quietLogger },
    );
    runner.start();
    this.running = { runner, leases, relay };
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.runner.stop();
    await running?.leases.stop();
    await running?.relay.close();
  }

  async checkpoint(): Promise<bigint> {
    const { rows } = await this.db.admin.query<{ position: string }>(`SELECT position FROM ${this.db.schema}.checkpoints WHERE name = $1`, [`relay:${this.contract.service}`]);
    return BigInt(rows[0]?.position ?? 0);
  }

  async close(): Promise<void> {
    await this.stop();
    await this.db.drop();
  }
}
