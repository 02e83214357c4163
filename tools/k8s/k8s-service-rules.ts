import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IService } from 'kubernetes-models/v1/Service';
import { PLATFORM_CONFIG_MAP, type Manifest } from './k8s-bundle';
import { nameOf } from './k8s-schema';

/** The metric each service's HorizontalPodAutoscaler follows: events its followers have still to process. */
export const LAG_METRIC = 'collab_follower_lag_events';
const IMAGE = 'collab-platform';
const SECRET_ENV = ['DATABASE_URL', 'AUTH_JWT_SECRET'];

/** What the rules for one service look at: its objects (already valid against the API schemas). */
export interface ServiceObjects {
  readonly name: string;
  readonly deployment: IDeployment | undefined;
  readonly service: IService | undefined;
  readonly budget: IPodDisruptionBudget | undefined;
  readonly autoscaler: IHorizontalPodAutoscaler | undefined;
  /** gRPC is routed to it by the edge, so its Service needs a `grpc` port. */
  readonly servesGrpc: boolean;
  readonly settings: ReadonlyMap<string, string>;
}

const when = (broken: boolean, problem: string): string[] => (broken ? [problem] : []);

export const objectsOf = (
  manifests: readonly Manifest[],
  kind: string,
  name: string,
): Manifest['object'] | undefined =>
  manifests.find((manifest) => manifest.object['kind'] === kind && nameOf(manifest) === name)?.object;

/** `256Mi` → 268435456; undefined for a quantity this check does not read. */
export const bytesOf = (quantity: string | number | undefined): number | undefined => {
  const match = /^(\d+)(Ki|Mi|Gi)?$/.exec(String(quantity ?? ''));
  if (!match) return undefined;
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 }[match[2] as 'Ki' | 'Mi' | 'Gi'] ?? 1;
  return Number(match[1]) * unit;
};

const containerOf = (objects: ServiceObjects): IContainer | undefined =>
  objects.deployment?.spec?.template.spec?.containers.find((container) => container.name === objects.name);

const probeProblems = (name: string, container: IContainer): string[] => [
  ...when(container.readinessProbe?.httpGet?.path !== '/ready', `${name}: readinessProbe must GET /ready`),
  ...when(container.livenessProbe?.httpGet?.path !== '/health', `${name}: livenessProbe must GET /health`),
  ...when(
    container.startupProbe?.httpGet === undefined,
    `${name}: a startupProbe must hold liveness off while the service starts`,
  ),
];

const resourceProblems = (
  name: string,
  container: IContainer,
  settings: ReadonlyMap<string, string>,
): string[] => {
  const { requests = {}, limits = {} } = container.resources ?? {};
  const missing = ['cpu', 'memory'].flatMap((resource) => [
    ...when(requests[resource] === undefined, `${name}: resources.requests.${resource} must be set`),
    ...when(limits[resource] === undefined, `${name}: resources.limits.${resource} must be set`),
  ]);
  const limit = bytesOf(limits['memory']);
  const heapMiB = Number(/--max-old-space-size=(\d+)/.exec(settings.get('NODE_OPTIONS') ?? '')?.[1] ?? NaN);
  const heapFits = limit !== undefined && heapMiB * 2 ** 20 <= 0.8 * limit;
  return [
    ...missing,
    ...when(
      !heapFits,
      `${name}: NODE_OPTIONS --max-old-space-size must stay below 80% of the memory limit, so V8 collects before the kernel kills`,
    ),
  ];
};

const environmentProblems = (name: string, container: IContainer): string[] => {
  const env = container.env ?? [];
  const fromConfig = (container.envFrom ?? []).some(
    (source) => source.configMapRef?.name === PLATFORM_CONFIG_MAP,
  );
  return [
    ...when(!fromConfig, `${name}: env must come from the ${PLATFORM_CONFIG_MAP} ConfigMap`),
    ...when(
      !env.some((v) => v.name === 'SERVICE' && v.value === name),
      `${name}: env SERVICE must be ${name}`,
    ),
    ...SECRET_ENV.flatMap((key) =>
      when(
        !env.some((v) => v.name === key && v.valueFrom?.secretKeyRef !== undefined),
        `${name}: ${key} must come from a Secret (secretKeyRef)`,
      ),
    ),
  ];
};

const drainProblems = (name: string, deployment: IDeployment, container: IContainer): string[] => {
  const grace = deployment.spec?.template.spec?.terminationGracePeriodSeconds ?? 30;
  const command = container.lifecycle?.preStop?.exec?.command ?? [];
  const pause = command[0] === 'sleep' ? Number(command[1]) : NaN;
  return [
    ...when(grace < 30, `${name}: terminationGracePeriodSeconds must be at least 30`),
    ...when(
      !(pause > 0 && pause < grace),
      `${name}: a preStop sleep shorter than the grace period must let endpoints drain`,
    ),
  ];
};

const deploymentProblems = (objects: ServiceObjects): string[] => {
  const { name, deployment } = objects;
  const container = containerOf(objects);
  if (deployment === undefined) return [`${name}: no Deployment named ${name}`];
  if (container === undefined) return [`${name}: the Deployment has no container named ${name}`];
  return [
    ...when((deployment.spec?.replicas ?? 1) < 2, `${name}: replicas must be at least 2`),
    ...when(
      container.image?.split(':')[0] !== IMAGE,
      `${name}: the container must run the ${IMAGE} image (deploy/Dockerfile)`,
    ),
    ...probeProblems(name, container),
    ...resourceProblems(name, container, objects.settings),
    ...environmentProblems(name, container),
    ...drainProblems(name, deployment, container),
  ];
};

const podLabels = (objects: ServiceObjects): Record<string, string> =>
  objects.deployment?.spec?.template.metadata?.labels ?? {};

/** A selector picks this service's pods: every label it asks for is on the pod template. */
const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>): boolean =>
  selector !== undefined &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([key, value]) => labels[key] === value);

const serviceProblems = (objects: ServiceObjects): string[] => {
  const { name, service } = objects;
  if (service === undefined) return [`${name}: no Service named ${name}`];
  const ports = (service.spec?.ports ?? []).map((port) => port.name);
  return [
    ...when(
      !selects(service.spec?.selector, podLabels(objects)),
      `${name}: the Service's selector must pick the Deployment's pods`,
    ),
    ...when(!ports.includes('http'), `${name}: the Service needs an http port`),
    ...when(
      objects.servesGrpc && !ports.includes('grpc'),
      `${name}: the edge routes gRPC here, so the Service needs a grpc port`,
    ),
  ];
};

const budgetProblems = (objects: ServiceObjects): string[] => {
  const { name, budget } = objects;
  if (budget === undefined) return [`${name}: no PodDisruptionBudget named ${name}`];
  return [
    ...when(budget.spec?.minAvailable !== 1, `${name}: the PodDisruptionBudget must keep minAvailable 1`),
    ...when(
      !selects(budget.spec?.selector?.matchLabels, podLabels(objects)),
      `${name}: the PodDisruptionBudget must select the Deployment's pods`,
    ),
  ];
};

const autoscalerProblems = (objects: ServiceObjects): string[] => {
  const { name, autoscaler } = objects;
  if (autoscaler === undefined) return [`${name}: no HorizontalPodAutoscaler named ${name}`];
  const spec = autoscaler.spec;
  const metrics = spec?.metrics ?? [];
  const partitions = Number(objects.settings.get('KAFKA_PARTITIONS'));
  const followsLag = metrics.some(
    (m) => m.external?.metric.name === LAG_METRIC || m.pods?.metric.name === LAG_METRIC,
  );
  return [
    ...when(
      spec?.scaleTargetRef.kind !== 'Deployment' || spec.scaleTargetRef.name !== name,
      `${name}: the HorizontalPodAutoscaler must scale Deployment ${name}`,
    ),
    ...when(
      (spec?.minReplicas ?? 1) < 2,
      `${name}: the HorizontalPodAutoscaler's minReplicas must be at least 2`,
    ),
    ...when(
      !((spec?.maxReplicas ?? Infinity) <= partitions),
      `${name}: maxReplicas must not exceed KAFKA_PARTITIONS (${partitions}): a consumer group splits no further`,
    ),
    ...when(!followsLag, `${name}: the HorizontalPodAutoscaler must follow ${LAG_METRIC}`),
    ...when(
      !metrics.some((m) => m.resource?.name === 'cpu'),
      `${name}: the HorizontalPodAutoscaler must follow CPU as well`,
    ),
  ];
};

/** Our rules for one service, beyond what the API schemas say. */
export const serviceRuleProblems = (objects: ServiceObjects): string[] => [
  ...deploymentProblems(objects),
  ...serviceProblems(objects),
  ...budgetProblems(objects),
  ...autoscalerProblems(objects),
];
