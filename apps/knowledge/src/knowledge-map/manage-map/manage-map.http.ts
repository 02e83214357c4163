import { Body, Controller, Headers, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Answers, CurrentPrincipal, Roles, ValidationFailed, originOf, type Principal } from '@collab/service-kit';
import { normalisedText } from '@collab/knowledge-domain';
import { EDITOR } from '../../knowledge-roles';
import { KnowledgeMap, type MapNodeView } from '../knowledge-map';
import { CreateNodeRequest, MoveNodeRequest, RenameNodeRequest, RetireNodeRequest, nodeIdParam } from '../map-node.request';
import { mapNodeSchema } from '../../knowledge.answers';

const validNodeId = (id: string): string => {
  if (!nodeIdParam.safeParse(id).success) throw new ValidationFailed([{ field: 'id', message: 'must be a lowercase slug such as roaming-charges' }]);
  return id;
};

/** Editors keep the knowledge map: nodes are created, renamed, moved (never into their own subtree) and retired. */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/nodes')
@Roles(EDITOR)
export class ManageMapHttp {
  constructor(private readonly map: KnowledgeMap) {}

  @Answers(mapNodeSchema)
  @Post()
  @HttpCode(201)
  create(@Body() body: CreateNodeRequest, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<MapNodeView> {
    return this.map.execute(
      { type: 'CreateMapNode', nodeId: body.id, ...(body.parentId ? { parentId: body.parentId } : {}), names: body.names },
      originOf(principal, correlationId),
    );
  }

  @Answers(mapNodeSchema)
  @Patch(':id')
  rename(@Param('id') id: string, @Body() body: RenameNodeRequest, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<MapNodeView> {
    return this.map.execute({ type: 'RenameMapNode', nodeId: validNodeId(id), names: body.names }, originOf(principal, correlationId));
  }

  @Answers(mapNodeSchema)
  @Post(':id/move')
  @HttpCode(200)
  move(@Param('id') id: string, @Body() body: MoveNodeRequest, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<MapNodeView> {
    return this.map.execute({ type: 'MoveMapNode', nodeId: validNodeId(id), ...(body.parentId ? { parentId: body.parentId } : {}) }, originOf(principal, correlationId));
  }

  @Answers(mapNodeSchema)
  @Post(':id/retire')
  @HttpCode(200)
  retire(@Param('id') id: string, @Body() body: RetireNodeRequest, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<MapNodeView> {
    const reason = body.reason === undefined ? '' : normalisedText(body.reason);
    return this.map.execute({ type: 'RetireMapNode', nodeId: validNodeId(id), ...(reason ? { reason } : {}) }, originOf(principal, correlationId));
  }
}
