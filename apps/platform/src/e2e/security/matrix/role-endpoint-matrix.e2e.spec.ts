import { status, type MethodDefinition } from '@grpc/grpc-js';
import { holdsAny, type Grant } from '@collab/domain-kernel';
import { GrpcServer, GrpcServices, policyAdmits, type DeclaredPolicy } from '@collab/service-kit';
import { callStatus } from './grpc-calls';
import { EmbeddedPlatform } from '../../embedded-platform';
import { asPrincipal, matrixCallers, type MatrixCaller } from './callers';
import { declaredPolicies } from './declared-policies';
import { openApiOperations, urlOf, type Operation } from './openapi-operations';

interface Cell {
  readonly operation: string;
  readonly caller: string;
  readonly status: number;
  readonly expected: string;
}

/** What the declared policy promises this caller: a status it must get, or a set it must avoid. */
const expectation = (policy: DeclaredPolicy, who: MatrixCaller): { exactly?: number; not: readonly number[]; label: string } => {
  if (policy && 'public' in policy) return { not: [401, 403], label: 'public: any answer but 401/403' };
  if (!who.caller) return { exactly: 401, not: [], label: '401 without a token' };
  if (!policyAdmits(asPrincipal(who.caller), policy)) return { exactly: 403, not: [], label: '403: the policy does not admit it' };
  return { not: [401], label: 'admitted: past the guard (never 401)' };
};

const BATCH = 16;

let platform: EmbeddedPlatform;

/** Only the status matters here (some answers are not JSON: /metrics, the docs). */
/** Every call answers within this, or its cell is wrong. */
const ANSWER_WITHIN_MS = 15_000;

const send = async (operation: Operation, who: MatrixCaller): Promise<{ status: number }> => {
  const headers: Record<string, string> = operation.hasBody ? { 'content-type': 'application/json' } : {};
  if (who.caller) headers['authorization'] = `Bearer ${await platform.token(who.caller)}`;
  try {
    const answer = await fetch(`${platform.baseUrl}${urlOf(operation)}`, {
      method: operation.method,
      headers,
      ...(operation.hasBody ? { body: '{}' } : {}),
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
    // A server-sent event stream admitted its caller once it starts; it never ends by itself.
    if (answer.headers.get('content-type')?.startsWith('text/event-stream')) await answer.body?.cancel();
    else await answer.arrayBuffer();
    return { status: answer.status };
  } catch (error) {
    // No answer in time: reported as a cell gone wrong (599), not as the whole test timing out.
    if (error instanceof DOMException && error.name === 'TimeoutError') return { status: 599 };
    throw error;
  }
};

/**
 * Generated from the committed OpenAPI document (every operation, with made-up ids) and the
 * policy table (every role): an endpoint added by any service is in the matrix without an edit.
 */
describe('role × endpoint matrix, embedded platform', () => {
  let policies: Map<string, DeclaredPolicy>;
  const operations = openApiOperations();
  const callers = matrixCallers();

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start();
    policies = declaredPolicies(platform.app);
  });
  afterAll(() => platform?.stop());

  it('finds a served route declaring a policy for every operation of the document', () => {
    const undeclared = operations.filter((operation) => policies.get(operation.key) === undefined).map((operation) => operation.key);
    expect(undeclared).toEqual([]);
    expect(operations.length).toBeGreaterThan(90);
  });

  it('answers every role on every operation as its policy says, and never 5xx', async () => {
    const cells: { operation: Operation; who: MatrixCaller }[] = operations.flatMap((operation) => callers.map((who) => ({ operation, who })));
    const wrong: Cell[] = [];
    const started = Date.now();
    for (let i = 0; i < cells.length; i += BATCH) {
      await Promise.all(
        cells.slice(i, i + BATCH).map(async ({ operation, who }) => {
          const answer = await send(operation, who);
          const expected = expectation(policies.get(operation.key), who);
          const fits = answer.status < 500 && (expected.exactly === undefined || answer.status === expected.exactly) && !expected.not.includes(answer.status);
          if (!fits) wrong.push({ operation: operation.key, caller: who.label, status: answer.status, expected: expected.label });
        }),
      );
    }
    process.stdout.write(`role × endpoint matrix: ${operations.length} operations × ${callers.length} callers = ${cells.length} calls in ${Date.now() - started} ms, ${wrong.length} wrong\n`);
    expect(wrong).toEqual([]);
  });

  it('answers every role on every gRPC method as its policy says, and never INTERNAL', async () => {
    const address = `127.0.0.1:${platform.app.get(GrpcServer).port!}`;
    const methods = platform.app
      .get(GrpcServices)
      .registrations.flatMap(({ definition, policy }) =>
        Object.entries(definition).map(([name, method]) => ({ method: method as MethodDefinition<unknown, unknown>, allowed: (policy as Record<string, readonly Grant[]>)[name] ?? [] })),
      );
    const wrong: string[] = [];
    for (const { method, allowed } of methods)
      await Promise.all(
        callers.map(async (who) => {
          const code = await callStatus(address, method, who.caller ? `Bearer ${await platform.token(who.caller)}` : undefined);
          const admitted = who.caller !== undefined && holdsAny(asPrincipal(who.caller), allowed);
          const expected = !who.caller ? status.UNAUTHENTICATED : admitted ? undefined : status.PERMISSION_DENIED;
          const fits = code !== status.INTERNAL && (expected === undefined ? code !== status.UNAUTHENTICATED && code !== status.PERMISSION_DENIED : code === expected);
          if (!fits) wrong.push(`${method.path} as ${who.label}: ${status[code]}`);
        }),
      );
    process.stdout.write(`gRPC matrix: ${methods.length} methods × ${callers.length} callers = ${methods.length * callers.length} calls, ${wrong.length} wrong\n`);
    expect(methods.length).toBeGreaterThanOrEqual(8);
    expect(wrong).toEqual([]);
  });
});
