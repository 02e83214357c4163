import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { Allow, Answers, CurrentPrincipal, defined, originOf, pageOf, pageQueryShape, type ListPage, type Principal } from '@collab/service-kit';
import { DefineTagRuleRequest } from './tag-rule.request';
import { TagRules } from './tag-rules';
import { tagRuleListSchema, tagRuleSchema, type TagRuleView } from './tags.answers';

class TagRulePageQuery extends createZodDto(z.strictObject(pageQueryShape)) {}

/** 客户标签库: analysts and administrators define tag rules (each change a new version) and retire them. */
@ApiTags('data')
@ApiBearerAuth()
@Controller('api/v1/data/tag-rules')
export class TagRulesHttp {
  constructor(private readonly rules: TagRules) {}

  /** Defines the tag's rule, or its next version when the definition changed; the same definition again makes no version. */
  @Allow('analyst', 'admin')
  @Answers(tagRuleSchema, { problems: [409] })
  @Put(':tag')
  define(@Param('tag') tag: string, @Body() body: DefineTagRuleRequest, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<TagRuleView> {
    const { description, conditions } = defined(body);
    return this.rules.execute({ type: 'DefineTagRule', tag, description, conditions, by: principal.subject }, originOf(principal, correlationId));
  }

  /** Retires the rule: every customer's tag of it is removed. */
  @Allow('analyst', 'admin')
  @Answers(tagRuleSchema, { problems: [409] })
  @Post(':tag/retire')
  @HttpCode(200)
  retire(@Param('tag') tag: string, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<TagRuleView> {
    return this.rules.execute({ type: 'RetireTagRule', tag, by: principal.subject }, originOf(principal, correlationId));
  }

  @Allow('staff', 'analyst')
  @Answers(tagRuleListSchema)
  @Get()
  async list(@Query() query: TagRulePageQuery): Promise<ListPage<TagRuleView>> {
    return pageOf(await this.rules.list(), query, (rule) => rule.tag);
  }
}
