import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import { BriefMemory, CLOCK, CommandHandler, EVENT_STORE, type Clock, type CommandOrigin, type GrantedRoles, type Principal, type RoleGrantSource } from '@collab/service-kit';
import {
  grantedTo,
  roleGrantDecider,
  roleGrantStreamId,
  SLUG,
  type RoleGrantCommand,
  type RoleGrantEvent,
  type RoleGrantState,
} from '@collab/workflow-domain';

/**
 * Role grants per user and unit (issue 13), workflow's to keep beside the org directory: each
 * user's grants one stream in workflow's store, read by the auth guard (ROLE_GRANT_SOURCE) for
 * every request whose token names the user.
 */
@Injectable()
export class RoleGrantBook implements RoleGrantSource {
  private readonly grants: CommandHandler<RoleGrantCommand, RoleGrantEvent, RoleGrantState, { now: Date }>;
  // Every request of a user reads their grants; they change only when an administrator changes them.
  private readonly memory = new BriefMemory<string, RoleGrantState>();

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.grants = new CommandHandler(store, roleGrantDecider, { streamOf: (command) => roleGrantStreamId(command.userId), retriesOnConflict: 3 });
  }

  of(userId: string): Promise<RoleGrantState> {
    if (!SLUG.test(userId)) return Promise.resolve(roleGrantDecider.initialState());
    return this.memory.lookUp(userId, async () => (await this.grants.load(roleGrantStreamId(userId))).state);
  }

  async grantedTo(principal: Principal): Promise<GrantedRoles> {
    return grantedTo(await this.of(principal.subject), principal.unit);
  }

  async change(command: RoleGrantCommand, origin: CommandOrigin): Promise<RoleGrantState> {
    try {
      const handled = await this.grants.handle(command, { now: this.clock.now() }, { origin });
      return handled.events.reduce(roleGrantDecider.evolve, handled.state);
    } finally {
      this.memory.forget(command.userId);
    }
  }
}
