import { EventIdConflict, WrongExpectedVersion, deterministicEventId } from '@collab/event-store';
import { Conflict, IllegalTransition, type DomainEvent } from '@collab/domain-kernel';
import type { CommandHandler } from '../commands/command-handler';

/** The stream already holds what the seed would write: seeded before, or made first by an administrator. */
const alreadyThere = (error: unknown): boolean =>
  error instanceof IllegalTransition || error instanceof Conflict || error instanceof WrongExpectedVersion || error instanceof EventIdConflict;

/**
 * Writes one default (a channel, a category, a calendar) at start, once. A stream that exists is
 * left as it is, so an administrator's changes survive restarts; the event ids derive from what is
 * seeded, so two replicas seeding at the same moment write it once. True when this call wrote it.
 */
export const seedOnce = async <Command, Event extends DomainEvent, State, Context>(
  handler: CommandHandler<Command, Event, State, Context>,
  seed: { readonly command: Command; readonly context: Context; readonly key: string; readonly seededBy: string },
): Promise<boolean> => {
  try {
    await handler.handle(seed.command, seed.context, {
      metadata: { correlationId: deterministicEventId('seed', seed.key), actor: { id: seed.seededBy, kind: 'system' } },
      eventIdFor: (_event, index) => deterministicEventId('seed', index === 0 ? seed.key : `${seed.key}/${index}`),
    });
    return true;
  } catch (error) {
    if (alreadyThere(error)) return false;
    throw error;
  }
};
