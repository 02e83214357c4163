/**
 * A decider (Emmett's shape): business logic as two pure functions over a union of events.
 * `decide` receives the current time and fresh ids through `context`, never from a clock.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface Decider<Command, Event extends DomainEvent, State, Context = DecisionContext> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State, context: Context) => readonly Event[];
}

export interface DecisionContext {
  readonly now: Date;
}

export const fold = <Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State, unknown>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState());
