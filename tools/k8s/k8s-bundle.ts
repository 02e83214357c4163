import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';

/** One Kubernetes object as written, with where it came from (`services/intake.yaml#2`). */
export interface Manifest {
  readonly source: string;
  readonly object: Readonly<Record<string, unknown>>;
}

/** What `kubectl kustomize deploy/k8s` would work from, read without kubectl. */
export interface Bundle {
  /** The documents of every listed resource, then the ConfigMaps the generators make. */
  readonly manifests: readonly Manifest[];
  /** Problems found while reading: YAML errors, missing or unlisted files. */
  readonly problems: readonly string[];
  /** The settings every service reads (the `collab-platform` generator's env file). */
  readonly settings: ReadonlyMap<string, string>;
  /** Every file under the folder, by path relative to it, to look for secrets in comments too. */
  readonly texts: ReadonlyMap<string, string>;
  /** The compose edge (deploy/edge/nginx.conf) and the Kubernetes one, to keep their routes equal. */
  readonly edge: { readonly compose: string; readonly kubernetes: string };
}

interface Generator {
  readonly name: string;
  readonly envs?: readonly string[];
  readonly files?: readonly string[];
}

interface Kustomization {
  readonly resources?: readonly string[];
  readonly configMapGenerator?: readonly Generator[];
}

export const PLATFORM_CONFIG_MAP = 'collab-platform';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

const isYaml = (path: string): boolean => /\.ya?ml$/.test(path);

/** A generator's `files` entry: `key=path`, or a path whose file name is the key. */
const fileEntry = (entry: string): { key: string; path: string } => {
  const at = entry.indexOf('=');
  return at < 0
    ? { key: basename(entry), path: entry }
    : { key: entry.slice(0, at), path: entry.slice(at + 1) };
};

const generatorPaths = (generator: Generator): string[] => [
  ...(generator.envs ?? []),
  ...(generator.files ?? []).map((entry) => fileEntry(entry).path),
];

/** `KEY=value` lines as kustomize reads an env file: `#` comments and blank lines skipped. */
export const parseEnvFile = (text: string): Map<string, string> =>
  new Map(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 1)];
      }),
  );

/** The objects of a multi-document YAML text; YAML errors go to `problems`. */
export const documentsOf = (source: string, text: string, problems: string[]): Manifest[] =>
  parseAllDocuments(text).flatMap((document, index) => {
    const where = `${source}#${index + 1}`;
    if (document.errors.length > 0) {
      problems.push(...document.errors.map((error) => `${where}: ${error.message}`));
      return [];
    }
    const object: unknown = document.toJS();
    if (object === null || object === undefined) return [];
    if (typeof object !== 'object' || Array.isArray(object)) {
      problems.push(`${where}: a document must be one object`);
      return [];
    }
    return [{ source: where, object: object as Record<string, unknown> }];
  });

/** A ConfigMap as the generator makes it (the hash suffix left out). */
const generated = (
  generator: Generator,
  texts: ReadonlyMap<string, string>,
  problems: string[],
): Manifest => {
  const data: Record<string, string> = {};
  const read = (path: string): string => {
    const text = texts.get(path);
    if (text === undefined)
      problems.push(
        `kustomization.yaml: configMapGenerator ${generator.name} names ${path}, which does not exist`,
      );
    return text ?? '';
  };
  for (const path of generator.envs ?? [])
    for (const [key, value] of parseEnvFile(read(path))) data[key] = value;
  for (const { key, path } of (generator.files ?? []).map(fileEntry)) data[key] = read(path);
  return {
    source: `kustomization.yaml configMapGenerator ${generator.name}`,
    object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: generator.name }, data },
  };
};

const unlisted = (texts: ReadonlyMap<string, string>, kustomization: Kustomization): string[] => {
  const used = new Set([
    ...(kustomization.resources ?? []),
    ...(kustomization.configMapGenerator ?? []).flatMap(generatorPaths),
  ]);
  return [...texts.keys()]
    .filter((path) => isYaml(path) && path !== 'kustomization.yaml' && !used.has(path))
    .map((path) => `${path}: not listed in kustomization.yaml, so kubectl would never apply it`);
};

const resourcesOf = (
  texts: ReadonlyMap<string, string>,
  kustomization: Kustomization,
  problems: string[],
): Manifest[] =>
  (kustomization.resources ?? []).flatMap((path) => {
    const text = texts.get(path);
    if (text !== undefined) return documentsOf(path, text, problems);
    problems.push(`kustomization.yaml: resource ${path} does not exist`);
    return [];
  });

/** Reads `dir` (deploy/k8s) the way kustomize would: listed resources, then generated ConfigMaps. */
export const loadBundle = (dir: string, composeEdgePath: string): Bundle => {
  const texts = new Map(filesUnder(dir).map((path) => [relative(dir, path), readFileSync(path, 'utf8')]));
  const kustomization = (parseYaml(texts.get('kustomization.yaml') ?? '') ?? {}) as Kustomization;
  const generators = kustomization.configMapGenerator ?? [];
  const problems = unlisted(texts, kustomization);
  const manifests = resourcesOf(texts, kustomization, problems);
  manifests.push(...generators.map((generator) => generated(generator, texts, problems)));
  const platformEnvs = generators.find((g) => g.name === PLATFORM_CONFIG_MAP)?.envs ?? [];
  const settings = parseEnvFile(platformEnvs.map((path) => texts.get(path) ?? '').join('\n'));
  const edge = {
    compose: readFileSync(composeEdgePath, 'utf8'),
    kubernetes: texts.get('edge/nginx.conf') ?? '',
  };
  return { manifests, problems, settings, texts, edge };
};
