import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync, type Options, type PackageDefinition } from '@grpc/proto-loader';
import type { ProtoGrpcType as IntakeProto } from './generated/intake_service';
import type { ProtoGrpcType as WorkflowProto } from './generated/partner_collaboration_service';
import type { ProtoGrpcType as KnowledgeProto } from './generated/knowledge_service';
import type { ProtoGrpcType as KpiProto } from './generated/kpi_service';
import type { ProtoGrpcType as DataProto } from './generated/data_service';

/**
 * How the protos are turned into JavaScript objects at runtime. The generated types describe
 * exactly this shape, so these options must match tools/generate-grpc-types.sh: camelCase
 * fields, int64 as decimal strings (no precision loss, JSON-safe), enums as their names,
 * defaults filled in, and the name of the set field of every oneof.
 */
export const PROTO_LOADER_OPTIONS: Readonly<Options> = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};

/** Every contract file, relative to the proto root; one line per service. */
export const PROTO_FILES = [
  'collab/intake/v1/intake_service.proto',
  'collab/workflow/v1/partner_collaboration_service.proto',
  'collab/knowledge/v1/knowledge_service.proto',
  'collab/kpi/v1/kpi_service.proto',
  'collab/data/v1/data_service.proto',
] as const;

export interface CollabProtos {
  /** `collab.intake.v1`: `intake.IntakeService.service` is the server definition, `new intake.IntakeService(address, credentials)` a client. */
  readonly intake: IntakeProto['collab']['intake']['v1'];
  /** `collab.workflow.v1`. */
  readonly workflow: WorkflowProto['collab']['workflow']['v1'];
  /** `collab.knowledge.v1`. */
  readonly knowledge: KnowledgeProto['collab']['knowledge']['v1'];
  /** `collab.kpi.v1`. */
  readonly kpi: KpiProto['collab']['kpi']['v1'];
  /** `collab.data.v1`. */
  readonly data: DataProto['collab']['data']['v1'];
  readonly packageDefinition: PackageDefinition;
}

/**
 * Finds `proto/` by walking up from this file, so it works from the sources (ts-node, jest),
 * from a compiled copy at another depth, and in the container image alike.
 * COLLAB_PROTO_DIR overrides the search for layouts where the protos live elsewhere.
 */
export const findProtoDir = (start: string = __dirname): string => {
  const fromEnv = process.env['COLLAB_PROTO_DIR'];
  if (fromEnv) return fromEnv;
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'proto');
    if (existsSync(join(candidate, PROTO_FILES[0]))) return candidate;
    if (dirname(dir) === dir) throw new Error(`no proto/ directory with ${PROTO_FILES[0]} above ${start}`);
  }
};

const loaded = new Map<string, CollabProtos>();

/** Loads every contract once per proto directory and returns the typed package objects. */
export const loadProtos = (protoDir: string = findProtoDir()): CollabProtos => {
  const known = loaded.get(protoDir);
  if (known) return known;
  const packageDefinition = loadSync([...PROTO_FILES], { ...PROTO_LOADER_OPTIONS, includeDirs: [protoDir] });
  // loadPackageDefinition is untyped by design; the generated ProtoGrpcType is the type of its result.
  const root = loadPackageDefinition(packageDefinition) as unknown as IntakeProto & WorkflowProto & KnowledgeProto & KpiProto & DataProto;
  const protos: CollabProtos = {
    intake: root.collab.intake.v1,
    workflow: root.collab.workflow.v1,
    knowledge: root.collab.knowledge.v1,
    kpi: root.collab.kpi.v1,
    data: root.collab.data.v1,
    packageDefinition,
  };
  loaded.set(protoDir, protos);
  return protos;
};
