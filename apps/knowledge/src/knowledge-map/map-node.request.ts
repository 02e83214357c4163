import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { MAP_NODE_ID_PATTERN } from '@collab/knowledge-domain';
import { pageQueryShape } from '@collab/service-kit';

const nodeId = z.string().regex(MAP_NODE_ID_PATTERN, { message: 'must be a lowercase slug such as roaming-charges' });
const names = z.record(z.string().max(20), z.string().max(1_000)).refine((value) => Object.keys(value).length <= 20, { message: 'must name it in at most 20 languages' });

export const createNodeSchema = z.object({ id: nodeId, parentId: nodeId.optional(), names }).strict();
export class CreateNodeRequest extends createZodDto(createNodeSchema) {}

export const renameNodeSchema = z.object({ names }).strict();
export class RenameNodeRequest extends createZodDto(renameNodeSchema) {}

/** `parentId: null` (or left out) makes the node a root. */
export const moveNodeSchema = z.object({ parentId: nodeId.nullable().optional() }).strict();
export class MoveNodeRequest extends createZodDto(moveNodeSchema) {}

export const retireNodeSchema = z.object({ reason: z.string().max(1_000).optional() }).strict();
export class RetireNodeRequest extends createZodDto(retireNodeSchema) {}

/** The map's roots, a page at a time (`?limit=&after=`), each with its whole branch. */
export const readMapSchema = z.strictObject({ ...pageQueryShape, includeRetired: z.stringbool({ error: 'must be true or false' }).default(false) });
export class ReadMapQuery extends createZodDto(readMapSchema) {}

export const nodeIdParam = nodeId;
