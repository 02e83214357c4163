import type { Provider, Type } from '@nestjs/common';
import { KpiFiguresGrpc } from './grpc/kpi-figures.grpc';
import { KpiServiceGrpc } from './grpc/kpi-service.grpc';
import { KpiAlertReplay } from './alerts/alert-replay';
import { KpiAlertList } from './alerts/kpi-alert-list';
import { KpiAlertProjection } from './alerts/kpi-alert.projection';
import { KpiAlerts } from './alerts/kpi-alerts';
import { ReadAlertsHttp } from './alerts/read-alerts.http';
import { BackfillHttp } from './backfill/backfill.http';
import { KpiBackfills } from './backfill/kpi-backfills';
import { KpiCatalogue } from './computation/kpi-catalogue';
import { KpiFolding } from './computation/kpi-folding';
import { KpiCommands } from './definitions/kpi-commands';
import { KpiDefinitionProjection } from './definitions/kpi-definition.projection';
import { KpiLibrary } from './definitions/kpi-library';
import { ManageKpisHttp } from './definitions/manage-kpis/manage-kpis.http';
import { ReadKpisHttp } from './definitions/read-kpis/read-kpis.http';
import { KpiFactsConsumer } from './facts/kpi-facts.consumer';
import { KpiValues } from './values/kpi-values';
import { ReadValuesHttp } from './values/read-values/read-values.http';
import { KpiScorecards } from './values/scorecards/kpi-scorecards';
import { ScorecardsHttp } from './values/scorecards/scorecards.http';

export const KPI_PROVIDERS: readonly Provider[] = [KpiCatalogue, KpiFolding, KpiCommands, KpiDefinitionProjection, KpiLibrary, KpiFactsConsumer, KpiValues, KpiScorecards, KpiBackfills, KpiFiguresGrpc, KpiServiceGrpc, KpiAlerts, KpiAlertReplay, KpiAlertProjection, KpiAlertList];

// Alerts and scorecards before the `:id` routes: Express tries routes in the order they are registered.
export const KPI_CONTROLLERS: readonly Type[] = [ReadAlertsHttp, ScorecardsHttp, ReadValuesHttp, BackfillHttp, ManageKpisHttp, ReadKpisHttp];
