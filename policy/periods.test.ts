import {
  archiveEndCandidates,
  archiveEnded,
  archiveEnds,
  authorisationEnds,
  representationInvitationEnds,
  caregivingInvitationEnds,
  minorIfBornAfter,
  retentionCutoff,
  revealCutoff,
} from './periods';
import { CALENDAR_SWEEP } from '../test/support/calendar-sweep';
import { before, parisDate, shiftDate } from '../domain/calendar';

const at = (iso: string) => new Date(iso);

describe('the periods of the law (policy/periods.json), counted on the calendar', () => {
  it.each<[string, () => Date, string]>([
    [
      'reimbursements: 24 months',
      () => retentionCutoff('reimbursement', at('2028-02-29T12:00:00Z')),
      '2026-02-28T12:00:00Z',
    ],
    [
      'the DP: 4 months',
      () => retentionCutoff('pharmacy', at('2027-06-30T12:00:00+02:00')),
      '2027-02-28T12:00:00+01:00',
    ],
    [
      'the DP, a category it does not name: 4 months',
      () => retentionCutoff('pharmacy', at('2027-06-30T12:00:00+02:00'), 'HOMEOPATHY'),
      '2027-02-28T12:00:00+01:00',
    ],
    [
      'the DP, vaccines: 21 years',
      () => retentionCutoff('pharmacy', at('2026-12-31T23:59:00Z'), 'VACCINE'),
      '2005-12-31T23:59:00Z',
    ],
    [
      'the DP, biological medicines: 3 years',
      () => retentionCutoff('pharmacy', at('2028-02-29T12:00:00Z'), 'BIOLOGICAL'),
      '2025-02-28T12:00:00Z',
    ],
    [
      'the hospital record: 20 years',
      () => retentionCutoff('hospital', at('2027-05-01T00:00:00+02:00')),
      '2007-05-01T00:00:00+02:00',
    ],
    [
      'R1111-53: the reveal one month after deposit',
      () => revealCutoff(at('2027-03-31T10:00:00+02:00')),
      '2027-02-28T10:00:00+01:00',
    ],
    ['ten years of archive', () => archiveEnds(at('2018-02-28T12:00:00Z')), '2028-02-28T12:00:00Z'],
    [
      'an authorisation of 29 February ends on 28 February',
      () => authorisationEnds(at('2028-02-29T12:00:00Z')),
      '2029-02-28T12:00:00Z',
    ],
    [
      'an invitation sent on 31 January runs out on 2 March, at the same Paris hour',
      () => representationInvitationEnds(at('2027-01-31T09:00:00+01:00')),
      '2027-03-02T09:00:00+01:00',
    ],
    [
      'an invitation sent before the spring change runs out at the same Paris hour after it',
      () => representationInvitationEnds(at('2027-03-10T09:00:00+01:00')),
      '2027-04-09T09:00:00+02:00',
    ],
    [
      'a caregiving invitation sent on 31 December in Paris (still 30 December in UTC) runs out on 30 January',
      () => caregivingInvitationEnds(at('2026-12-30T23:30:00Z')),
      '2027-01-30T00:30:00+01:00',
    ],
    [
      'a caregiving invitation sent in the autumn hour that happens twice runs out at the same Paris hour thirty days on',
      () => caregivingInvitationEnds(at('2027-10-31T00:30:00Z')),
      '2027-11-30T02:30:00+01:00',
    ],
    [
      'an authorisation given in summer time ends at the same Paris hour',
      () => authorisationEnds(at('2026-07-01T08:00:00Z')),
      '2027-07-01T08:00:00Z',
    ],
  ])('%s', (_label, compute, expected) => {
    expect(compute().toISOString()).toBe(at(expected).toISOString());
  });

  it.each<[string, string, string]>([
    // The 18th birthday is the day of majority, on the Paris calendar.
    [
      'on 31 December at 23:59 UTC it is 1 January in Paris: born 1 January 2009, one is of age',
      '2026-12-31T23:59:00Z',
      '2009-01-01',
    ],
    [
      'on 29 February 2028, born 28 February 2010, one is of age; born 1 March 2010, not yet',
      '2028-02-29T12:00:00Z',
      '2010-02-28',
    ],
    ['born 29 February 2008, one comes of age on 1 March 2026', '2026-03-01T12:00:00+01:00', '2008-03-01'],
    ['born 29 February 2008, on 28 February 2026 one is still a minor', '2026-02-28T12:00:00+01:00', '2008-02-28'],
  ])('majority: %s', (_label, now, cutoff) => {
    expect(minorIfBornAfter(at(now))).toBe(cutoff);
  });

  it.each(CALENDAR_SWEEP)('at %s, every window ends before now and after the period one day longer', (_label, now) => {
    for (const cutoff of [
      retentionCutoff('reimbursement', now),
      retentionCutoff('pharmacy', now),
      retentionCutoff('pharmacy', now, 'VACCINE'),
      retentionCutoff('hospital', now),
      revealCutoff(now),
    ]) {
      expect(cutoff.getTime()).toBeLessThan(now.getTime());
    }
    expect(retentionCutoff('reimbursement', now).getTime()).toBeGreaterThan(
      before(now, { months: 24, days: 1 }).getTime(),
    );
    expect(minorIfBornAfter(now) < parisDate(now)).toBe(true);
  });

  // The archive's end (seeds 001, 002, 004): the SQL prefilter never misses a record the rule says has ended,
  // at any instant of the sweep, for closures and deaths on every day around the tenth anniversary.
  it.each(CALENDAR_SWEEP.map(([label, now]) => [label, now] as const))(
    "the archive's end at %s: exactly ten years, and the prefilter keeps every record that ended",
    (_label, now) => {
      const { closedBy, diedBy } = archiveEndCandidates(now);
      for (let hours = -72; hours <= 72; hours += 1) {
        const closedAt = new Date(before(now, { years: 10 }).getTime() + hours * 3_600_000);
        expect(archiveEnded(closedAt, null, now)).toBe(archiveEnds(closedAt) <= now);
        if (archiveEnded(closedAt, null, now)) expect(closedAt.getTime()).toBeLessThanOrEqual(closedBy.getTime());
        const died = shiftDate(parisDate(closedAt), { days: 0 }, 1);
        const ended = archiveEnded(closedAt, died, now);
        expect(ended).toBe(parisDate(now) >= shiftDate(died, { years: 10 }, 1));
        if (ended) expect(died <= diedBy).toBe(true);
      }
    },
  );
});
