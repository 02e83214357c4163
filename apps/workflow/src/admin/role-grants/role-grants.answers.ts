import { z } from 'zod';
import { answerSchema, instant, listPageSchema } from '@collab/service-kit';
import type { HeldGrant, RoleGrantState } from '@collab/workflow-domain';

const heldGrantSchema = answerSchema(
  'RoleGrant',
  z.strictObject({
    unit: z.string(),
    role: z.string(),
    grantedAt: instant,
    grantedBy: z.string().meta({ description: 'Who granted it (the subject of their token).' }),
  }),
);

export const userGrantsSchema = answerSchema(
  'UserRoleGrants',
  z.strictObject({
    userId: z.string(),
    version: z.number().int().meta({ description: 'How many grants and revocations the user has had.' }),
    grants: z.array(heldGrantSchema),
  }),
);
export type UserGrants = z.infer<typeof userGrantsSchema>;

export const grantListSchema = listPageSchema('RoleGrantList', heldGrantSchema);

export const userGrantsOf = (userId: string, state: RoleGrantState): UserGrants => ({
  userId,
  version: state.version,
  grants: state.grants.map(({ unit, role, grantedAt, grantedBy }: HeldGrant) => ({ unit, role, grantedAt, grantedBy })),
});
