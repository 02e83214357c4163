import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import { identityStreamId, type IdentityClaimed, type IdentityKey } from '@collab/intake-domain';
import { EVENT_STORE } from '@collab/service-kit';
import { IdentityOwners } from './identity-owners';

/**
 * One customer across channels: the same customer id, phone or email means the same customer.
 * Each identity is claimed in its own stream ("no stream" expected) when a contact first brings
 * it (ContactIntake), so two channels meeting a new customer at once agree on one customer id.
 */
@Injectable()
export class CustomerIdentities {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly owners: IdentityOwners,
  ) {}

  /** The customer an identity belongs to, if any channel has met it. */
  async customerOf(key: IdentityKey): Promise<string | undefined> {
    const streamId = identityStreamId(key);
    const known = this.owners.ownerOf(streamId);
    if (known !== undefined) return known;
    const [claimed] = await this.store.readStream(streamId);
    const owner = (claimed?.data as IdentityClaimed['data'] | undefined)?.customerId;
    if (owner !== undefined) this.owners.remember(streamId, owner);
    return owner;
  }
}
