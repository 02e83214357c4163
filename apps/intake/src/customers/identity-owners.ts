import { Injectable } from '@nestjs/common';

/** Enough for every customer a busy replica meets in a day; the oldest are forgotten first. */
const CAPACITY = 200_000;

/**
 * Which customer an identity stream names. A claim is the identity stream's first event and is
 * never replaced, so what was read once stays true: each replica remembers the owners it met and
 * reads the customer's stream straight away next time, without reading the identity streams.
 */
@Injectable()
export class IdentityOwners {
  private readonly owners = new Map<string, string>();

  ownerOf(identityStreamId: string): string | undefined {
    return this.owners.get(identityStreamId);
  }

  remember(identityStreamId: string, customerId: string): void {
    if (this.owners.has(identityStreamId)) return;
    if (this.owners.size >= CAPACITY) this.owners.delete(this.owners.keys().next().value!);
    this.owners.set(identityStreamId, customerId);
  }
}
