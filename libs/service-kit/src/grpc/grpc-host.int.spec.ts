import {
  credentials,
  Metadata,
  type Client,
  status,
  type ClientReadableStream,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadProtos, workflowV1 } from '@collab/contracts';
import { IllegalTransition, NotFound, ValidationFailed } from '../errors/domain-errors';
import { Unauthenticated, type Authenticator, type Principal } from '../auth/principal';
import { GrpcHost } from './grpc-host';
import { serverStream, unary } from './grpc-handlers';

/** Accepts `Bearer good-<subject>`; the JWT rules themselves are covered by the authenticator's tests. */
const authenticator: Authenticator = {
  authenticate: (header) => {
    if (!header) return Promise.reject(new Unauthenticated('missing authorization header'));
    const subject = /^Bearer good-(.+)$/.exec(header)?.[1];
    if (!subject) return Promise.reject(new Unauthenticated('bad token signature'));
    return Promise.resolve<Principal>({
      subject,
      roles: ['partner-agent'],
      audience: 'PARTNER',
      partner: 'p1',
    });
  },
};

const FAILURES: Record<string, () => Error> = {
  missing: () => new NotFound('case', 'missing'),
  invalid: () => new ValidationFailed([{ field: 'caseId', message: 'must be a UUID' }]),
  closed: () => new IllegalTransition('GetCase', 'closed'),
  broken: () => new Error('connect ECONNREFUSED 10.0.0.7:5432'),
};

const task = (n: number): workflowV1.CollaborationTask => ({
  id: `t-${n}`,
  caseNumber: `C-${n}`,
  status: 'TASK_STATUS_REQUESTED',
});

const watch = { finished: 0, cancelled: 0 };

const ANYONE_ON_TASKS = { ListTasks: ['requester'], WatchTasks: ['requester'], AcceptTask: ['requester'], AddNote: ['requester'], CompleteTask: ['requester'], ReturnTask: ['requester'] } as const;

const { intake, workflow } = loadProtos();
const log = { error: jest.fn() };
const host = new GrpcHost({ authenticator, host: '127.0.0.1', port: 0, log, shutdownTimeoutMs: 2000 })
  .addService(intake.IntakeService.service, {
    SubmitContact: unary((request) =>
      Promise.resolve({ caseId: `case-for-${request.requestId}`, status: 'CASE_STATUS_OPENED' }),
    ),
    GetCase: unary((request, { principal }) => {
      const failure = FAILURES[request.caseId];
      if (failure) return Promise.reject(failure());
      return Promise.resolve({
        case: { id: request.caseId, assignee: principal.subject, version: '9007199254740993' },
      });
    }),
  }, { SubmitContact: ['requester'], GetCase: ['requester'] })
  .addService(workflow.PartnerCollaborationService.service, {
    ListTasks: unary(() => Promise.resolve({ tasks: [task(1)] })),
    WatchTasks: serverStream(async function* (request, { signal }) {
      try {
        for (let n = /^\d+$/.test(request.cursor) ? Number(request.cursor) + 1 : 1; n <= 3; n++)
          yield { cursor: String(n), task: task(n) };
        if (request.cursor === 'fail-after-3') throw new IllegalTransition('WatchTasks', 'revoked');
        // Live tail: nothing more arrives, so wait until the call no longer matters.
        if (request.cursor === 'follow')
          await new Promise((resolve) => signal.addEventListener('abort', resolve));
      } finally {
        watch.finished++;
        if (signal.aborted) watch.cancelled++;
      }
    }),
    AcceptTask: unary(() => Promise.resolve({})),
    AddNote: unary(() => Promise.resolve({})),
    CompleteTask: unary(() => Promise.resolve({})),
    ReturnTask: unary(() => Promise.resolve({})),
  }, ANYONE_ON_TASKS);

const metadataWith = (authorization?: string): Metadata => {
  const metadata = new Metadata();
  if (authorization) metadata.set('authorization', authorization);
  return metadata;
};

const collect = (stream: ClientReadableStream<workflowV1.WatchTasksResponse__Output>) =>
  new Promise<{ cursors: string[]; error?: ServiceError }>((resolve) => {
    const cursors: string[] = [];
    stream.on('data', (item: workflowV1.WatchTasksResponse__Output) => cursors.push(item.cursor));
    stream.on('error', (error: ServiceError) => resolve({ cursors, error }));
    stream.on('end', () => resolve({ cursors }));
  });

/** Every client a test opens, closed at the end so no channel keeps jest alive. */
const clients: Client[] = [];
const track = <C extends Client>(client: C): C => {
  clients.push(client);
  return client;
};

let address: string;
beforeAll(async () => {
  address = `127.0.0.1:${await host.start()}`;
});
afterAll(async () => {
  clients.forEach((client) => client.close());
  await host.shutdown();
});

describe('GrpcHost, unary calls', () => {
  const client = () => track(new intake.IntakeService(address, credentials.createInsecure()));
  const getCase = (caseId: string, authorization?: string) =>
    new Promise<{ error: ServiceError | null; caseView: unknown }>((resolve) =>
      client().getCase({ caseId }, metadataWith(authorization), (error, response) =>
        resolve({ error, caseView: response?.case }),
      ),
    );

  it('passes the authenticated principal to the handler', async () => {
    const { error, caseView } = await getCase('c-1', 'Bearer good-agent-7');
    expect(error).toBeNull();
    expect(caseView).toMatchObject({
      id: 'c-1',
      assignee: 'agent-7',
      version: '9007199254740993',
      openedAt: null,
    });
  });

  it.each<{ name: string; authorization?: string; caseId: string; code: status; details: string }>([
    {
      name: 'no token',
      caseId: 'c-1',
      code: status.UNAUTHENTICATED,
      details: 'missing authorization header',
    },
    {
      name: 'a bad token',
      authorization: 'Bearer forged',
      caseId: 'c-1',
      code: status.UNAUTHENTICATED,
      details: 'bad token signature',
    },
    {
      name: 'an unknown case',
      authorization: 'Bearer good-a',
      caseId: 'missing',
      code: status.NOT_FOUND,
      details: 'case missing was not found',
    },
    {
      name: 'an invalid field',
      authorization: 'Bearer good-a',
      caseId: 'invalid',
      code: status.INVALID_ARGUMENT,
      details: 'invalid caseId: caseId must be a UUID',
    },
    {
      name: 'an illegal transition',
      authorization: 'Bearer good-a',
      caseId: 'closed',
      code: status.FAILED_PRECONDITION,
      details: 'GetCase is not allowed while the case is closed',
    },
    {
      name: 'a fault of ours',
      authorization: 'Bearer good-a',
      caseId: 'broken',
      code: status.INTERNAL,
      details: 'internal error',
    },
  ])('answers $name with its status', async ({ authorization, caseId, code, details }) => {
    const { error } = await getCase(caseId, authorization);
    expect(error?.code).toBe(code);
    expect(error?.details).toBe(details);
  });

  it('logs faults of ours with the method, and never sends their text', async () => {
    log.error.mockClear();
    const { error } = await getCase('broken', 'Bearer good-a');
    expect(error?.details).not.toContain('ECONNREFUSED');
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ method: '/collab.intake.v1.IntakeService/GetCase' }),
      expect.stringContaining('failed'),
    );
  });
});

describe('GrpcHost, server streams', () => {
  const client = () => track(new workflow.PartnerCollaborationService(address, credentials.createInsecure()));

  it('refuses to stream without a token', async () => {
    const { cursors, error } = await collect(client().watchTasks({}, metadataWith()));
    expect(cursors).toEqual([]);
    expect(error).toMatchObject({ code: status.UNAUTHENTICATED, details: 'missing authorization header' });
  });

  it('streams items with cursors and resumes after a cursor', async () => {
    expect(await collect(client().watchTasks({}, metadataWith('Bearer good-a')))).toEqual({
      cursors: ['1', '2', '3'],
    });
    expect(await collect(client().watchTasks({ cursor: '1' }, metadataWith('Bearer good-a')))).toEqual({
      cursors: ['2', '3'],
    });
  });

  it('ends with the status of a failure after the items already sent', async () => {
    const { cursors, error } = await collect(
      client().watchTasks({ cursor: 'fail-after-3' }, metadataWith('Bearer good-a')),
    );
    expect(cursors).toEqual(['1', '2', '3']);
    expect(error?.code).toBe(status.FAILED_PRECONDITION);
  });

  it('stops the handler when the client cancels', async () => {
    const before = { ...watch };
    const stream = client().watchTasks({ cursor: 'follow' }, metadataWith('Bearer good-a'));
    const result = collect(stream);
    await new Promise((resolve) => stream.once('data', resolve));
    stream.cancel();
    expect((await result).error?.code).toBe(status.CANCELLED);
    await waitFor(() => watch.cancelled > before.cancelled);
    expect(watch.finished).toBe(before.finished + 1);
  });
});

describe('GrpcHost lifecycle', () => {
  it('refuses an implementation of the wrong kind', () => {
    const bad = new GrpcHost({ authenticator, port: 0 });
    const implementations = {
      ListTasks: unary(() => Promise.resolve({})),
      WatchTasks: unary(() => Promise.resolve({})),
      AcceptTask: unary(() => Promise.resolve({})),
      AddNote: unary(() => Promise.resolve({})),
      CompleteTask: unary(() => Promise.resolve({})),
      ReturnTask: unary(() => Promise.resolve({})),
    };
    expect(() =>
      bad.addService(workflow.PartnerCollaborationService.service, implementations as never, ANYONE_ON_TASKS),
    ).toThrow(
      'WatchTasks (/collab.workflow.v1.PartnerCollaborationService/WatchTasks) must be implemented with serverStream()',
    );
  });

  it('refuses a service whose policy leaves a method out: nobody would be admitted by default', () => {
    const bad = new GrpcHost({ authenticator, port: 0 });
    const implementations = { SubmitContact: unary(() => Promise.resolve({})), GetCase: unary(() => Promise.resolve({})) };
    expect(() => bad.addService(intake.IntakeService.service, implementations, { SubmitContact: ['requester'] } as never)).toThrow(
      'no policy for /collab.intake.v1.IntakeService/GetCase',
    );
  });

  it('answers PERMISSION_DENIED when the policy does not admit the caller, before the handler runs', async () => {
    const handled = jest.fn(() => Promise.resolve({}));
    const guardedHost = new GrpcHost({ authenticator, host: '127.0.0.1', port: 0 }).addService(
      intake.IntakeService.service,
      { SubmitContact: unary(handled), GetCase: unary(handled) },
      { SubmitContact: ['channel', 'staff'], GetCase: [] },
    );
    const port = await guardedHost.start();
    const client = track(new intake.IntakeService(`127.0.0.1:${port}`, credentials.createInsecure()));
    const call = (method: 'submitContact' | 'getCase') =>
      new Promise<ServiceError | null>((resolve) =>
        (client[method] as (r: object, m: Metadata, cb: (e: ServiceError | null) => void) => void).call(client, {}, metadataWith('Bearer good-a'), resolve),
      );
    try {
      expect((await call('submitContact'))?.code).toBe(status.PERMISSION_DENIED);
      expect((await call('getCase'))?.code).toBe(status.PERMISSION_DENIED);
      expect(handled).not.toHaveBeenCalled();
    } finally {
      await guardedHost.shutdown();
    }
  });

  it('ends open streams with UNAVAILABLE and shuts down well within its bound', async () => {
    const second = new GrpcHost({
      authenticator,
      host: '127.0.0.1',
      port: 0,
      shutdownTimeoutMs: 10_000,
    }).addService(workflow.PartnerCollaborationService.service, {
      ListTasks: unary(() => Promise.resolve({})),
      WatchTasks: serverStream(async function* (_request, { signal }) {
        yield { cursor: '1' };
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
      }),
      AcceptTask: unary(() => Promise.resolve({})),
      AddNote: unary(() => Promise.resolve({})),
      CompleteTask: unary(() => Promise.resolve({})),
      ReturnTask: unary(() => Promise.resolve({})),
    }, ANYONE_ON_TASKS);
    const port = await second.start();
    const stream = track(
      new workflow.PartnerCollaborationService(`127.0.0.1:${port}`, credentials.createInsecure()),
    ).watchTasks({}, metadataWith('Bearer good-a'));
    const result = collect(stream);
    await new Promise((resolve) => stream.once('data', resolve));
    const started = Date.now();
    await second.shutdown();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await result).toMatchObject({ cursors: ['1'], error: { code: status.UNAVAILABLE } });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
