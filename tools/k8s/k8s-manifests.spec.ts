import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { loadBundle, type Bundle, type Manifest } from './k8s-bundle';
import { checkBundle, loadDeployFolder } from './k8s-check';
import { kubectlAvailable, renderWithKubectl } from './k8s-render';

const root = join(__dirname, '..', '..');
const repo = loadDeployFolder(root);

interface Draft {
  manifests: { source: string; object: Record<string, unknown> }[];
  problems: string[];
  settings: Map<string, string>;
  texts: Map<string, string>;
  edge: { compose: string; kubernetes: string };
}

/** The repo's deploy/k8s with one change: what a careless edit would do. */
const withChange = (change: (draft: Draft) => void): Bundle => {
  const draft = structuredClone(repo) as unknown as Draft;
  change(draft);
  return draft;
};

const objectOf = <T>(draft: Draft, kind: string, name: string): T => {
  const found = draft.manifests.find(
    (m) => m.object['kind'] === kind && (m.object['metadata'] as { name: string }).name === name,
  );
  if (!found) throw new Error(`no ${kind} ${name} in deploy/k8s`);
  return found.object as unknown as T;
};

const deployment = (draft: Draft, name: string): IDeployment =>
  objectOf<IDeployment>(draft, 'Deployment', name);
const container = (draft: Draft, name: string): IContainer =>
  deployment(draft, name).spec!.template.spec!.containers[0]!;
const autoscaler = (draft: Draft, name: string): IHorizontalPodAutoscaler =>
  objectOf<IHorizontalPodAutoscaler>(draft, 'HorizontalPodAutoscaler', name);
const without = (draft: Draft, kind: string, name: string): void => {
  draft.manifests = draft.manifests.filter(
    (m) => m.object !== (objectOf<Manifest['object']>(draft, kind, name) as Record<string, unknown>),
  );
};

describe('deploy/k8s', () => {
  it('is valid against the Kubernetes API schemas and our rules', () => {
    expect(checkBundle(repo)).toEqual([]);
  });

  it('holds a Deployment, Service, PodDisruptionBudget and HorizontalPodAutoscaler per service, and the edge', () => {
    const kinds = repo.manifests.map(
      (m) => `${String(m.object['kind'])}/${(m.object['metadata'] as { name: string }).name}`,
    );
    for (const service of ['intake', 'workflow', 'knowledge', 'kpi', 'data'])
      for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler'])
        expect(kinds).toContain(`${kind}/${service}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Deployment/edge',
        'Service/edge',
        'ConfigMap/edge-nginx',
        'ConfigMap/collab-platform',
      ]),
    );
  });
});

describe('what kubectl kustomize renders', () => {
  const kubectl = kubectlAvailable();
  (kubectl ? it : it.skip)(
    `is valid against the schemas and points at the generated ConfigMaps${kubectl ? '' : ' (skipped: kubectl is not installed here)'}`,
    () => {
      const { manifests, problems } = renderWithKubectl(root);
      expect(problems).toEqual([]);
      expect(manifests).toHaveLength(repo.manifests.length);
      const settings = manifests.find((m) =>
        String((m.object['metadata'] as { name: string }).name).startsWith('collab-platform-'),
      );
      const intake = manifests.find(
        (m) =>
          m.object['kind'] === 'Deployment' && (m.object['metadata'] as { name: string }).name === 'intake',
      );
      const envFrom = (intake?.object as unknown as IDeployment).spec!.template.spec!.containers[0]!.envFrom;
      expect(envFrom).toEqual([
        { configMapRef: { name: (settings?.object['metadata'] as { name: string }).name } },
      ]);
    },
  );
});

describe('a broken manifest fails the check', () => {
  it.each<[string, (draft: Draft) => void, RegExp]>([
    // The API schemas (kubernetes-models)
    [
      'replicas written as a string',
      (d) => (deployment(d, 'intake').spec!.replicas = '2' as unknown as number),
      /Deployment\/intake: .*replicas must be integer/,
    ],
    [
      'a container port written as a name',
      (d) => (container(d, 'kpi').ports![0]!.containerPort = 'http' as unknown as number),
      /containerPort must be integer/,
    ],
    [
      'an HPA without scaleTargetRef',
      (d) => delete (autoscaler(d, 'data').spec as Partial<IHorizontalPodAutoscaler['spec']>)!.scaleTargetRef,
      /scaleTargetRef/,
    ],
    [
      'a kind with no schema here',
      (d) =>
        d.manifests.push({
          source: 'x.yaml#1',
          object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } },
        }),
      /no schema for this apiVersion and kind/,
    ],
    // Probes, resources, draining
    [
      'readiness on /health',
      (d) => (container(d, 'intake').readinessProbe!.httpGet!.path = '/health'),
      /intake: readinessProbe must GET \/ready/,
    ],
    [
      'no liveness probe',
      (d) => delete container(d, 'workflow').livenessProbe,
      /workflow: livenessProbe must GET \/health/,
    ],
    ['no startup probe', (d) => delete container(d, 'kpi').startupProbe, /kpi: a startupProbe/],
    [
      'no resources',
      (d) => delete container(d, 'knowledge').resources,
      /knowledge: resources.requests.cpu must be set/,
    ],
    [
      'a heap cap above the memory limit',
      (d) => d.settings.set('NODE_OPTIONS', '--max-old-space-size=1024'),
      /max-old-space-size must stay below 80% of the memory limit/,
    ],
    ['one replica', (d) => (deployment(d, 'data').spec!.replicas = 1), /data: replicas must be at least 2/],
    [
      'a short grace period',
      (d) => (deployment(d, 'intake').spec!.template.spec!.terminationGracePeriodSeconds = 5),
      /at least 30/,
    ],
    ['no preStop pause', (d) => delete container(d, 'intake').lifecycle, /preStop sleep/],
    // Disruption budget and autoscaler
    [
      'no PodDisruptionBudget',
      (d) => without(d, 'PodDisruptionBudget', 'workflow'),
      /workflow: no PodDisruptionBudget/,
    ],
    [
      'no HorizontalPodAutoscaler',
      (d) => without(d, 'HorizontalPodAutoscaler', 'kpi'),
      /kpi: no HorizontalPodAutoscaler/,
    ],
    [
      'an HPA on CPU only',
      (d) =>
        (autoscaler(d, 'intake').spec!.metrics = autoscaler(d, 'intake').spec!.metrics!.filter(
          (m) => m.type === 'Resource',
        )),
      /must follow collab_follower_lag_events/,
    ],
    [
      'more replicas than partitions',
      (d) => (autoscaler(d, 'workflow').spec!.maxReplicas = 40),
      /maxReplicas must not exceed KAFKA_PARTITIONS/,
    ],
    [
      'a Service that selects nothing of ours',
      (d) =>
        (objectOf<{ spec: { selector: object } }>(d, 'Service', 'intake').spec.selector = { app: 'intake' }),
      /Service's selector/,
    ],
    // Secrets
    [
      'a secret written into env',
      (d) => container(d, 'intake').env!.push({ name: 'AUTH_JWT_SECRET', value: 'not-so-secret-anymore' }),
      /env AUTH_JWT_SECRET is a literal/,
    ],
    [
      'the database URL taken from the ConfigMap',
      (d) => (container(d, 'kpi').env = container(d, 'kpi').env!.filter((v) => v.name !== 'DATABASE_URL')),
      /kpi: DATABASE_URL must come from a Secret/,
    ],
    [
      'a Secret object',
      (d) =>
        d.manifests.push({
          source: 's.yaml#1',
          object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } },
        }),
      /a Secret with its values does not belong in the repo/,
    ],
    [
      'a password in platform.env',
      (d) => d.texts.set('platform.env', 'DATABASE_URL=postgres://collab:hunter2@db:5432/collab'),
      /a URL with a password in it/,
    ],
    [
      'a secret setting in the ConfigMap',
      (d) => d.settings.set('AUTH_JWT_SECRET', 'x'),
      /AUTH_JWT_SECRET holds a secret/,
    ],
    // Settings, images, edge
    [
      'a misspelt setting',
      (d) => d.settings.set('KAFKA_PARTITONS', '24'),
      /KAFKA_PARTITONS is not a setting the platform reads/,
    ],
    [
      'a setting the platform refuses',
      (d) => d.settings.set('KAFKA_BROKERS', 'kafka'),
      /KAFKA_BROKERS must be host:port/,
    ],
    [
      'an unpinned image',
      (d) => (container(d, 'edge').image = 'nginx:latest'),
      /edge: image nginx:latest needs a pinned tag/,
    ],
    [
      'an edge route missing on Kubernetes',
      (d) => (d.edge.kubernetes = d.edge.kubernetes.replace(/^.*kpis.*$/m, '')),
      /routes differ from deploy\/edge\/nginx.conf/,
    ],
    [
      'an edge upstream with no Service',
      (d) => (d.edge.kubernetes = d.edge.kubernetes.replace('server kpi:3000', 'server kpis:3000')),
      /upstream kpis:3000 has no Service/,
    ],
  ])('%s', (_case, change, expected) => {
    const problems = checkBundle(withChange(change));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });
});

describe('reading deploy/k8s as kustomize would', () => {
  const copyWith = (files: Record<string, string>): Bundle => {
    const dir = mkdtempSync(join(tmpdir(), 'collab-k8s-'));
    try {
      cpSync(join(root, 'deploy/k8s'), dir, { recursive: true });
      for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
      return loadBundle(dir, join(root, 'deploy/edge/nginx.conf'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('refuses a manifest that kustomization.yaml does not list: kubectl would never apply it', () => {
    expect(
      checkBundle(
        copyWith({ 'services/extra.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: extra }\n' }),
      ),
    ).toEqual(['services/extra.yaml: not listed in kustomization.yaml, so kubectl would never apply it']);
  });

  it('refuses a file that is not YAML', () => {
    const problems = checkBundle(copyWith({ 'services/kpi.yaml': 'kind: Service\n  metadata: [\n' }));
    expect(problems).not.toHaveLength(0);
    for (const problem of problems) expect(problem).toMatch(/^services\/kpi.yaml#1: /);
  });
});
