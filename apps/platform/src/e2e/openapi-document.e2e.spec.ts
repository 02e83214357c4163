import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { EmbeddedPlatform } from './embedded-platform';

/** The copy kept in the repo for the channels' developers (`npm run openapi:generate` writes it). */
const ROOT = path.join(__dirname, '..', '..', '..', '..');
const KEPT = path.join(ROOT, 'docs', 'openapi', 'platform.openapi.json');
/** The types of the e2e tests' REST client (platformClient), generated from the same document. */
const KEPT_TYPES = path.join(ROOT, 'libs', 'testing', 'src', 'rest', 'generated', 'platform-api.d.ts');

/** openapi-typescript loads ES modules jest cannot: the types come from a process of their own. */
const typesOf = async (document: unknown): Promise<string> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'collab-openapi-types-'));
  try {
    await writeFile(path.join(dir, 'document.json'), JSON.stringify(document));
    return execFileSync(process.execPath, ['-r', './tools/register.js', 'apps/platform/src/openapi/openapi-types.main.ts', path.join(dir, 'document.json')], { cwd: ROOT, encoding: 'utf8' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

type Parameter = { name: string; in: string; required?: boolean; description?: string };
type Response = { content?: Record<string, { schema?: unknown }> };
type Operations = Record<string, Record<string, { parameters?: Parameter[]; responses?: Record<string, Response> }>>;

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };

describe('the served OpenAPI document', () => {
  let platform: EmbeddedPlatform;
  let served: { openapi: string; paths: Operations };
  let paths: Operations;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start();
    const response = await fetch(`${platform.baseUrl}/api/docs/openapi.json`);
    served = (await response.json()) as typeof served;
    paths = served.paths;
  }, 60_000);
  afterAll(() => platform?.stop());

  it('is OpenAPI 3.1 and equals the copy kept in docs/openapi (run `npm run openapi:generate` after changing the REST surface)', async () => {
    const kept = JSON.parse(await readFile(KEPT, 'utf8')) as unknown;
    expect(served.openapi).toBe('3.1.0');
    expect(served).toEqual(kept);
  });

  it('types the e2e tests\' REST client from the same document (libs/testing/src/rest/generated)', async () =>
    expect(await readFile(KEPT_TYPES, 'utf8')).toBe(await typesOf(served)), 60_000);

  const headersOf = (path: string, method: string): Parameter[] => (paths[path]?.[method]?.parameters ?? []).filter((parameter) => parameter.in === 'header');

  it('POST /api/v1/contacts lists Idempotency-Key once, optional, and x-correlation-id optional', () => {
    expect(headersOf('/api/v1/contacts', 'post').map(({ name, required }) => ({ name: name.toLowerCase(), required })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'idempotency-key', required: false },
      { name: 'x-correlation-id', required: false },
    ]);
  });

  it('no operation lists a header twice (names are case-insensitive), and none requires the correlation id', () => {
    const operations = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method, headers: headersOf(path, method) })));
    expect(operations.length).toBeGreaterThan(50);
    const problems = operations.flatMap(({ path, method, headers }) => {
      const names = headers.map(({ name }) => name.toLowerCase());
      return [
        ...(new Set(names).size === names.length ? [] : [`${method} ${path} lists ${names.join(', ')}`]),
        ...headers.filter(({ name, required }) => name.toLowerCase() === 'x-correlation-id' && required !== false).map(() => `${method} ${path} requires x-correlation-id`),
      ];
    });
    expect(problems).toEqual([]);
  });

  const operations = () => Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, responses: operation.responses ?? {} })));

  // Every operation, including those added later (KPI, data, customer profile, knowledge): declare
  // the answer with @Answers(schema, { problems }) from @collab/service-kit.
  it('declares for every operation its 2xx answer with a schema (or a 204), so generated clients know what they get', () => {
    const undeclared = operations().filter(({ responses }) =>
      !Object.entries(responses).some(([status, response]) => status === '204' || (/^2\d\d$/.test(status) && Object.values(response.content ?? {}).some(({ schema }) => schema !== undefined))),
    );
    expect(undeclared.map(({ name }) => name)).toEqual([]);
  });

  it('declares for every operation its errors as RFC 9457 problem details, and no error in another shape', () => {
    const withoutProblems = operations().filter(({ responses }) => !Object.keys(responses).some((status) => Number(status) >= 400));
    const otherShapes = operations().flatMap(({ name, responses }) =>
      Object.entries(responses)
        .filter(([status, response]) => Number(status) >= 400 && JSON.stringify(response.content) !== JSON.stringify(PROBLEM))
        .map(([status]) => `${name} ${status}`),
    );
    expect({ withoutProblems: withoutProblems.map(({ name }) => name), otherShapes }).toEqual({ withoutProblems: [], otherShapes: [] });
  });

  it('declares the ProblemDetails schema once, as RFC 9457 has it', () =>
    expect((served as unknown as { components: { schemas: Record<string, { required?: string[] }> } }).components.schemas['ProblemDetails']?.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail']),
    ));
});
