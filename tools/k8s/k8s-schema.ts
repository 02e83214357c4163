import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import type { Manifest } from './k8s-bundle';

interface Validatable {
  validate(): void;
}

/** Checks an object against one API type's schema (kubernetes-models throws on an invalid one). */
const against =
  <Data>(Model: new (data: Data) => Validatable) =>
  (object: unknown): void =>
    new Model(object as Data).validate();

/**
 * The API types deploy/k8s may use, by `apiVersion kind`. A kind not listed here is refused rather
 * than passed unchecked: add its model when a manifest needs a new kind.
 */
const MODELS: ReadonlyMap<string, (object: unknown) => void> = new Map([
  ['v1 Namespace', against(Namespace)],
  ['v1 ConfigMap', against(ConfigMap)],
  ['v1 Service', against(Service)],
  // Known so that the rule refusing secret values in the repo can say why, rather than "no schema".
  ['v1 Secret', against(Secret)],
  ['apps/v1 Deployment', against(Deployment)],
  ['policy/v1 PodDisruptionBudget', against(PodDisruptionBudget)],
  ['autoscaling/v2 HorizontalPodAutoscaler', against(HorizontalPodAutoscaler)],
]);

export const typeOf = (manifest: Manifest): string =>
  `${String(manifest.object['apiVersion'])} ${String(manifest.object['kind'])}`;

export const nameOf = (manifest: Manifest): string | undefined => {
  const metadata = manifest.object['metadata'] as { name?: unknown } | undefined;
  return typeof metadata?.name === 'string' ? metadata.name : undefined;
};

/** The problems of one object against the Kubernetes API schemas; empty when it is valid. */
export const schemaProblems = (manifest: Manifest): string[] => {
  const validate = MODELS.get(typeOf(manifest));
  const where = `${manifest.source} ${typeOf(manifest)}/${nameOf(manifest) ?? '?'}`;
  if (validate === undefined)
    return [`${where}: no schema for this apiVersion and kind (known: ${[...MODELS.keys()].join(', ')})`];
  if (nameOf(manifest) === undefined) return [`${where}: metadata.name is required`];
  try {
    validate(manifest.object);
    return [];
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
};
