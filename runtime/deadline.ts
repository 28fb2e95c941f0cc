/**
 * One deadline per request (README "Failing dependencies"): the gateway sets it, and each call it makes, and
 * each call a subgraph makes to a peer within it, carries what is left of it in this header, in ms. Elapsed time
 * on each process, not the graph's clock (docs/time.md): a clock moved for a test must not stretch a timeout.
 */
export const DEADLINE_HEADER = 'x-dmp-deadline-ms';

/** The longest deadline a call may carry: the analytics one is the longest the gateway gives. */
const LONGEST_MS = 600_000;

/** What is left of a deadline at `now`; `fallbackMs` for a call outside any request's deadline. */
export function remainingMs(deadlineAt: number | undefined, fallbackMs: number, now = Date.now()): number {
  return deadlineAt === undefined ? fallbackMs : Math.max(0, deadlineAt - now);
}

/**
 * The deadline a received call carries, on this process's time, or undefined when it carries none (or a value
 * that is not a whole number of ms within bounds, which is ignored rather than trusted).
 */
export function deadlineOf(header: string | string[] | undefined, now = Date.now()): number | undefined {
  if (typeof header !== 'string' || !/^\d{1,7}$/.test(header)) return undefined;
  const ms = Number(header);
  return ms <= LONGEST_MS ? now + ms : undefined;
}
