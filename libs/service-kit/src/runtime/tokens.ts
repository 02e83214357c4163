/** Injection tokens the runtime provides to every service module. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const DATABASE = Symbol('DATABASE');
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
export const CLOCK = Symbol('CLOCK');

/** Time comes from here, never from `new Date()` in a handler, so tests can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
