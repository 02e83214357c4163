import type { Actor } from '@collab/event-store';
import type { SubmitContactInput } from './submit-contact.request';

export class SubmitContact {
  constructor(
    readonly input: SubmitContactInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {}
}

export interface ContactAccepted {
  readonly caseId: string;
  readonly contactId: string;
  readonly status: 'OPEN';
  readonly openedAt: string;
}
