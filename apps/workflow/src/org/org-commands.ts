import { Inject, Injectable } from '@nestjs/common';
import type { DomainEvent } from '@collab/domain-kernel';
import { CLOCK, type Clock, type CommandHandler, type CommandOrigin } from '@collab/service-kit';
import type { OrgDecisionContext, ReferencedIds, WantedId } from '@collab/workflow-domain';
import { OrgStreams } from './org-streams';

export interface OrgWrite<Command, Event extends DomainEvent, State> {
  /** One of OrgStreams' handlers: units, queues, agents, partners or the matrix. */
  readonly handler: CommandHandler<Command, Event, State, OrgDecisionContext>;
  readonly command: Command;
  readonly references: ReferencedIds;
  /** For a definition: the id to claim across units, queues and partners. */
  readonly claim?: WantedId;
}

export interface OrgWritten<State> {
  /** The stream's state exactly as this command left it. */
  readonly state: State;
  readonly version: number;
}

/** Runs an administrator's command on one directory stream: look up what it names, decide, claim, append. */
@Injectable()
export class OrgCommands {
  constructor(
    readonly org: OrgStreams,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute<Command, Event extends DomainEvent, State>(
    write: OrgWrite<Command, Event, State>,
    origin: CommandOrigin,
  ): Promise<OrgWritten<State>> {
    const now = this.clock.now();
    const context: OrgDecisionContext = { now, known: await this.org.known(write.references) };
    if (write.claim) {
      // Decide once before claiming: a refused definition must leave no claim behind.
      const { state } = await write.handler.load(write.handler.streamOf(write.command));
      write.handler.decider.decide(write.command, state, context);
      await this.org.claim(write.claim, origin, now);
    }
    const handled = await write.handler.handle(write.command, context, { origin });
    return { state: handled.events.reduce(write.handler.decider.evolve, handled.state), version: handled.version };
  }
}
