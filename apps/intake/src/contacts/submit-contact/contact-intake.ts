import { Injectable } from '@nestjs/common';
import { EventIdConflict, WrongExpectedVersion } from '@collab/event-store';
import { ContactDecisions } from './contact-decisions';
import { ContactFactsReader, JoinedCaseNotWrittenYet, type ContactFacts } from './contact-facts';
import type { ContactRequest } from './contact-request';
import { ContactWriter } from './contact-writer';
import type { ContactAccepted } from '../../intake.answers';

/** Enough for twenty identical requests at once, and for the 2 s a store without multi-stream transactions may need. */
const ATTEMPTS = 40;
const NOT_WRITTEN_PAUSE_MS = 50;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Another writer got in between: decide again on fresh reads. With a key, a clash of its ids means an identical request won. */
const retryable = (error: unknown, request: ContactRequest): boolean =>
  error instanceof WrongExpectedVersion ||
  error instanceof JoinedCaseNotWrittenYet ||
  (error instanceof EventIdConflict && request.idempotency !== undefined);

/**
 * One contact, decided on one read of every stream it touches (none for a requester this replica
 * never met, whose streams are presumed new: ContactFactsReader.presumingNew) and written in one
 * multi-stream append: the identities it claims, the customer's stream (which settles races between contacts
 * of one customer), the case it opens or joins, its thread, and with an Idempotency-Key the key's
 * record and answer. A concurrent writer that got in between makes the append fail as a whole; the
 * contact is then read and decided again. Twenty identical requests: one writes, the others find
 * its answer in the key's record when they try again.
 */
@Injectable()
export class ContactIntake {
  constructor(
    private readonly reader: ContactFactsReader,
    private readonly decisions: ContactDecisions,
    private readonly writer: ContactWriter,
  ) {}

  async accept(request: ContactRequest): Promise<ContactAccepted> {
    const presumed = this.reader.presumingNew(request);
    if (presumed) {
      try {
        return await this.attempt(request, presumed);
      } catch (error) {
        // A stream presumed new exists: nothing was written; decide again on what the streams hold.
        if (!(error instanceof WrongExpectedVersion || error instanceof EventIdConflict)) throw error;
      }
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(request);
      } catch (error) {
        if (!retryable(error, request) || attempt >= ATTEMPTS) throw error;
        await pause(error instanceof JoinedCaseNotWrittenYet ? NOT_WRITTEN_PAUSE_MS : Math.random() * attempt * 2);
      }
    }
  }

  /** One attempt, decided on the streams read now, or on the facts presumed without reading (`presumed`). */
  private async attempt(request: ContactRequest, presumed?: ContactFacts): Promise<ContactAccepted> {
    const snapshot = this.reader.snapshot();
    const facts = presumed ?? (await this.reader.read(request, snapshot));
    const decision = await this.decisions.decide(request, facts, snapshot);
    if (decision.kind === 'write') {
      await this.writer.write(decision.appends);
      this.reader.remember(facts);
    }
    return decision.answer;
  }
}
