import { Client, credentials, Metadata, status, type MethodDefinition, type ServiceError } from '@grpc/grpc-js';

/** How a call ended: its status code (OK when a unary call answered or a stream stayed open). */
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
      client.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, request, metadata, { deadline: Date.now() + 5_000 }, (error: ServiceError | null) =>
        resolve(done(error ? error.code : status.OK)),
      );
      return;
    }
    const stream = client.makeServerStreamRequest(method.path, method.requestSerialize, method.responseDeserialize, request, metadata);
    // A stream that is still open after a moment was admitted; refusals arrive at once.
    const timer = setTimeout(() => {
      stream.cancel();
      resolve(done(status.OK));
    }, 500);
    stream.on('data', () => undefined);
    stream.on('error', (error: ServiceError) => {
      clearTimeout(timer);
      resolve(done(error.code));
    });
    stream.on('end', () => {
      clearTimeout(timer);
      resolve(done(status.OK));
    });
  });
};
