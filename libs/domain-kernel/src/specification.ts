import { fold, type Decider, type DomainEvent } from './decider';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * given(events).when(command).then(events) — decider tests that read as specifications.
 * Framework-free so domain libs can use it in their own specs.
 */
export const specFor = <Command, Event extends DomainEvent, State, Context>(
  decider: Decider<Command, Event, State, Context>,
  context: Context,
) => ({
  given: (...history: Event[]) => ({
    when: (command: Command) => {
      const run = () => decider.decide(command, fold(decider, history), context);
      return {
        then: (...expected: Event[]): void => {
          const actual = run();
          if (JSON.stringify(actual) !== JSON.stringify(expected))
            throw new Error(`expected ${JSON.stringify(expected)}\n   got ${JSON.stringify(actual)}`);
        },
        thenThrows: (errorClass: ErrorClass): void => {
          try {
            run();
          } catch (error) {
            if (error instanceof errorClass) return;
            throw error;
          }
          throw new Error(`expected ${errorClass.name} to be thrown`);
        },
      };
    },
  }),
});
