import { join } from 'node:path';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { findProtoDir, loadProtos } from './load-protos';
import { fromProtoEnum, toProtoEnum } from './proto-enum';
import { fromTimestamp, toTimestamp } from './timestamp';

describe('loading the gRPC contracts', () => {
  const { intake, workflow } = loadProtos();

  it('finds proto/ at the repository root from any depth below it', () => {
    expect(findProtoDir(join(__dirname, 'generated', 'collab'))).toBe(findProtoDir());
    expect(findProtoDir()).toMatch(/[/\\]proto$/);
  });

  it('says where it looked when there is no proto/ directory', () => {
    expect(() => findProtoDir('/')).toThrow('no proto/ directory');
  });

  it('loads each proto once', () => {
    expect(loadProtos().intake).toBe(intake);
  });

  it.each([
    ['IntakeService', 'SubmitContact', '/collab.intake.v1.IntakeService/SubmitContact', false],
    ['IntakeService', 'GetCase', '/collab.intake.v1.IntakeService/GetCase', false],
    [
      'PartnerCollaborationService',
      'WatchTasks',
      '/collab.workflow.v1.PartnerCollaborationService/WatchTasks',
      true,
    ],
    [
      'PartnerCollaborationService',
      'ReturnTask',
      '/collab.workflow.v1.PartnerCollaborationService/ReturnTask',
      false,
    ],
  ])('%s.%s is served at %s (server stream: %s)', (service, method, path, streams) => {
    const services: Record<string, ServiceDefinition> = {
      IntakeService: intake.IntakeService.service,
      PartnerCollaborationService: workflow.PartnerCollaborationService.service,
    };
    const definition = services[service]?.[method];
    expect(definition?.path).toBe(path);
    expect(definition?.responseStream).toBe(streams);
    expect(definition?.requestStream).toBe(false);
  });

  it('decodes int64 as strings, enums as names and fills defaults, as the generated types say', () => {
    const method = intake.IntakeService.service.SubmitContact;
    const bytes = method.requestSerialize({
      requestId: 'r-1',
      requestType: 'REQUEST_TYPE_FAULT',
      attachments: [{ name: 'bill.pdf', sizeBytes: '9007199254740993' }],
    });
    const decoded = method.requestDeserialize(bytes);
    expect(decoded.requestType).toBe('REQUEST_TYPE_FAULT');
    expect(decoded.audience).toBe('AUDIENCE_UNSPECIFIED');
    expect(decoded.attachments[0]?.sizeBytes).toBe('9007199254740993');
    expect(decoded.subject).toBe('');
    expect(decoded.occurredAt).toBeNull();
  });
});

describe('proto enum names', () => {
  it.each([
    ['REQUEST_TYPE_', 'REQUEST_TYPE_COMPLAINT', 'COMPLAINT'],
    ['REQUEST_TYPE_', 'REQUEST_TYPE_UNSPECIFIED', undefined],
    ['AUDIENCE_', 'REQUEST_TYPE_FAULT', undefined],
  ])('fromProtoEnum(%s, %s) is %s', (prefix, value, bare) => {
    expect(fromProtoEnum(prefix, value)).toBe(bare);
  });

  it('adds the prefix back', () => {
    expect(toProtoEnum('TASK_STATUS_', 'ACCEPTED')).toBe('TASK_STATUS_ACCEPTED');
  });
});

describe('timestamps', () => {
  it('round-trips milliseconds', () => {
    const at = new Date('2026-01-23T08:15:30.123Z');
    const ts = toTimestamp(at);
    expect(ts).toEqual({ seconds: String(Math.floor(at.getTime() / 1000)), nanos: 123_000_000 });
    expect(fromTimestamp({ seconds: String(ts.seconds), nanos: ts.nanos ?? 0 })).toEqual(at);
  });

  it('keeps an unset timestamp unset and rejects nonsense', () => {
    expect(fromTimestamp(null)).toBeUndefined();
    expect(() => toTimestamp('not a date')).toThrow(RangeError);
  });
});
