import { Client, credentials, Metadata, status, type MethodDefinition, type ServiceError } from '@grpc/grpc-js';

/** Every call answers within this: a unary call by then, a stream with its headers or its refusal. */
const ANSWER_WITHIN_MS = 15_000;

/**
 * How a call ended: its status code (OK when a unary call answered, or when a stream's headers came:
 * the server sends them once the method's policy admitted the caller). DEADLINE_EXCEEDED when
 * neither an answer nor headers came in time.
 */
export const callStatus = (address: string, method: MethodDefinition<unknown, unknown>, authorization?: string, request: object = {}): Promise<status> => {
  const client = new Client(address, credentials.createInsecure());
  const metadata = new Metadata();
  if (authorization) metadata.set('authorization', authorization);
  const done = (code: status) => {
    client.close();
    return code;
  };
  return new Promise<status>((resolve) => {
    if (!method.responseStream) {
      client.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, request, metadata, { deadline: Date.now() + ANSWER_WITHIN_MS }, (error: ServiceError | null) =>
        resolve(done(error ? error.code : status.OK)),
      );
      return;
    }
    const stream = client.makeServerStreamRequest(method.path, method.requestSerialize, method.responseDeserialize, request, metadata);
    let settled = false;
    const settle = (code: status) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (code === status.OK || code === status.DEADLINE_EXCEEDED) stream.cancel();
      resolve(done(code));
    };
    const timer = setTimeout(() => settle(status.DEADLINE_EXCEEDED), ANSWER_WITHIN_MS);
    stream.on('metadata', () => settle(status.OK));
    stream.on('data', () => undefined);
    stream.on('error', (error: ServiceError) => settle(error.code));
    stream.on('end', () => settle(status.OK));
  });
};
