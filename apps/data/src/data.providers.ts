import type { Provider, Type } from '@nestjs/common';
import { AUDIT_CONTROLLERS, AUDIT_PROVIDERS } from './audit/audit.providers';
import { DataServiceGrpc } from './grpc/data-service.grpc';
import { CubeHttp } from './cube/cube.http';
import { CustomerProfileHttp } from './customer-360/customer-profile.http';
import { CustomerProfiles } from './customer-360/customer-profiles';
import { DependencyMap } from './dependency-map/dependency-map';
import { DependencyMapHttp } from './dependency-map/dependency-map.http';
import { DataCube } from './cube/data-cube';
import { IntakeFactConsumer, KnowledgeFactConsumer, WorkflowFactConsumer } from './facts/fact-consumers';
import { FactsChanged } from './facts/facts-changed';
import { KpiAlertsConsumer } from './monitor/kpi-alerts.consumer';
import { LiveFigureReader } from './monitor/live-figures';
import { MonitorPageHttp } from './monitor/monitor-page.http';
import { MonitorHttp } from './monitor/monitor.http';
import { CustomerTags } from './tags/customer-tags';
import { CustomerTagsHttp } from './tags/customer-tags.http';
import { TagReviewDispatcher } from './tags/tag-review.dispatcher';
import { TagReviewFiring } from './tags/tag-review.firing';
import { TagRuleReviewsReactor } from './tags/tag-rule-reviews.reactor';
import { TagRules } from './tags/tag-rules';
import { TagRulesHttp } from './tags/tag-rules.http';
import { CustomerTagsProjection, TagRulesProjection } from './tags/tags.projection';

export const DATA_PROVIDERS: readonly Provider[] = [FactsChanged, IntakeFactConsumer, WorkflowFactConsumer, KnowledgeFactConsumer, DataCube, CustomerProfiles, DependencyMap, LiveFigureReader,
  TagRules, CustomerTags, TagRulesProjection, CustomerTagsProjection, TagRuleReviewsReactor, TagReviewFiring, TagReviewDispatcher, ...AUDIT_PROVIDERS, DataServiceGrpc, KpiAlertsConsumer,
];

export const DATA_CONTROLLERS: readonly Type[] = [CubeHttp, CustomerProfileHttp, DependencyMapHttp, MonitorHttp, MonitorPageHttp, TagRulesHttp, CustomerTagsHttp, ...AUDIT_CONTROLLERS];
