import type { LocalisedNames } from '../shared-values';

/** A node joined the knowledge map (知识地图), under a parent or as a root. */
export interface MapNodeCreated {
  readonly type: 'MapNodeCreated';
  readonly data: { readonly nodeId: string; readonly parentId?: string; readonly names: LocalisedNames; readonly createdAt: string };
}

export interface MapNodeRenamed {
  readonly type: 'MapNodeRenamed';
  readonly data: { readonly nodeId: string; readonly names: LocalisedNames; readonly renamedAt: string };
}

/** The node, with everything under it, now hangs under another parent (or is a root). */
export interface MapNodeMoved {
  readonly type: 'MapNodeMoved';
  readonly data: { readonly nodeId: string; readonly fromParentId?: string; readonly toParentId?: string; readonly movedAt: string };
}

/** New articles may no longer be placed at the node; the articles already there stay. */
export interface MapNodeRetired {
  readonly type: 'MapNodeRetired';
  readonly data: { readonly nodeId: string; readonly retiredAt: string; readonly reason?: string };
}

export type KnowledgeMapEvent = MapNodeCreated | MapNodeRenamed | MapNodeMoved | MapNodeRetired;

export const KNOWLEDGE_MAP_EVENT_TYPES: readonly KnowledgeMapEvent['type'][] = [
  'MapNodeCreated',
  'MapNodeRenamed',
  'MapNodeMoved',
  'MapNodeRetired',
];
