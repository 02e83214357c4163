import { EventIdConflict, WrongExpectedVersion, deterministicEventId, type AggregateStreams } from '@collab/event-store';
import { Conflict, IllegalTransition, type DecisionContext, type DomainEvent } from '@collab/domain-kernel';

/** The stream already holds what the seed would write: seeded before, or made first by an administrator. */
const alreadyThere = (error: unknown): boolean =>
  error instanceof IllegalTransition || error instanceof Conflict || error instanceof WrongExpectedVersion || error instanceof EventIdConflict;

/**
 * Writes one default (a channel, a category, a calendar) at start, once. A stream that exists is
 * left as it is, so an administrator's changes survive restarts; the event ids derive from what is
 * seeded, so two replicas seeding at the same moment write it once. True when this call wrote it.
 */
export const seedOnce = async <Command, Event extends DomainEvent, State>(
  streams: AggregateStreams<Command, Event, State, DecisionContext>,
  seed: { readonly streamId: string; readonly command: Command; readonly now: Date; readonly key: string; readonly seededBy: string },
): Promise<boolean> => {
  try {
    await streams.handle(seed.streamId, seed.command, { now: seed.now }, {
      metadata: { correlationId: deterministicEventId('seed', seed.key), actor: { id: seed.seededBy, kind: 'system' } },
      eventIdFor: (_event, index) => deterministicEventId('seed', index === 0 ? seed.key : `${seed.key}/${index}`),
    });
    return true;
  } catch (error) {
    if (alreadyThere(error)) return false;
    throw error;
  }
};
