import {
  IllegalTransition,
  ValidationFailed,
  assertNever,
  type Decider,
  type DecisionContext,
  type FieldError,
} from '@collab/domain-kernel';
import { namesErrors, normalisedNames, refusalMessage, sameNames, type LocalisedNames } from '../shared-values';
import type { KnowledgeMapEvent } from './knowledge-map.events';

/** A node id is a slug chosen by the editor (`billing`, `roaming-charges`); moving a node keeps it. */
export const MAP_NODE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** The whole map is one aggregate so that "no cycles" is checked against one consistent tree; this keeps its stream small. */
export const MAX_MAP_NODES = 5_000;

export interface CreateMapNode {
  readonly type: 'CreateMapNode';
  readonly nodeId: string;
  readonly parentId?: string;
  readonly names: LocalisedNames;
}
export interface RenameMapNode {
  readonly type: 'RenameMapNode';
  readonly nodeId: string;
  readonly names: LocalisedNames;
}
/** Absent `parentId` makes the node a root. */
export interface MoveMapNode {
  readonly type: 'MoveMapNode';
  readonly nodeId: string;
  readonly parentId?: string;
}
export interface RetireMapNode {
  readonly type: 'RetireMapNode';
  readonly nodeId: string;
  readonly reason?: string;
}
export type KnowledgeMapCommand = CreateMapNode | RenameMapNode | MoveMapNode | RetireMapNode;

export interface MapNode {
  readonly nodeId: string;
  readonly parentId?: string;
  readonly names: LocalisedNames;
  readonly status: 'active' | 'retired';
}

export interface KnowledgeMapState {
  readonly nodes: Readonly<Record<string, MapNode>>;
}

const withNode = (state: KnowledgeMapState, node: MapNode): KnowledgeMapState => ({ nodes: { ...state.nodes, [node.nodeId]: node } });

const parentOf = (parentId: string | undefined): { parentId?: string } => (parentId === undefined ? {} : { parentId });

const evolve = (state: KnowledgeMapState, event: KnowledgeMapEvent): KnowledgeMapState => {
  const node = state.nodes[event.data.nodeId];
  switch (event.type) {
    case 'MapNodeCreated':
      return withNode(state, { nodeId: event.data.nodeId, ...parentOf(event.data.parentId), names: event.data.names, status: 'active' });
    case 'MapNodeRenamed':
      return node ? withNode(state, { ...node, names: event.data.names }) : state;
    case 'MapNodeMoved': {
      if (!node) return state;
      const { parentId: _old, ...rest } = node;
      return withNode(state, { ...rest, ...parentOf(event.data.toParentId) });
    }
    case 'MapNodeRetired':
      return node ? withNode(state, { ...node, status: 'retired' }) : state;
    default:
      return assertNever(event);
  }
};

/** The node's ancestors, nearest first; the walk stops at a root (or at a cycle, which evolve never makes). */
export const ancestorsOf = (state: KnowledgeMapState, nodeId: string): string[] => {
  const ancestors: string[] = [];
  let current = state.nodes[nodeId]?.parentId;
  while (current !== undefined && !ancestors.includes(current)) {
    ancestors.push(current);
    current = state.nodes[current]?.parentId;
  }
  return ancestors;
};

const refused = (command: KnowledgeMapCommand, status: string, reason: string): IllegalTransition =>
  Object.assign(new IllegalTransition(command.type, status, reason), refusalMessage(command.type, reason));

const existing = (command: KnowledgeMapCommand, state: KnowledgeMapState): MapNode => {
  const node = state.nodes[command.nodeId];
  if (!node) throw refused(command, 'none', `node "${command.nodeId}" does not exist`);
  if (node.status === 'retired') throw refused(command, 'retired', `node "${command.nodeId}" is retired`);
  return node;
};

const parentErrors = (state: KnowledgeMapState, parentId: string | undefined): FieldError[] => {
  if (parentId === undefined) return [];
  const parent = state.nodes[parentId];
  if (!parent) return [{ field: 'parentId', message: `node "${parentId}" does not exist` }];
  return parent.status === 'retired' ? [{ field: 'parentId', message: `node "${parentId}" is retired` }] : [];
};

const invalid = (errors: FieldError[]): void => {
  if (errors.length > 0) throw new ValidationFailed(errors);
};

const create = (command: CreateMapNode, state: KnowledgeMapState, at: string): KnowledgeMapEvent[] => {
  if (state.nodes[command.nodeId]) throw refused(command, 'active', `node "${command.nodeId}" already exists`);
  if (Object.keys(state.nodes).length >= MAX_MAP_NODES) throw refused(command, 'full', `the map holds at most ${MAX_MAP_NODES} nodes`);
  const names = normalisedNames(command.names);
  invalid([
    ...(MAP_NODE_ID_PATTERN.test(command.nodeId) ? [] : [{ field: 'id', message: 'must be a lowercase slug such as roaming-charges' }]),
    ...parentErrors(state, command.parentId),
    ...namesErrors('names', names),
  ]);
  return [{ type: 'MapNodeCreated', data: { nodeId: command.nodeId, ...parentOf(command.parentId), names, createdAt: at } }];
};

const rename = (command: RenameMapNode, state: KnowledgeMapState, at: string): KnowledgeMapEvent[] => {
  const node = existing(command, state);
  const names = normalisedNames(command.names);
  invalid(namesErrors('names', names));
  if (sameNames(node.names, names)) return [];
  return [{ type: 'MapNodeRenamed', data: { nodeId: command.nodeId, names, renamedAt: at } }];
};

const move = (command: MoveMapNode, state: KnowledgeMapState, at: string): KnowledgeMapEvent[] => {
  const node = existing(command, state);
  invalid(parentErrors(state, command.parentId));
  const target = command.parentId;
  if (target === node.parentId) return [];
  if (target !== undefined && (target === node.nodeId || ancestorsOf(state, target).includes(node.nodeId)))
    throw new ValidationFailed([{ field: 'parentId', message: `node "${target}" lies under "${node.nodeId}": the move would make a cycle` }]);
  return [{
    type: 'MapNodeMoved',
    data: { nodeId: node.nodeId, ...(node.parentId === undefined ? {} : { fromParentId: node.parentId }), ...(target === undefined ? {} : { toParentId: target }), movedAt: at },
  }];
};

const retire = (command: RetireMapNode, state: KnowledgeMapState, at: string): KnowledgeMapEvent[] => {
  existing(command, state);
  const activeChildren = Object.values(state.nodes).filter((node) => node.parentId === command.nodeId && node.status === 'active');
  if (activeChildren.length > 0)
    throw refused(command, 'active', `node "${command.nodeId}" still has active children (${activeChildren.map((node) => node.nodeId).join(', ')}); move or retire them first`);
  return [{ type: 'MapNodeRetired', data: { nodeId: command.nodeId, retiredAt: at, ...(command.reason ? { reason: command.reason } : {}) } }];
};

const decide = (command: KnowledgeMapCommand, state: KnowledgeMapState, context: DecisionContext): KnowledgeMapEvent[] => {
  const at = context.now.toISOString();
  switch (command.type) {
    case 'CreateMapNode':
      return create(command, state, at);
    case 'RenameMapNode':
      return rename(command, state, at);
    case 'MoveMapNode':
      return move(command, state, at);
    case 'RetireMapNode':
      return retire(command, state, at);
    default:
      return assertNever(command);
  }
};

/** 知识地图: the tree articles sit at. One stream, so a move is checked against the whole tree at once. */
export const knowledgeMapDecider: Decider<KnowledgeMapCommand, KnowledgeMapEvent, KnowledgeMapState> = {
  initialState: () => ({ nodes: {} }),
  evolve,
  decide,
};

export const KNOWLEDGE_MAP_STREAM = 'knowledge-map';
