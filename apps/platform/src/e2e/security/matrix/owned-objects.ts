import type { Caller, EmbeddedPlatform } from '../../embedded-platform';
import { LifecycleSteps, frontLineAgent } from '../../workflow/lifecycle-steps';
import { MADE_UP_UUID } from './openapi-operations';

/** One family of `{id}` routes whose objects have an owner, and that owner's caller as the matrix has it. */
export interface OwnedFamily {
  readonly name: string;
  /** The REST path every route of the family starts with, e.g. `/api/v1/cases/{id}`. */
  readonly pathPrefix: string;
  /** The gRPC request field that names the object (camelCase, as grpc-js decodes it). */
  readonly grpcField: string;
  /** The matrix caller's label that owns `own`. */
  readonly ownerLabel: string;
  readonly own: string;
  readonly others: string;
}

/** Which id a cell sends: the caller's own object, another owner's, or one that does not exist. */
export const ID_KINDS = ['own', 'other owner’s', 'made-up'] as const;
export type IdKind = (typeof ID_KINDS)[number];

export const idOf = (family: OwnedFamily, kind: IdKind): string =>
  kind === 'own' ? family.own : kind === 'other owner’s' ? family.others : MADE_UP_UUID;

const OWNER = 'matrix-case-owner';

/** A complaint of `requester`, in progress, whose owner asked `partner` for help: answers the case and the task. */
const taskHeldBy = async (steps: LifecycleSteps, requester: string, partner: string): Promise<{ caseId: string; taskId: string }> => {
  const caseId = await steps.caseAt('in-progress', requester, OWNER);
  const asked = await steps.act(caseId, 'collaborations', frontLineAgent(OWNER), { to: { kind: 'PARTNER', id: partner }, reason: 'matrix: please check' });
  if (asked.status !== 201) throw new Error(`asking ${partner} answered ${asked.status}: ${JSON.stringify(asked.body)}`);
  return { caseId, taskId: String(asked.body['taskId']) };
};

/**
 * Objects with two different owners, made through the public API: the matrix customer's case and
 * another customer's; a task held by the matrix partner and one held by another partner. The
 * callers are the matrix's own (`customer`, `partner-agent (PARTNER)`), so the cells reuse them.
 */
export const ownedFamilies = async (platform: EmbeddedPlatform, customer: Caller, partner: Caller): Promise<OwnedFamily[]> => {
  const steps = new LifecycleSteps(platform);
  await steps.enrolAgent(OWNER, 'complaints');
  const otherPartner = `${partner.partner ?? 'matrix-partner'}-other`;
  await steps.registerPartner(partner.partner ?? 'matrix-partner', 'GD-SZ');
  await steps.registerPartner(otherPartner, 'GD-SZ');
  const [mine, theirs] = await Promise.all([taskHeldBy(steps, customer.sub, partner.partner ?? ''), taskHeldBy(steps, `${customer.sub}-other`, otherPartner)]);
  return [
    { name: 'cases', pathPrefix: '/api/v1/cases/{id}', grpcField: 'caseId', ownerLabel: 'customer', own: mine.caseId, others: theirs.caseId },
    { name: 'tasks', pathPrefix: '/api/v1/tasks/{id}', grpcField: 'taskId', ownerLabel: 'partner-agent (PARTNER)', own: mine.taskId, others: theirs.taskId },
  ];
};
