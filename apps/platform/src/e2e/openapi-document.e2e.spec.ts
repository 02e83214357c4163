import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedPlatform } from './embedded-platform';

/** The copy kept in the repo for the channels' developers (`npm run openapi:generate` writes it). */
const KEPT = path.join(__dirname, '..', '..', '..', '..', 'docs', 'openapi', 'platform.openapi.json');

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
