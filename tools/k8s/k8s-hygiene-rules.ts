import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IService } from 'kubernetes-models/v1/Service';
import type { Bundle, Manifest } from './k8s-bundle';
import { nameOf } from './k8s-schema';

/** Names of settings that hold secrets: they come from Secrets created out of band, never from the repo. */
const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|CREDENTIAL|API_KEY|DATABASE_URL|CONNECTION_STRING/i;
/** user:password@ in any URL, comments included. */
const CREDENTIALS_IN_URL = /[a-z][a-z0-9+.-]*:\/\/[^\s/:@'"]+:[^\s/@'"]+@/i;
/** Settings a process reads besides the platform's own (platform.config.ts). */
const RUNTIME_SETTINGS = new Set(['NODE_OPTIONS']);

const deploymentsOf = (manifests: readonly Manifest[]): IDeployment[] =>
  manifests.filter((m) => m.object['kind'] === 'Deployment').map((m) => m.object as unknown as IDeployment);

/** No secret value anywhere: no Secret object, no literal secret in env or the settings, no password in a URL. */
export const secretProblems = (bundle: Bundle): string[] => {
  const secretObjects = bundle.manifests
    .filter((m) => m.object['kind'] === 'Secret')
    .map(
      (m) =>
        `${m.source}: a Secret with its values does not belong in the repo; create it out of band (deploy/README.md)`,
    );
  const literalEnv = deploymentsOf(bundle.manifests).flatMap((deployment) =>
    (deployment.spec?.template.spec?.containers ?? []).flatMap((container) =>
      (container.env ?? [])
        .filter((v) => SECRET_NAME.test(v.name) && v.value !== undefined)
        .map(
          (v) =>
            `${deployment.metadata?.name ?? '?'}: env ${v.name} is a literal; take it from a Secret (secretKeyRef)`,
        ),
    ),
  );
  const inSettings = [...bundle.settings.keys()]
    .filter((key) => SECRET_NAME.test(key))
    .map((key) => `platform.env: ${key} holds a secret; it belongs in a Secret, not the ConfigMap`);
  const inText = [...bundle.texts]
    .filter(([, text]) => CREDENTIALS_IN_URL.test(text))
    .map(([path]) => `${path}: a URL with a password in it`);
  return [...secretObjects, ...literalEnv, ...inSettings, ...inText];
};

/** Every setting in platform.env is one the services read, so a typo does not pass silently. */
export const settingProblems = (bundle: Bundle, platformSettings: ReadonlySet<string>): string[] =>
  [...bundle.settings.keys()]
    .filter((key) => !platformSettings.has(key) && !RUNTIME_SETTINGS.has(key))
    .map(
      (key) =>
        `platform.env: ${key} is not a setting the platform reads (libs/service-kit/src/config/platform.config.ts)`,
    );

/** Ours has its tag set by kustomization.yaml; any other image carries a pinned tag or digest. */
const pinned = (image: string): boolean =>
  image === 'collab-platform' ||
  image.includes('@sha256:') ||
  (/:\w[\w.-]*$/.test(image) && !image.endsWith(':latest'));

export const imageProblems = (manifests: readonly Manifest[]): string[] =>
  deploymentsOf(manifests).flatMap((deployment) =>
    (deployment.spec?.template.spec?.containers ?? [])
      .filter((container) => !pinned(container.image ?? ''))
      .map(
        (container) =>
          `${deployment.metadata?.name ?? '?'}: image ${container.image ?? '(none)'} needs a pinned tag`,
      ),
  );

/** The lines that decide where a request goes: every `location` and every `*_pass`. */
export const routesOf = (nginxConf: string): string[] =>
  nginxConf
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim().replace(/\s+/g, ' '))
    .filter((line) => /^location\b|\b(proxy|grpc)_pass\b/.test(line));

/** `server intake:3000;` → ['intake', 3000] for every upstream server of the edge. */
const upstreamsOf = (nginxConf: string): [string, number][] =>
  [...nginxConf.matchAll(/\bserver ([a-z][a-z0-9-]*):(\d+)/g)].map((m) => [m[1] ?? '', Number(m[2])]);

/** The services the edge sends gRPC to (an upstream named `<service>_grpc`). */
export const grpcServicesOf = (nginxConf: string): Set<string> =>
  new Set([...nginxConf.matchAll(/upstream (\w+)_grpc\b/g)].map((m) => m[1] ?? ''));

/** The Kubernetes edge routes exactly as the compose edge does, to Services that exist with those ports. */
export const edgeProblems = (bundle: Bundle): string[] => {
  const compose = routesOf(bundle.edge.compose);
  const kubernetes = routesOf(bundle.edge.kubernetes);
  const drift = compose.length !== kubernetes.length || compose.some((line, i) => line !== kubernetes[i]);
  const services = bundle.manifests.filter((m) => m.object['kind'] === 'Service');
  const missing = upstreamsOf(bundle.edge.kubernetes).filter(([host, port]) => {
    const service = services.find((m) => nameOf(m) === host)?.object as IService | undefined;
    return !(service?.spec?.ports ?? []).some((p) => p.port === port);
  });
  return [
    ...(drift
      ? ['edge/nginx.conf: its routes differ from deploy/edge/nginx.conf; change both together']
      : []),
    ...missing.map(
      ([host, port]) => `edge/nginx.conf: upstream ${host}:${port} has no Service ${host} with port ${port}`,
    ),
  ];
};
