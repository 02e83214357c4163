import { IllegalTransition, ValidationFailed, fold, specFor } from '@collab/domain-kernel';
import { ancestorsOf, knowledgeMapDecider, type KnowledgeMapCommand } from './knowledge-map.decider';
import type { KnowledgeMapEvent } from './knowledge-map.events';

const now = new Date('2026-11-20T09:30:00.000Z');
const at = now.toISOString();
const spec = specFor(knowledgeMapDecider, { now });

const created = (nodeId: string, parentId?: string): KnowledgeMapEvent => ({
  type: 'MapNodeCreated', data: { nodeId, ...(parentId ? { parentId } : {}), names: { en: nodeId }, createdAt: at },
});
const moved = (nodeId: string, fromParentId?: string, toParentId?: string): KnowledgeMapEvent => ({
  type: 'MapNodeMoved', data: { nodeId, ...(fromParentId ? { fromParentId } : {}), ...(toParentId ? { toParentId } : {}), movedAt: at },
});
const retired = (nodeId: string): KnowledgeMapEvent => ({ type: 'MapNodeRetired', data: { nodeId, retiredAt: at } });
const move = (nodeId: string, parentId?: string): KnowledgeMapCommand => ({ type: 'MoveMapNode', nodeId, ...(parentId ? { parentId } : {}) });

/** billing ─ roaming ─ roaming-data; network */
const tree = [created('billing'), created('roaming', 'billing'), created('roaming-data', 'roaming'), created('network')];

describe('the knowledge map', () => {
  it('creates a node under an active parent, with NFC names', () =>
    spec.given(...tree)
      .when({ type: 'CreateMapNode', nodeId: 'refunds', parentId: 'billing', names: { fi: ' Hyvitykset ', 'zh-Hans': '退款' } })
      .then({ type: 'MapNodeCreated', data: { nodeId: 'refunds', parentId: 'billing', names: { fi: 'Hyvitykset', 'zh-Hans': '退款' }, createdAt: at } }));

  it.each([
    ['an unknown parent', { parentId: 'nowhere' }],
    ['a bad id', { nodeId: 'Not A Slug' }],
    ['no names', { names: {} }],
  ])('refuses a node with %s', (_, overrides) =>
    spec.given(...tree).when({ type: 'CreateMapNode', nodeId: 'x', names: { en: 'x' }, ...overrides }).thenThrows(ValidationFailed));

  it('refuses a second node with the same id', () =>
    spec.given(...tree).when({ type: 'CreateMapNode', nodeId: 'billing', names: { en: 'b' } }).thenThrows(IllegalTransition));

  it('moves a subtree under another parent, and to the root', () => {
    spec.given(...tree).when(move('roaming', 'network')).then(moved('roaming', 'billing', 'network'));
    spec.given(...tree).when(move('roaming')).then(moved('roaming', 'billing'));
    expect(ancestorsOf(fold(knowledgeMapDecider, [...tree, moved('roaming', 'billing', 'network')]), 'roaming-data')).toEqual(['roaming', 'network']);
  });

  it.each([
    ['under itself', 'roaming', 'roaming'],
    ['under its child', 'roaming', 'roaming-data'],
    ['under its grandchild', 'billing', 'roaming-data'],
  ])('refuses a move %s: it would make a cycle', (_, nodeId, parentId) =>
    spec.given(...tree).when(move(nodeId, parentId)).thenThrows(ValidationFailed));

  it('renames, and makes nothing of the same names', () => {
    spec.given(...tree).when({ type: 'RenameMapNode', nodeId: 'network', names: { en: 'Network' } })
      .then({ type: 'MapNodeRenamed', data: { nodeId: 'network', names: { en: 'Network' }, renamedAt: at } });
    spec.given(...tree).when({ type: 'RenameMapNode', nodeId: 'network', names: { en: 'network' } }).then();
  });

  it('retires a leaf, but not a node with active children, and nothing under a retired node', () => {
    spec.given(...tree).when({ type: 'RetireMapNode', nodeId: 'roaming-data' }).then(retired('roaming-data'));
    spec.given(...tree).when({ type: 'RetireMapNode', nodeId: 'roaming' }).thenThrows(IllegalTransition);
    spec.given(...tree, retired('network')).when({ type: 'CreateMapNode', nodeId: 'x', parentId: 'network', names: { en: 'x' } }).thenThrows(ValidationFailed);
    spec.given(...tree, retired('network')).when(move('network', 'billing')).thenThrows(IllegalTransition);
  });
});
