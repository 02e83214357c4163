export * from './load-protos';
export * from './timestamp';
export * from './proto-enum';
/** Every message, enum and service type of `collab.intake.v1`, generated from proto/. */
export * as intakeV1 from './generated/collab/intake/v1';
/** Every message, enum and service type of `collab.workflow.v1`, generated from proto/. */
export * as workflowV1 from './generated/collab/workflow/v1';
/** Every message, enum and service type of `collab.knowledge.v1`, generated from proto/. */
export * as knowledgeV1 from './generated/collab/knowledge/v1';
/** Every message and service type of `collab.kpi.v1`, generated from proto/. */
export * as kpiV1 from './generated/collab/kpi/v1';
/** Every message and service type of `collab.data.v1`, generated from proto/. */
export * as dataV1 from './generated/collab/data/v1';
export type { Timestamp, Timestamp__Output } from './generated/google/protobuf/Timestamp';
