/**
 * The one clock. Every instant a rule of the DMP reads (retention windows, the one-month reveal, grant
 * expiry, majority, the archive, analytics periods and their history, the dates stored with what is written)
 * comes from a `Clock` handed down from start-up, never from `Date` or SQL `now()` where the rule stands, so
 * that a test, a demo or a replay can put the whole graph on a chosen day.
 *
 * Elapsed time (timeouts, back-off, durations in logs and metrics) and the lifetime of the seconds-long
 * credentials between processes are measured on the machine's time: they are not dates of the law, and a
 * clock moved for a test must not keep a credential alive.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The machine's time: the default everywhere. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and runs at the machine's pace from then on (DMP_NOW, demos). */
export function clockStartingAt(start: Date, base: Clock = systemClock): Clock {
  const offset = start.getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}

/** A clock that stands still until it is set or advanced: tests that judge a boundary to the millisecond. */
export interface ManualClock extends Clock {
  set(at: Date): void;
  advance(milliseconds: number): void;
}

export function manualClock(start: Date): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = at.getTime();
    },
    advance: (milliseconds) => {
      current += milliseconds;
    },
  };
}
