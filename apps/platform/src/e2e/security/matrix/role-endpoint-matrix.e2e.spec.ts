import { status, type MethodDefinition } from '@grpc/grpc-js';
import { holdsAny, type Grant } from '@collab/domain-kernel';
import { GrpcServer, GrpcServices, policyAdmits, type DeclaredPolicy } from '@collab/service-kit';
import { callStatus } from './grpc-calls';
import { EmbeddedPlatform } from '../../embedded-platform';
import { asPrincipal, matrixCallers, type MatrixCaller } from './callers';
import { declaredPolicies } from './declared-policies';
import { openApiOperations, urlOf, type Operation } from './openapi-operations';
import { ID_KINDS, idOf, ownedFamilies, type OwnedFamily } from './owned-objects';

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

/** The answer's status, and its problem type when it is problem details. */
interface Answer {
  readonly status: number;
  readonly type?: unknown;
}

const problemTypeOf = async (answer: Response): Promise<unknown> => {
  const text = await answer.text();
  if (!answer.headers.get('content-type')?.includes('json')) return undefined;
  try {
    return (JSON.parse(text) as { type?: unknown }).type;
  } catch {
    return undefined;
  }
};

const answerOf = async (answer: Response): Promise<Answer> => {
  // A server-sent event stream admitted its caller once it starts; it never ends by itself.
  if (!answer.headers.get('content-type')?.startsWith('text/event-stream')) return { status: answer.status, type: await problemTypeOf(answer) };
  await answer.body?.cancel();
  return { status: answer.status };
};

const send = async (operation: Operation, who: MatrixCaller, pathValues: Readonly<Record<string, string>> = {}): Promise<Answer> => {
  const headers: Record<string, string> = operation.hasBody ? { 'content-type': 'application/json' } : {};
  if (who.caller) headers['authorization'] = `Bearer ${await platform.token(who.caller)}`;
  try {
    const answer = await fetch(`${platform.baseUrl}${urlOf(operation, pathValues)}`, {
      method: operation.method,
      headers,
      ...(operation.hasBody ? { body: '{}' } : {}),
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
    return await answerOf(answer);
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
          const fits = code !== status.INTERNAL && code !== status.DEADLINE_EXCEEDED && (expected === undefined ? code !== status.UNAUTHENTICATED && code !== status.PERMISSION_DENIED : code === expected);
          if (!fits) wrong.push(`${method.path} as ${who.label}: ${status[code]}`);
        }),
      );
    process.stdout.write(`gRPC matrix: ${methods.length} methods × ${callers.length} callers = ${methods.length * callers.length} calls, ${wrong.length} wrong\n`);
    expect(methods.length).toBeGreaterThanOrEqual(8);
    expect(wrong).toEqual([]);
  });
  /**
   * Where an `{id}` route's objects have an owner (a customer's case, a partner's task), the owner
   * also sends its own id, another owner's and a made-up one: another owner's must be answered
   * exactly as the made-up one (status and problem type), so an id tells nothing; its own never 5xx.
   */
  describe('own, other owner’s and made-up ids', () => {
    let families: OwnedFamily[];
    const ownerOf = (family: OwnedFamily): MatrixCaller => callers.find((who) => who.label === family.ownerLabel)!;

    beforeAll(async () => {
      const byLabel = (label: string) => callers.find((who) => who.label === label)!.caller!;
      families = await ownedFamilies(platform, byLabel('customer'), byLabel('partner-agent (PARTNER)'));
    }, 60_000);

    it('answers another owner’s id as a made-up one on every REST route of an owned object', async () => {
      const cells = families.flatMap((family) =>
        operations.filter((operation) => operation.path === family.pathPrefix || operation.path.startsWith(`${family.pathPrefix}/`)).map((operation) => ({ family, operation })),
      );
      const wrong: string[] = [];
      // The owner must really reach its own objects somewhere, or the comparison proves nothing.
      const ownReached = new Set<string>();
      const started = Date.now();
      for (let i = 0; i < cells.length; i += BATCH / ID_KINDS.length)
        await Promise.all(
          cells.slice(i, i + BATCH / ID_KINDS.length).map(async ({ family, operation }) => {
            const [own, other, madeUp] = await Promise.all(ID_KINDS.map((kind) => send(operation, ownerOf(family), { id: idOf(family, kind) })));
            if (own!.status >= 500) wrong.push(`${operation.key} own id: ${own!.status}`);
            if (own!.status < 300) ownReached.add(family.name);
            if (other!.status !== madeUp!.status || other!.type !== madeUp!.type)
              wrong.push(`${operation.key} as ${family.ownerLabel}: other owner’s ${other!.status} ${String(other!.type)}, made-up ${madeUp!.status} ${String(madeUp!.type)}`);
          }),
        );
      process.stdout.write(`ownership matrix: ${cells.length} routes × ${ID_KINDS.length} ids = ${cells.length * ID_KINDS.length} calls in ${Date.now() - started} ms, ${wrong.length} wrong\n`);
      expect(cells.length).toBeGreaterThanOrEqual(10);
      expect([...ownReached].sort()).toEqual(families.map((family) => family.name).sort());
      expect(wrong).toEqual([]);
    });

    it('answers another owner’s id as a made-up one on every gRPC method naming an owned object', async () => {
      const address = `127.0.0.1:${platform.app.get(GrpcServer).port!}`;
      const fieldsOf = (method: MethodDefinition<unknown, unknown>): string[] =>
        ((method as { requestType?: { type?: { field?: { name: string }[] } } }).requestType?.type?.field ?? []).map((field) => field.name);
      const cells = platform.app
        .get(GrpcServices)
        .registrations.flatMap(({ definition }) => Object.values(definition) as MethodDefinition<unknown, unknown>[])
        .flatMap((method) => families.filter((family) => fieldsOf(method).includes(family.grpcField)).map((family) => ({ method, family })));
      const wrong: string[] = [];
      for (const { method, family } of cells) {
        const authorization = `Bearer ${await platform.token(ownerOf(family).caller!)}`;
        const [own, other, madeUp] = await Promise.all(ID_KINDS.map((kind) => callStatus(address, method, authorization, { [family.grpcField]: idOf(family, kind) })));
        if (own === status.INTERNAL) wrong.push(`${method.path} own id: INTERNAL`);
        if (other !== madeUp) wrong.push(`${method.path} as ${family.ownerLabel}: other owner’s ${status[other!]}, made-up ${status[madeUp!]}`);
      }
      process.stdout.write(`gRPC ownership matrix: ${cells.length} methods × ${ID_KINDS.length} ids = ${cells.length * ID_KINDS.length} calls, ${wrong.length} wrong\n`);
      expect(cells.length).toBeGreaterThanOrEqual(4);
      expect(wrong).toEqual([]);
    });
  });
});
