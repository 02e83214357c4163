import { credentials, Metadata, status, type ClientReadableStream, type ServiceError } from '@grpc/grpc-js';
import { loadProtos, type workflowV1 } from '@collab/contracts';
import { GrpcServer } from '@collab/service-kit';
import type { Caller, EmbeddedPlatform } from '../embedded-platform';

type Unary = 'ListTasks' | 'AcceptTask' | 'AddNote' | 'CompleteTask' | 'ReturnTask';
type Client = InstanceType<ReturnType<typeof loadProtos>['workflow']['PartnerCollaborationService']>;

export interface Answer<Response> {
  readonly response?: Response;
  readonly error?: ServiceError;
}

/** A partner system's client of `collab.workflow.v1.PartnerCollaborationService`, as one caller. */
export class PartnerClient {
  private readonly client: Client;

  constructor(
    private readonly platform: EmbeddedPlatform,
    private readonly caller: Caller,
  ) {
    const { workflow } = loadProtos();
    this.client = new workflow.PartnerCollaborationService(`127.0.0.1:${platform.app.get(GrpcServer).port!}`, credentials.createInsecure());
  }

  close(): void {
    this.client.close();
  }

  async call<Response>(method: Unary, request: object): Promise<Answer<Response>> {
    const metadata = await this.metadata();
    return new Promise((resolve) => {
      const callback = (error: ServiceError | null, response?: Response) => resolve(error ? { error } : { response: response! });
      (this.client[method] as unknown as (r: object, m: Metadata, cb: typeof callback) => void).call(this.client, request, metadata, callback);
    });
  }

  /** Opens WatchTasks; the watch collects what arrives until the test cancels it (a dropped connection). */
  async watch(cursor = ''): Promise<TaskWatch> {
    return new TaskWatch(this.client.WatchTasks({ cursor }, await this.metadata()));
  }

  private async metadata(): Promise<Metadata> {
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${await this.platform.token(this.caller)}`);
    return metadata;
  }
}

export class TaskWatch {
  readonly received: workflowV1.WatchTasksResponse__Output[] = [];
  error: ServiceError | undefined;

  constructor(private readonly stream: ClientReadableStream<workflowV1.WatchTasksResponse__Output>) {
    stream.on('data', (item: workflowV1.WatchTasksResponse__Output) => this.received.push(item));
    stream.on('error', (error: ServiceError) => {
      if (error.code !== status.CANCELLED) this.error = error;
    });
  }

  /** Drops the stream as a client whose connection broke would. */
  drop(): void {
    this.stream.cancel();
  }

  get lastCursor(): string {
    return this.received.at(-1)?.cursor ?? '';
  }

  /** What arrived about one task, in order: `status@version` each. */
  changesOf(taskId: string): string[] {
    return this.received.filter((item) => item.task?.id === taskId).map((item) => `${item.task!.status}@${item.task!.version}`);
  }
}
