import { join } from 'node:path';
import { credentials, loadPackageDefinition, Metadata, type GrpcObject, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { FIELD_ERRORS_TRAILER } from '@collab/service-kit';

const PROTO_DIR = join(__dirname, '..', '..', '..', '..', '..', 'proto');

export interface GrpcAnswer<Response> {
  readonly response?: Response;
  readonly error?: ServiceError;
}

/** The fields an INVALID_ARGUMENT names, sorted. */
export const fieldsOf = (answer: GrpcAnswer<unknown>): string[] =>
  (JSON.parse(String(answer.error?.metadata.get(FIELD_ERRORS_TRAILER)[0] ?? '[]')) as { field: string }[]).map((error) => error.field).sort();

/**
 * A client as a partner system would build it: from one file of proto/ and the generic loader,
 * with none of the platform's code (no generated types, no shared loader options beyond the
 * common ones: camelCase fields, enums and int64 as strings, defaults filled in).
 */
export class OutsiderClient {
  private readonly Service: ServiceClientConstructor;

  constructor(file: string, service: string, private readonly address: string) {
    const definition = loadSync(file, { includeDirs: [PROTO_DIR], keepCase: false, longs: String, enums: String, defaults: true, oneofs: true });
    const found = service.split('.').reduce<unknown>((at, part) => (at as GrpcObject)[part], loadPackageDefinition(definition));
    this.Service = found as ServiceClientConstructor;
  }

  async call<Response>(method: string, request: object, token: string): Promise<GrpcAnswer<Response>> {
    const client = new this.Service(this.address, credentials.createInsecure());
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${token}`);
    try {
      return await new Promise((resolve) => {
        const callback = (error: ServiceError | null, response?: Response) => resolve(error ? { error } : { response: response! });
        (client[method] as (r: object, m: Metadata, o: object, cb: typeof callback) => void).call(client, request, metadata, { deadline: Date.now() + 10_000 }, callback);
      });
    } finally {
      client.close();
    }
  }
}
