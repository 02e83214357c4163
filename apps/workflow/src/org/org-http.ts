import type { PipeTransform } from '@nestjs/common';
import type { Response } from 'express';
import { AGENT_ID_PATTERN, ORG_ID_PATTERN, type ActorRef } from '@collab/workflow-domain';
import { ValidationFailed, defined, type CommandOrigin } from '@collab/service-kit';

/** A unit, queue or partner id in the path; a malformed one is a 400 naming the parameter. */
export class OrgIdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ORG_ID_PATTERN.test(value))
      throw new ValidationFailed([
        { field: 'id', message: 'must be a lowercase slug such as billing or gd-sz-store' },
      ]);
    return value;
  }
}

/** An agent id (their token subject) in the path. */
export class AgentIdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!AGENT_ID_PATTERN.test(value))
      throw new ValidationFailed([{ field: 'id', message: "must be the agent's token subject" }]);
    return value;
  }
}

/** If-Match `"3"` (the ETag a read gave) → version 3; without it, the change applies to whatever is current. */
export const expectedVersionOf = (ifMatch: string | undefined): { expectedVersion?: number } => {
  if (ifMatch === undefined) return {};
  const match = /^"(\d{1,9})"$/.exec(ifMatch.trim());
  if (!match)
    throw new ValidationFailed([{ field: 'If-Match', message: 'must be the ETag of a version, e.g. "3"' }]);
  return { expectedVersion: Number(match[1]) };
};

/** Sets the ETag of the version the answer shows, and answers the view. */
export const withEtag = <View extends { readonly version: number }>(response: Response, view: View): View => {
  response.setHeader('ETag', `"${view.version}"`);
  return view;
};

/** The business actor the event's data records: the authenticated caller of the request. */
export const actorFrom = (origin: CommandOrigin): ActorRef => ({
  id: origin.actor.id,
  kind: origin.actor.kind,
});

/**
 * What every change of an org entity carries besides its type and id: the fields the body set
 * (a field left out stays as it is), who changes it and why, and the If-Match version it must be at.
 */
export const changeRequestOf = <Body extends { readonly reason?: string | undefined }>(
  body: Body,
  origin: CommandOrigin,
  response: Response,
) => {
  const { reason, ...changes } = defined(body);
  return {
    changes,
    actor: actorFrom(origin),
    ...(reason === undefined ? {} : { reason }),
    ...expectedVersionOf(response.req.get('if-match')),
  };
};
