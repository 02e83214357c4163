import { freePort, freshDatabase, startServiceProcess, type FreshDatabase, type ServiceProcess, ownTopicPrefix } from '@collab/testing';
import { contactIsRoutedAndReadable } from './first-slice.scenario';

const jwtSecret = 'distributed-e2e-secret-0123456789';
const kafkaBrokers = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';

describe('the first slice, distributed (intake and workflow as their own processes, PostgreSQL and Kafka)', () => {
  let database: FreshDatabase;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    database = await freshDatabase('collab_e2e');
    const env = { DATABASE_URL: database.url, KAFKA_BROKERS: kafkaBrokers, AUTH_JWT_SECRET: jwtSecret, KAFKA_PARTITIONS: '3', KAFKA_TOPIC_PREFIX: ownTopicPrefix('first-slice') };
    for (const service of ['intake', 'workflow']) {
      services.push(await startServiceProcess(service, { ...env, GRPC_PORT: String(await freePort()) }, await freePort()));
    }
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await database?.drop();
  });

  it('routes a contact submitted to intake and shows the case, assigned, from workflow', async () => {
    const [intake, workflow] = services;
    await contactIsRoutedAndReadable({ intake: intake!.baseUrl, workflow: workflow!.baseUrl, jwtSecret });
  });
});
