import { Client, credentials, Metadata, status, type MethodDefinition, type ServiceError } from '@grpc/grpc-js';
import fc from 'fast-check';
import type { Grant } from '@collab/domain-kernel';
import { holdsAny } from '@collab/domain-kernel';
import { GrpcServer, GrpcServices, HostedServices, policyAdmits } from '@collab/service-kit';
import { EmbeddedPlatform, type Caller } from '../../embedded-platform';
import { asPrincipal, matrixCallers } from '../matrix/callers';
import { declaredPolicies } from '../matrix/declared-policies';
import { openApiOperations, urlOf, type Operation } from '../matrix/openapi-operations';
import { hostileBody, hostileValue, poison } from './hostile-values';
import { bodyFieldsOf, protoFieldsOf } from './request-fields';

const REST_CALLS = 10_000;
const GRPC_CALLS = 2_000;
const CONCURRENCY = 32;
const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2_147_483_647);

const runBatched = async <T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
};

/** A caller the policy admits, so the payload reaches validation rather than the guard. */
const admittedCaller = (admits: (caller: Caller) => boolean): Caller | undefined =>
  matrixCallers().find((who) => who.caller !== undefined && admits(who.caller))?.caller;

/**
 * fast-check fuzzing through the public surface (issue 13): hostile payloads for every write
 * operation of the OpenAPI document and every unary gRPC method; every one carries text no store
 * may hold, so every one must be refused — never 5xx or INTERNAL — and no event log moves.
 * Reproduce a run with FUZZ_SEED=<the seed it printed>.
 */
describe('hostile payloads, embedded platform', () => {
  let platform: EmbeddedPlatform;
  const heads = async () => Promise.all(platform.app.get(HostedServices).all().map(async ({ store }) => String(await store.headPosition())));

  beforeAll(async () => {
    process.stdout.write(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} to reproduce)\n`);
    platform = await EmbeddedPlatform.start();
  });
  afterAll(() => platform?.stop());

  it(`refuses ${REST_CALLS} hostile REST bodies across every write operation, storing nothing`, async () => {
    const policies = declaredPolicies(platform.app);
    const writes = openApiOperations()
      .filter((operation) => operation.hasBody)
      .map((operation) => ({ operation, caller: admittedCaller((caller) => policyAdmits(asPrincipal(caller), policies.get(operation.key))), fields: bodyFieldsOf(operation.method, operation.path) }));
    const perOperation = Math.ceil(REST_CALLS / writes.length);
    const calls = writes.flatMap(({ operation, caller, fields }, i) =>
      fc.sample(hostileBody(fields), { seed: SEED + i, numRuns: perOperation }).map((body) => ({ operation, caller, body })),
    );
    const before = await heads();
    const started = Date.now();
    const statuses = new Map<number, number>();
    const faults: string[] = [];
    await runBatched(calls, async ({ operation, caller, body }: { operation: Operation; caller: Caller | undefined; body: unknown }) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (caller) headers['authorization'] = `Bearer ${await platform.token(caller)}`;
      const answer = await fetch(`${platform.baseUrl}${urlOf(operation)}`, { method: operation.method, headers, body: JSON.stringify(body) });
      await answer.arrayBuffer();
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status >= 500 || answer.status < 400) faults.push(`${operation.key} ${answer.status}: ${JSON.stringify(body).slice(0, 200)}`);
    });
    process.stdout.write(`REST fuzz: ${calls.length} calls over ${writes.length} write operations in ${Date.now() - started} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}\n`);
    expect(calls.length).toBeGreaterThanOrEqual(REST_CALLS);
    expect(faults.slice(0, 10)).toEqual([]);
    expect(await heads()).toEqual(before);
  });

  it(`refuses ${GRPC_CALLS} hostile gRPC requests (poisoned fields, bad enums, undecodable bytes) with no INTERNAL, storing nothing`, async () => {
    const address = `127.0.0.1:${platform.app.get(GrpcServer).port!}`;
    const unary = platform.app
      .get(GrpcServices)
      .registrations.flatMap(({ definition, policy }) =>
        Object.entries(definition).map(([name, method]) => ({ method: method as MethodDefinition<unknown, unknown>, allowed: (policy as Record<string, readonly Grant[]>)[name] ?? [] })),
      )
      .filter(({ method }) => !method.responseStream)
      .map(({ method, allowed }) => ({ method, caller: admittedCaller((caller) => holdsAny(asPrincipal(caller), allowed)) }));
    const perMethod = Math.ceil(GRPC_CALLS / unary.length);
    const client = new Client(address, credentials.createInsecure());
    const before = await heads();
    const started = Date.now();
    const codes = new Map<string, number>();
    const faults: string[] = [];
    const calls = unary.flatMap(({ method, caller }, i) => {
      const fields = protoFieldsOf(method);
      const strings = fields.filter((field) => field.type === 'TYPE_STRING').map((field) => field.name);
      const request = fc.record({
        values: fc.array(fc.oneof(hostileValue, fc.integer({ min: -5, max: 1000 })), { minLength: fields.length, maxLength: fields.length }),
        poisoned: strings.length > 0 ? fc.constantFrom(...strings) : fc.constant(undefined),
        text: poison,
        raw: fc.option(fc.uint8Array({ minLength: 1, maxLength: 64 }), { freq: 4 }),
      });
      return fc.sample(request, { seed: SEED + 1000 + i, numRuns: perMethod }).map((sample) => ({ method, caller, sample, fields }));
    });
    await runBatched(calls, async ({ method, caller, sample, fields }) => {
      const metadata = new Metadata();
      if (caller) metadata.set('authorization', `Bearer ${await platform.token(caller)}`);
      // Undecodable bytes go as they are; otherwise each field gets a hostile value the serializer can carry.
      const message = Object.fromEntries(fields.map((field, i) => [field.name, sample.values[i]]));
      // A repeated string field carries the poison as one of its items (a bare string would not serialize: a client-side fault, not the server's).
      const poisonOf = (name: string): unknown => (fields.find((field) => field.name === name)?.label === 'LABEL_REPEATED' ? [sample.text] : sample.text);
      if (sample.poisoned) message[sample.poisoned] = poisonOf(sample.poisoned);
      const encode = (value: unknown): Buffer => {
        if (sample.raw) return Buffer.from(sample.raw);
        try {
          return method.requestSerialize(value);
        } catch {
          return method.requestSerialize(sample.poisoned ? { [sample.poisoned]: poisonOf(sample.poisoned) } : {});
        }
      };
      const code = await new Promise<status>((resolve) =>
        client.makeUnaryRequest(method.path, encode, method.responseDeserialize, message, metadata, { deadline: Date.now() + 10_000 }, (error: ServiceError | null) => resolve(error ? error.code : status.OK)),
      );
      codes.set(status[code], (codes.get(status[code]) ?? 0) + 1);
      if (code === status.INTERNAL || code === status.UNKNOWN || code === status.DEADLINE_EXCEEDED) faults.push(`${method.path} ${status[code]}`);
    });
    client.close();
    process.stdout.write(`gRPC fuzz: ${calls.length} calls over ${unary.length} unary methods in ${Date.now() - started} ms; codes ${JSON.stringify(Object.fromEntries(codes))}\n`);
    expect(calls.length).toBeGreaterThanOrEqual(GRPC_CALLS);
    expect(faults.slice(0, 10)).toEqual([]);
    expect(await heads()).toEqual(before);
  });
});
