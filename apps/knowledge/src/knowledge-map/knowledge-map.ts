import { Inject, Injectable } from '@nestjs/common';
import type { DecisionContext } from '@collab/domain-kernel';
import { NotFound } from '@collab/domain-kernel';
import type { EventStore } from '@collab/event-store';
import {
  KNOWLEDGE_MAP_STREAM,
  knowledgeMapDecider,
  type KnowledgeMapCommand,
  type KnowledgeMapEvent,
  type KnowledgeMapState,
  type MapNode,
  type NodeStanding,
} from '@collab/knowledge-domain';
import { CLOCK, CommandHandler, EVENT_STORE, type Clock, type CommandOrigin } from '@collab/service-kit';

export interface MapNodeView extends MapNode {
  readonly children: MapNodeView[];
}

const treeOf = (state: KnowledgeMapState, parentId: string | undefined, includeRetired: boolean): MapNodeView[] =>
  Object.values(state.nodes)
    .filter((node) => node.parentId === parentId && (includeRetired || node.status === 'active'))
    .sort((a, b) => (a.nodeId < b.nodeId ? -1 : 1))
    .map((node) => ({ ...node, children: treeOf(state, node.nodeId, includeRetired) }));

/**
 * The knowledge map is one small stream, read whole: its commands and its reads both fold it, so
 * a node is seen at once after it is written (no read model to wait for).
 */
@Injectable()
export class KnowledgeMap {
  private readonly map: CommandHandler<KnowledgeMapCommand, KnowledgeMapEvent, KnowledgeMapState, DecisionContext>;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) private readonly clock: Clock) {
    this.map = new CommandHandler(store, knowledgeMapDecider, { streamOf: () => KNOWLEDGE_MAP_STREAM, retriesOnConflict: 3 });
  }

  async execute(command: KnowledgeMapCommand, origin: CommandOrigin): Promise<MapNodeView> {
    if (command.type !== 'CreateMapNode') await this.node(command.nodeId);
    const handled = await this.map.handle(command, { now: this.clock.now() }, { origin });
    const after = handled.events.reduce(knowledgeMapDecider.evolve, handled.state);
    const node = after.nodes[command.nodeId];
    if (!node) throw new Error(`node ${command.nodeId} does not exist after ${command.type}`);
    return { ...node, children: treeOf(after, node.nodeId, false) };
  }

  async tree(includeRetired: boolean): Promise<MapNodeView[]> {
    return treeOf((await this.map.load(KNOWLEDGE_MAP_STREAM)).state, undefined, includeRetired);
  }

  /** A node by id, with its active children: a missing one is a 404. */
  async node(nodeId: string): Promise<MapNodeView> {
    const { state } = await this.map.load(KNOWLEDGE_MAP_STREAM);
    const node = state.nodes[nodeId];
    if (!node) throw new NotFound('knowledge-map node', nodeId);
    return { ...node, children: treeOf(state, nodeId, false) };
  }

  async standing(nodeId: string): Promise<NodeStanding> {
    const { state } = await this.map.load(KNOWLEDGE_MAP_STREAM);
    return state.nodes[nodeId]?.status ?? 'none';
  }

  /** The node and every node under it, for a search narrowed to a branch of the map. */
  async branch(nodeId: string): Promise<string[]> {
    const { state } = await this.map.load(KNOWLEDGE_MAP_STREAM);
    const under = (id: string): string[] => [id, ...Object.values(state.nodes).filter((node) => node.parentId === id).flatMap((node) => under(node.nodeId))];
    return state.nodes[nodeId] ? under(nodeId) : [];
  }
}
