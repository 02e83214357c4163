import { join } from 'node:path';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IService } from 'kubernetes-models/v1/Service';
import { SERVICE_NAMES } from '@collab/contracts';
import { InvalidConfiguration, loadPlatformConfig, platformConfigSchema } from '@collab/service-kit';
import { loadBundle, type Bundle } from './k8s-bundle';
import {
  edgeProblems,
  grpcServicesOf,
  imageProblems,
  secretProblems,
  settingProblems,
} from './k8s-hygiene-rules';
import { schemaProblems } from './k8s-schema';
import { objectsOf, serviceRuleProblems } from './k8s-service-rules';

/** Stand-ins for the values the Secrets provide, so the settings can be checked as a pod gets them. */
const FROM_SECRETS = {
  DATABASE_URL: 'postgres://database.invalid/collab',
  AUTH_JWT_SECRET: 'stand-in-for-the-secret-value-0123456789',
};

/** The settings a service's pod gets pass the platform's own configuration check. */
const configProblems = (bundle: Bundle, service: string): string[] => {
  try {
    loadPlatformConfig({ ...Object.fromEntries(bundle.settings), ...FROM_SECRETS, SERVICE: service });
    return [];
  } catch (error) {
    if (!(error instanceof InvalidConfiguration)) throw error;
    return error.problems.map((problem) => `platform.env: ${problem}`);
  }
};

const servicesProblems = (bundle: Bundle): string[] => {
  const grpc = grpcServicesOf(bundle.edge.kubernetes);
  // Each service reads the same settings: a bad one is said once, not five times.
  const settings = new Set(SERVICE_NAMES.flatMap((name) => configProblems(bundle, name)));
  const rules = SERVICE_NAMES.flatMap((name) =>
    serviceRuleProblems({
      name,
      deployment: objectsOf(bundle.manifests, 'Deployment', name) as IDeployment | undefined,
      service: objectsOf(bundle.manifests, 'Service', name) as IService | undefined,
      budget: objectsOf(bundle.manifests, 'PodDisruptionBudget', name) as IPodDisruptionBudget | undefined,
      autoscaler: objectsOf(bundle.manifests, 'HorizontalPodAutoscaler', name) as
        IHorizontalPodAutoscaler | undefined,
      servesGrpc: grpc.has(name),
      settings: bundle.settings,
    }),
  );
  return [...rules, ...settings];
};

/**
 * Every problem of a bundle: first each object against the Kubernetes API schemas; then, when all
 * of them are valid (our rules read them as typed objects), our own rules. Empty means valid.
 */
export const checkBundle = (bundle: Bundle): string[] => {
  const schema = bundle.manifests.flatMap(schemaProblems);
  if (bundle.problems.length > 0 || schema.length > 0) return [...bundle.problems, ...schema];
  return [
    ...servicesProblems(bundle),
    ...secretProblems(bundle),
    ...settingProblems(bundle, new Set(Object.keys(platformConfigSchema.shape))),
    ...imageProblems(bundle.manifests),
    ...edgeProblems(bundle),
  ];
};

/** deploy/k8s of the repo at `root`, read as kustomize would. */
export const loadDeployFolder = (root: string): Bundle =>
  loadBundle(join(root, 'deploy/k8s'), join(root, 'deploy/edge/nginx.conf'));
