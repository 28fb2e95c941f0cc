import { readFileSync } from 'node:fs';
import { projectPath } from '../domain/paths';
import { before, after, parisDate, shiftDate, type CalendarPeriod, type LocalDate } from '../domain/calendar';

/** A span of the law as policy/periods.json states it: calendar units and where the law says so. */
type LawPeriod = CalendarPeriod & { source: string };

interface PeriodsFile {
  version: string;
  retention: Record<RetentionSource, { default: LawPeriod } & Record<string, LawPeriod>>;
  invisiblePatientReveal: LawPeriod;
  majority: LawPeriod;
  archive: LawPeriod;
  authorisation: LawPeriod;
  copyAvailable: LawPeriod;
  representationInvitation: LawPeriod;
  caregivingInvitation: LawPeriod;
}

/** The sources that show only a window of what they hold. */
export type RetentionSource = 'reimbursement' | 'pharmacy' | 'hospital';

const UNITS = ['years', 'months', 'days', 'hours', 'minutes'] as const;

function checked(path: string, where: string, value: unknown): LawPeriod {
  const period = value as Partial<LawPeriod> | undefined;
  const units = UNITS.filter((unit) => period?.[unit] !== undefined);
  if (
    !period ||
    units.length === 0 ||
    units.some((unit) => !Number.isInteger(period[unit]) || period[unit]! < 1) ||
    typeof period.source !== 'string'
  ) {
    throw new Error(`${path}: ${where} must give whole positive calendar units and a source`);
  }
  return period as LawPeriod;
}

/** Reads and checks the periods file: a malformed one stops the start rather than shifting a window. */
export function loadPeriods(path = projectPath('policy', 'periods.json')): PeriodsFile {
  const data = JSON.parse(readFileSync(path, 'utf8')) as PeriodsFile;
  for (const [source, windows] of Object.entries(data.retention ?? {})) {
    checked(path, `retention.${source}.default`, windows.default);
    for (const [category, period] of Object.entries(windows)) checked(path, `retention.${source}.${category}`, period);
  }
  for (const key of [
    'invisiblePatientReveal',
    'majority',
    'archive',
    'authorisation',
    'copyAvailable',
    'representationInvitation',
    'caregivingInvitation',
  ] as const)
    checked(path, key, data[key]);
  return data;
}

const PERIODS = loadPeriods();

/** The oldest instant a source still shows for this category of its data (its default window otherwise). */
export function retentionCutoff(source: RetentionSource, now: Date, category = 'default'): Date {
  const windows = PERIODS.retention[source];
  return before(now, windows[category] ?? windows.default);
}

/** The categories a source keeps for a window of their own (the DP's vaccines and biological medicines). */
export function retentionCategories(source: RetentionSource): string[] {
  return Object.keys(PERIODS.retention[source]).filter((category) => category !== 'default');
}

/** R1111-53: a document deposited INVISIBLE_PATIENT at or before this instant is shown to the patient. */
export function revealCutoff(now: Date): Date {
  return before(now, PERIODS.invisiblePatientReveal);
}

/**
 * Art. 388 C. civ.: a person born after this date is a minor today (Paris). Born on 29 February, one comes of
 * age on 1 March of a common year, as the calendar count gives.
 */
export function minorIfBornAfter(now: Date): LocalDate {
  return shiftDate(parisDate(now), PERIODS.majority, -1);
}

/** Whether someone born on this day is a minor at `now` (art. 388 C. civ., on the Paris calendar). */
export function isMinorAt(birthDate: LocalDate, now: Date): boolean {
  return birthDate > minorIfBornAfter(now);
}

/** The end of the ten-year archive of a DMP closed at `closedAt` (docs/law.md §4), when it can no longer be reopened. */
export function archiveEnds(closedAt: Date): Date {
  return after(closedAt, PERIODS.archive);
}

/**
 * A closed DMP is destroyed at the end of its archive (seeds 001, 002, 004): ten years after its closure (the
 * instant reopening is refused, archiveEnds), or, closed by death, on the day ten years after the death.
 */
export function archiveEnded(closedAt: Date, deceasedOn: LocalDate | null, now: Date): boolean {
  return deceasedOn !== null
    ? parisDate(now) >= shiftDate(deceasedOn, PERIODS.archive, 1)
    : archiveEnds(closedAt) <= now;
}

/**
 * What SQL selects before archiveEnded decides: every record it could find ended at `now` closed, or died, no
 * later than these (two days to spare for the calendar's clamping at month ends, so none is missed).
 */
export function archiveEndCandidates(now: Date): { closedBy: Date; diedBy: LocalDate } {
  const closedBy = new Date(before(now, PERIODS.archive).getTime() + 2 * 86_400_000);
  return { closedBy, diedBy: parisDate(closedBy) };
}

/**
 * The end of an authorisation given (or renewed) at `givenAt`: it grants access strictly before this instant
 * and not from it (one year, renewable: docs/law.md §3).
 */
export function authorisationEnds(givenAt: Date): Date {
  return after(givenAt, PERIODS.authorisation);
}

/** Until when a copy of the record produced at `readyAt` stays to be downloaded (seed 002; docs/time.md). */
export function copyAvailableUntil(readyAt: Date): Date {
  return after(readyAt, PERIODS.copyAvailable);
}

/**
 * When an invitation to be a minor's second legal representative, sent at `invitedAt`, runs out: it can be
 * accepted strictly before this instant (an operating choice, policy/periods.json; docs/time.md).
 */
export function representationInvitationEnds(invitedAt: Date): Date {
  return after(invitedAt, PERIODS.representationInvitation);
}

/**
 * When an invitation to be a patient's caregiver, sent at `invitedAt`, runs out: it can be accepted strictly
 * before this instant, and the inviter sees it as lapsed from then (an operating choice, policy/periods.json).
 */
export function caregivingInvitationEnds(invitedAt: Date): Date {
  return after(invitedAt, PERIODS.caregivingInvitation);
}
