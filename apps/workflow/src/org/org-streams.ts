import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import type { Decider, DomainEvent } from '@collab/domain-kernel';
import { CommandHandler, EVENT_STORE, type CommandOrigin } from '@collab/service-kit';
import {
  agentDecider,
  agentStreamId,
  RESPONSIBILITY_MATRIX_STREAM,
  orgIdClaimDecider,
  orgIdStreamId,
  partnerDecider,
  partnerStreamId,
  queueDecider,
  queueStreamId,
  responsibilityMatrixDecider,
  unitDecider,
  unitStreamId,
  type KnownParties,
  type OrgIdKind,
  type PartnerReference,
  type QueueReference,
  type ReferencedIds,
  type UnitReference,
  type WantedId,
} from '@collab/workflow-domain';

/** Deep enough for group → province → city → department, and a guard against a corrupt loop. */
const MAX_ANCESTORS = 16;

type StreamsOf<D> =
  D extends Decider<infer C, infer E extends DomainEvent, infer S, infer X>
    ? CommandHandler<C, E, S, X>
    : never;

/** A definition raced by another is refused on the fresh state (already exists); a change decides again. */
const streamsOf = <C, E extends DomainEvent, S, X>(
  store: EventStore,
  decider: Decider<C, E, S, X>,
  streamOf: (command: C) => string,
) => new CommandHandler(store, decider, { streamOf, retriesOnConflict: 2 });

const found = <T extends { readonly id: string }>(values: readonly (T | undefined)[]): Record<string, T> =>
  Object.fromEntries(
    values.filter((value): value is T => value !== undefined).map((value) => [value.id, value]),
  );

/**
 * The directory's streams, read and written directly: a command is decided on what the streams
 * hold now (a parent defined a moment ago, a queue just opened), never on a read model that
 * follows the log a moment behind.
 */
@Injectable()
export class OrgStreams {
  readonly units: StreamsOf<typeof unitDecider>;
  readonly queues: StreamsOf<typeof queueDecider>;
  readonly agents: StreamsOf<typeof agentDecider>;
  readonly partners: StreamsOf<typeof partnerDecider>;
  readonly matrix: StreamsOf<typeof responsibilityMatrixDecider>;
  readonly ids: StreamsOf<typeof orgIdClaimDecider>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.units = streamsOf(store, unitDecider, (command) => unitStreamId(command.unitId));
    this.queues = streamsOf(store, queueDecider, (command) => queueStreamId(command.queueId));
    this.agents = streamsOf(store, agentDecider, (command) => agentStreamId(command.agentId));
    this.partners = streamsOf(store, partnerDecider, (command) => partnerStreamId(command.partnerId));
    this.matrix = streamsOf(store, responsibilityMatrixDecider, () => RESPONSIBILITY_MATRIX_STREAM);
    this.ids = streamsOf(store, orgIdClaimDecider, (command) => orgIdStreamId(command.wanted.id));
  }

  async unit(unitId: string): Promise<UnitReference | undefined> {
    const ancestorIds: string[] = [];
    const { state } = await this.units.load(unitStreamId(unitId));
    if (state.status === 'undefined') return undefined;
    for (let parentId = state.unit.parentId; parentId !== null && ancestorIds.length < MAX_ANCESTORS;) {
      ancestorIds.push(parentId);
      const parent = await this.units.load(unitStreamId(parentId));
      parentId = parent.state.status === 'defined' ? parent.state.unit.parentId : null;
    }
    return { id: unitId, level: state.unit.level, ancestorIds };
  }

  /** An open queue; a retired one takes no new agents, rules or cases, so it is not known to commands. */
  async queue(queueId: string): Promise<QueueReference | undefined> {
    const { state } = await this.queues.load(queueStreamId(queueId));
    return state.status === 'defined' ? { id: queueId, unitId: state.queue.unitId } : undefined;
  }

  async partner(partnerId: string): Promise<PartnerReference | undefined> {
    const { state } = await this.partners.load(partnerStreamId(partnerId));
    return state.status === 'unregistered' ? undefined : { id: partnerId, active: state.status === 'active' };
  }

  /** What the directory holds now for each id a command names. */
  async known(ids: ReferencedIds): Promise<KnownParties> {
    const [units, queues, partners] = await Promise.all([
      Promise.all([...new Set(ids.units)].map((id) => this.unit(id))),
      Promise.all([...new Set(ids.queues)].map((id) => this.queue(id))),
      Promise.all([...new Set(ids.partners)].map((id) => this.partner(id))),
    ]);
    return { units: found(units), queues: found(queues), partners: found(partners) };
  }

  async claimedAs(id: string): Promise<OrgIdKind | undefined> {
    return (await this.ids.load(orgIdStreamId(id))).state.claimedAs;
  }

  /**
   * Takes the id for a new unit, queue or partner before it is defined, in a stream of its own, so
   * two administrators racing for one id across kinds cannot both win. Conflict (409) when
   * something else has it; nothing to append when it is already this kind's.
   */
  async claim(wanted: WantedId, origin: CommandOrigin, now: Date): Promise<void> {
    await this.ids.handle({ type: 'ClaimOrgId', wanted }, { now }, { origin });
  }
}
