import { documentMaskingOf, maskedByDefaultAt, maskingChange, type MaskingPeriod } from './default-masking';

const T = (iso: string) => new Date(iso);
const closed: MaskingPeriod = { from: '2027-01-01T10:00:00.000Z', until: '2027-02-01T10:00:00.000Z' };
const open: MaskingPeriod = { from: '2027-03-01T10:00:00.000Z', until: null };

describe('masking by default: which deposits it masks (policy/default-masking.ts)', () => {
  it.each<[string, MaskingPeriod[], string, boolean]>([
    ['never set', [], '2027-01-15T00:00:00Z', false],
    ['at the very instant it was set', [closed], '2027-01-01T10:00:00Z', true],
    ['a millisecond before', [closed], '2027-01-01T09:59:59.999Z', false],
    ['within a closed span', [closed], '2027-01-20T00:00:00Z', true],
    ['at the instant it was lifted', [closed], '2027-02-01T10:00:00Z', false],
    ['between two spans', [closed, open], '2027-02-15T00:00:00Z', false],
    ['in the span still on', [closed, open], '2030-01-01T00:00:00Z', true],
  ])('%s', (_case, periods, at, masked) => {
    expect(maskedByDefaultAt(periods, T(at))).toBe(masked);
  });
});

describe('masking by default: what the patient side reads and what a change does', () => {
  it.each<[string, MaskingPeriod[], { maskedByDefault: boolean; since: Date | null }]>([
    ['never set', [], { maskedByDefault: false, since: null }],
    ['lifted', [closed], { maskedByDefault: false, since: T(closed.until!) }],
    ['on again', [closed, open], { maskedByDefault: true, since: T(open.from) }],
  ])('%s', (_case, periods, state) => expect(documentMaskingOf(periods)).toEqual(state));

  it.each<[string, MaskingPeriod[], boolean, string, string]>([
    ['set when off', [closed], true, '2027-04-01T00:00:00Z', 'open'],
    ['set when on', [open], true, '2027-04-01T00:00:00Z', 'none'],
    ['lifted when on', [open], false, '2027-04-01T00:00:00Z', 'close'],
    ['lifted at the instant it was set', [open], false, open.from, 'drop'],
    ['lifted when off', [closed], false, '2027-04-01T00:00:00Z', 'none'],
  ])('%s', (_case, periods, masked, now, change) => expect(maskingChange(periods, masked, T(now))).toBe(change));
});
