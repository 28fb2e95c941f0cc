import type { Actor } from '../domain/actor';
import { BASE_FACTS, PRINCIPALS } from '../test/support/principals';
import type { PatientAccessFacts } from './decide';
import { mayChangeLifecycle, type LifecycleChange } from './lifecycle';

const actors: Record<string, Actor> = PRINCIPALS;
const base: PatientAccessFacts & { closedAt?: Date | null } = BASE_FACTS;
const closed = { dmpStatus: 'CLOSED' as const, closedAt: new Date('2026-01-01') };
const dead = { dmpStatus: 'CLOSED' as const, closedAt: new Date('2026-01-01'), deceased: true };

describe('mayChangeLifecycle(): who moves a record through its lifecycle', () => {
  it.each<[keyof typeof actors, LifecycleChange, Partial<typeof base>, string]>([
    ['patient', 'close', {}, 'lifecycle.close.patient'],
    ['representative', 'close', { isRepresentative: true }, 'lifecycle.close.patient'],
    ['medecin', 'close', { isTreatingDoctor: true }, 'deny.not-record-controller'],
    ['patient', 'close', closed, 'deny.dmp-not-active'],
    ['patient', 'reopen', closed, 'lifecycle.reopen.patient'],
    ['medecin', 'reopen', closed, 'lifecycle.reopen.on-request'],
    ['establishment', 'reopen', closed, 'lifecycle.reopen.on-request'],
    ['medecin', 'reopen', { ...closed, isBlocked: true }, 'deny.not-record-controller'],
    ['regulator', 'reopen', closed, 'deny.not-record-controller'],
    ['patient', 'reopen', {}, 'deny.dmp-not-closed'],
    ['patient', 'reopen', { dmpStatus: 'CLOSED', closedAt: new Date('2014-01-01') }, 'deny.archive-expired'],
    ['medecin', 'reopen', dead, 'deny.patient-deceased'],
    ['patient', 'delete', {}, 'lifecycle.delete.patient'],
    ['patient', 'delete', closed, 'lifecycle.delete.patient'],
    ['patient', 'delete', { dmpStatus: 'DELETED' }, 'deny.dmp-deleted'],
    ['medecin', 'delete', { isTreatingDoctor: true }, 'deny.not-record-controller'],
    ['medecin', 'declare-death', { isTreatingDoctor: true }, 'lifecycle.death.medecin'],
    ['medecin', 'declare-death', { isAuthorised: true }, 'lifecycle.death.medecin'],
    ['medecin', 'declare-death', {}, 'deny.not-death-declarant'],
    ['pharmacien', 'declare-death', { isAuthorised: true }, 'deny.not-death-declarant'],
    ['operator', 'declare-death', {}, 'lifecycle.death.rnipp'],
    ['operator', 'declare-death', dead, 'deny.patient-deceased'],
    ['operator', 'register-heir', dead, 'lifecycle.register-heir.operations'],
    ['operator', 'register-heir', {}, 'deny.patient-alive'],
    ['operator', 'register-heir', { ...dead, heirsObjection: true }, 'deny.heirs-objection'],
    ['medecin', 'register-heir', dead, 'deny.not-operations'],
    ['patient', 'set-heirs-objection', {}, 'lifecycle.set-heirs-objection.patient'],
    ['patient', 'request-document-deletion', {}, 'lifecycle.request-document-deletion.patient'],
  ])('%s %s %o → %s', (actor, change, over, rule) => {
    expect(mayChangeLifecycle(actors[actor], { ...base, ...over }, change, new Date('2026-11-24')).rule).toBe(rule);
  });
});
