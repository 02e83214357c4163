import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { WrongExpectedVersion, type EventStore } from '@collab/event-store';
import { identityStreamId, type IdentityClaimed, type IdentityKey } from '@collab/intake-domain';
import { CLOCK, EVENT_STORE, type Clock } from '@collab/service-kit';

/**
 * One customer across channels: the same customer id, phone or email means the same customer.
 * Each identity is claimed in its own stream ("no stream" expected), so two channels meeting a
 * new customer at once agree on one customer id.
 */
@Injectable()
export class CustomerIdentities {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async resolve(keys: readonly IdentityKey[], correlationId: string): Promise<string> {
    const known = await Promise.all(keys.map((key) => this.owner(key)));
    const customerId = known.find((owner) => owner !== undefined) ?? randomUUID();
    const unclaimed = keys.filter((_, index) => known[index] === undefined);
    const winners = await Promise.all(unclaimed.map((key) => this.claim(key, customerId, correlationId)));
    // A race lost on the strongest key means another channel registered this customer first.
    return known.find((owner) => owner !== undefined) ?? winners[0] ?? customerId;
  }

  /** The customer an identity belongs to, if any channel has met it. */
  async customerOf(key: IdentityKey): Promise<string | undefined> {
    return this.owner(key);
  }

  private async owner(key: IdentityKey): Promise<string | undefined> {
    const [claimed] = await this.store.readStream(identityStreamId(key));
    return (claimed?.data as IdentityClaimed['data'] | undefined)?.customerId;
  }

  private async claim(key: IdentityKey, customerId: string, correlationId: string): Promise<string> {
    const claimed: IdentityClaimed['data'] = { customerId, kind: key.kind, value: key.value, claimedAt: this.clock.now().toISOString() };
    try {
      await this.store.append(
        identityStreamId(key),
        [{ id: randomUUID(), type: 'IdentityClaimed', data: claimed, metadata: { correlationId, actor: { id: 'intake', kind: 'service' } } }],
        'no_stream',
      );
      return customerId;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion)) throw error;
      return (await this.owner(key)) ?? customerId;
    }
  }
}
