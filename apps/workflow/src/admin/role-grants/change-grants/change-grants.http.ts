import { Body, Controller, Delete, Headers, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Allow, Answers, CurrentPrincipal, originOf, type Principal } from '@collab/service-kit';
import { RoleGrantBook } from '../role-grant-book';
import { userGrantsOf, userGrantsSchema, type UserGrants } from '../role-grants.answers';

const reasonSchema = z.strictObject({
  reason: z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(z.string().min(1, { message: 'must not be empty' }).max(500, { message: 'must be at most 500 characters' }))
    .optional(),
});
class GrantReason extends createZodDto(reasonSchema) {}

/** Whose grant, in which unit, of which role: the path. The decider checks them (400 naming each). */
const targetSchema = z.strictObject({ userId: z.string(), unit: z.string(), role: z.string().max(64, { message: 'must be at most 64 characters' }) });
class GrantTarget extends createZodDto(targetSchema) {}

const PATH = ':userId/units/:unit/roles/:role';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/grants')
export class ChangeGrantsHttp {
  constructor(private readonly book: RoleGrantBook) {}

  /**
   * Grants a role to a user within a unit, for tokens that do not carry it: a request whose token
   * names the user (and that unit, or no unit) is admitted as if the token had the role. A role the
   * access policy does not know is refused (400 naming `role`). Granting a held role changes nothing.
   */
  @Answers(userGrantsSchema, { description: "The user's grants, the new one among them." })
  @Put(PATH)
  @Allow('admin')
  async grant(
    @Param() { userId, unit, role }: GrantTarget,
    @Body() body: GrantReason,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<UserGrants> {
    const origin = originOf(principal, correlationId);
    const state = await this.book.change({ type: 'GrantRole', userId, unit, role, actor: origin.actor, reason: body.reason ?? null }, origin);
    return userGrantsOf(userId, state);
  }

  /** Takes a grant back; the user's next request no longer has the role (404 when they do not hold it). */
  @Answers(userGrantsSchema, { description: "The user's grants, without this one." })
  @Delete(PATH)
  @HttpCode(200)
  @Allow('admin')
  async revoke(
    @Param() { userId, unit, role }: GrantTarget,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<UserGrants> {
    const origin = originOf(principal, correlationId);
    const state = await this.book.change({ type: 'RevokeRole', userId, unit, role, actor: origin.actor, reason: null }, origin);
    return userGrantsOf(userId, state);
  }
}
