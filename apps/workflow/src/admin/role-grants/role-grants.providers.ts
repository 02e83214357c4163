import type { Provider, Type } from '@nestjs/common';
import { ROLE_GRANT_SOURCE } from '@collab/service-kit';
import { ChangeGrantsHttp } from './change-grants/change-grants.http';
import { ReadGrantsHttp } from './read-grants/read-grants.http';
import { RoleGrantBook } from './role-grant-book';

/** Role grants over REST (/api/v1/admin/grants), and the source the auth guard adds granted roles from. */
export const ROLE_GRANTS_PROVIDERS: readonly Provider[] = [RoleGrantBook, { provide: ROLE_GRANT_SOURCE, useExisting: RoleGrantBook }];
export const ROLE_GRANTS_CONTROLLERS: readonly Type[] = [ReadGrantsHttp, ChangeGrantsHttp];
export const ROLE_GRANTS_ENTITIES: readonly Type[] = [];
