import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { documentsOf, type Manifest } from './k8s-bundle';
import { schemaProblems } from './k8s-schema';

/** kubectl renders kustomizations offline (`kubectl kustomize`); CI machines may not have it. */
export const kubectlAvailable = (): boolean =>
  spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore', timeout: 30_000 }).status === 0;

/** What `kubectl kustomize deploy/k8s` renders: the objects kubectl would apply, names hashed. */
export const renderWithKubectl = (root: string): { manifests: Manifest[]; problems: string[] } => {
  const rendered = execFileSync('kubectl', ['kustomize', join(root, 'deploy/k8s')], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const problems: string[] = [];
  const manifests = documentsOf('kubectl kustomize deploy/k8s', rendered, problems);
  return { manifests, problems: [...problems, ...manifests.flatMap(schemaProblems)] };
};
