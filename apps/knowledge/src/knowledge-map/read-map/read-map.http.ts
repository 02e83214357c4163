import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Answers, Allow, ValidationFailed, pageOf, type ListPage } from '@collab/service-kit';
import { KnowledgeMap, type MapNodeView } from '../knowledge-map';
import { ReadMapQuery, nodeIdParam } from '../map-node.request';
import { mapNodeSchema, mapTreeSchema } from '../../knowledge.answers';

/** The knowledge map is public to every authenticated caller: it names topics, not content. */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/nodes')
// Every caller may read; what they see is filtered by their audience (and an editor's role) in the handler.
@Allow('requester')
export class ReadMapHttp {
  constructor(private readonly map: KnowledgeMap) {}

  @Answers(mapTreeSchema)
  @Get()
  async tree(@Query() query: ReadMapQuery): Promise<ListPage<MapNodeView>> {
    return pageOf(await this.map.tree(query.includeRetired), query, (node) => node.nodeId);
  }

  @Answers(mapNodeSchema)
  @Get(':id')
  node(@Param('id') id: string): Promise<MapNodeView> {
    if (!nodeIdParam.safeParse(id).success) throw new ValidationFailed([{ field: 'id', message: 'must be a lowercase slug such as roaming-charges' }]);
    return this.map.node(id);
  }
}
