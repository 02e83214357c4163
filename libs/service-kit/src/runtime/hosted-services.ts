import type { EventStore } from '@collab/event-store';
import type { SharedLogReader } from '@collab/following';
import type { ServiceContract, ServiceName } from '@collab/contracts';

export interface HostedService {
  readonly contract: ServiceContract;
  readonly store: EventStore;
  /** The one reader of this service's log in this process; every follower of the log reads through it. */
  readonly reader: SharedLogReader;
}

/** The services this process hosts: one in distributed mode, all five in the embedded platform. */
export class HostedServices {
  private readonly services = new Map<ServiceName, HostedService>();

  register(service: HostedService): void {
    this.services.set(service.contract.service, service);
  }

  get(name: ServiceName): HostedService | undefined {
    return this.services.get(name);
  }

  all(): HostedService[] {
    return [...this.services.values()];
  }
}
