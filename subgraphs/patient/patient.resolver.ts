import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, decodeCursor, pageSize, toConnection, type CursorScope } from '../../runtime/graphql/connection';
import { countNotifications, countTraces, findNotifications, findTraces } from '../../audit/trace-repo';
import { AccessTraceConnection, AccessTraceFilter, type AccessTraceEntry } from './access-trace.type';
import { PatientNotificationConnection, type PatientNotification } from './notification.type';
import { insArgument } from '../../runtime/arguments';
import { notFound } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { signGrant } from '../kit/registry-tokens';
import { localDate } from '../kit/documents/document-repo';
import {
  AccessInfo,
  CareRelation,
  CareTeamAuthorisation,
  DmpRecord,
  EmergencyConsents,
  Identity,
  LegalRepresentative,
  Patient,
} from './patient.type';
import { registryLoaders, type VisiblePatient } from './patient.loader';
import { touch } from '../../audit/trace-recorder';
import { hiddenPrefixes } from '../../audit/trace';
import { historyFilter, patientSide } from './history-filter';
import { documentOfSubject } from './documents.resolver';
import { professionalOf } from './directory';

/** What a registry field read, for the access trace. */
const read = (ctx: SubgraphContext, patient: VisiblePatient, group: string) =>
  touch(ctx, patient.decision.grant, group);

@Resolver(() => Patient)
export class PatientResolver {
  @Query(() => Patient, {
    nullable: true,
    description: 'A patient by INS. A record you may not see answers exactly like one that does not exist.',
  })
  async patient(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<VisiblePatient | null> {
    const found = await registryLoaders(ctx).visible.load(insArgument(ins));
    if (!found) throw notFound('No DMP found for this INS');
    return found;
  }

  @FieldResolver(() => String, { nullable: true })
  accessGrant(@Root() patient: VisiblePatient, @Ctx() ctx: SubgraphContext): Promise<string> {
    if (!ctx.deps.grantKeys.sign) throw new Error('the registry has no grant signing key');
    return signGrant(ctx.deps.grantKeys.sign, patient.decision.grant);
  }

  @FieldResolver(() => Identity, {
    description: "The patient's strict identity traits (RNIV). Reading them is traced.",
  })
  identity(@Root() patient: VisiblePatient, @Ctx() ctx: SubgraphContext): Identity {
    read(ctx, patient, 'identity');
    const { row } = patient;
    return {
      birthName: row.birth_name,
      usedName: row.used_name,
      firstName: row.first_name,
      givenNames: row.given_names,
      sex: row.sex,
      birthDate: localDate(row.birth_date)!,
      birthplaceCode: row.birthplace_code,
      status: row.identity_status,
    };
  }

  @FieldResolver(() => DmpRecord, { description: 'The DMP itself: its status and dates. Reading it is traced.' })
  dmp(@Root() patient: VisiblePatient, @Ctx() ctx: SubgraphContext): DmpRecord {
    read(ctx, patient, 'dmp');
    const { row } = patient;
    return {
      status: row.dmp_status,
      createdAt: row.dmp_created_at,
      closedAt: row.dmp_closed_at,
      deceasedOn: localDate(row.deceased_on),
    };
  }

  @FieldResolver(() => AccessInfo, { description: 'How you reach this record.' })
  access(@Root() patient: VisiblePatient): AccessInfo {
    return { mode: patient.decision.grant.mode, rule: patient.decision.rule };
  }

  @FieldResolver(() => EmergencyConsents, {
    nullable: true,
    description: 'The three emergency consents the patient gives or refuses (ETREAT, BTG, MASKED).',
  })
  emergencyConsents(@Root() patient: VisiblePatient, @Ctx() ctx: SubgraphContext): EmergencyConsents {
    read(ctx, patient, 'emergencyConsents');
    return { etreat: patient.row.consent_etreat, btg: patient.row.consent_btg, masked: patient.row.consent_masked };
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the patient consents to secondary use (aggregates over consenting patients only).',
  })
  secondaryUse(@Root() patient: VisiblePatient, @Ctx() ctx: SubgraphContext): boolean {
    read(ctx, patient, 'secondaryUse');
    return patient.row.secondary_use;
  }

  @FieldResolver(() => [CareRelation], {
    nullable: true,
    description: 'Médecin traitant, administrators, authorised and blocked professionals.',
  })
  async careTeam(@Root() patient: VisiblePatient, @Ctx() ctx: SubgraphContext): Promise<CareRelation[]> {
    read(ctx, patient, 'careTeam');
    const rows = await registryLoaders(ctx).careRelations.load(patient.ins);
    return rows.map((r) => ({
      kind: r.relation,
      since: r.since,
      until: r.until,
      consentRecordedBy: r.consent_recorded_by,
      professional: professionalOf(r),
    }));
  }

  @FieldResolver(() => [CareTeamAuthorisation], {
    nullable: true,
    description: "The establishments' care teams the patient authorised, with when each authorisation ends.",
  })
  async careTeamAuthorisations(
    @Root() patient: VisiblePatient,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CareTeamAuthorisation[]> {
    read(ctx, patient, 'careTeamAuthorisations');
    const rows = await registryLoaders(ctx).careTeamAuthorisations.load(patient.ins);
    return rows.map((r) => ({
      establishment: { finess: r.finess, name: r.name },
      since: r.since,
      until: r.until,
      consentRecordedBy: r.consent_recorded_by,
    }));
  }

  @FieldResolver(() => AccessTraceConnection, {
    nullable: true,
    description:
      'Who accessed this record, newest first: the patient, their representatives and their médecin traitant. Reading it is traced too.',
  })
  accessTraces(
    @Root() patient: VisiblePatient,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AccessTraceFilter, {
      nullable: true,
      description: 'Narrows the history; every criterion given must hold.',
    })
    filter: AccessTraceFilter | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    read(ctx, patient, 'accessTraces');
    const traceFilter = historyFilter(ctx, patient, filter);
    const side = traceFilter.side;
    const size = pageSize(page.first);
    const scope: CursorScope = { list: 'accessTraces', args: [patient.ins, traceFilter], id: 'serial' };
    const after = page.after ? decodeCursor(page.after, scope) : null;
    const store = ctx.deps.audit.store;
    return toConnection<AccessTraceEntry>(
      async () =>
        (await findTraces(store, patient.ins, traceFilter, size, after)).map((t) => ({
          ...t,
          seq: String(t.seq),
          touched: side ? t.touched.filter((item) => !hiddenPrefixes(side).some((p) => item.startsWith(p))) : t.touched,
        })),
      size,
      page.after,
      (t) => ({ at: t.at.toISOString(), id: t.seq }),
      () => countTraces(store, patient.ins, traceFilter),
      scope,
    );
  }

  @FieldResolver(() => PatientNotificationConnection, {
    nullable: true,
    description: "The patient's notifications, newest first (the patient and their representatives).",
  })
  notifications(
    @Root() patient: VisiblePatient,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('unreadOnly', () => Boolean, { nullable: true, description: 'Only those the asking reader has not read.' })
    unreadOnly: boolean | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    read(ctx, patient, 'notifications');
    const view = { side: patientSide(patient), reader: ctx.actor.id, unreadOnly: unreadOnly ?? false };
    const size = pageSize(page.first);
    const scope: CursorScope = { list: 'notifications', args: [patient.ins, view.unreadOnly], id: 'serial' };
    const after = page.after ? decodeCursor(page.after, scope) : null;
    const store = ctx.deps.audit.store;
    // A representative is told another was added or removed, not who: separated parents keep their own accounts.
    const other = (n: { actorKind: string | null; actorId: string | null }) =>
      patient.decision.grant.mode === 'representative' &&
      n.actorKind === 'representative' &&
      n.actorId !== ctx.actor.id;
    return toConnection<PatientNotification>(
      async () =>
        (await findNotifications(store, patient.ins, view, size, after)).map((n) => ({
          ...n,
          actorId: other(n) ? null : n.actorId,
          document: documentOfSubject(n.subject),
        })),
      size,
      page.after,
      (n) => ({ at: n.at.toISOString(), id: n.id }),
      () => countNotifications(store, patient.ins, view),
      scope,
    );
  }

  @FieldResolver(() => [LegalRepresentative], {
    nullable: true,
    description:
      "The patient's legal representatives; a representative reading it sees only their own entry, never another's.",
  })
  async legalRepresentatives(
    @Root() patient: VisiblePatient,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LegalRepresentative[]> {
    read(ctx, patient, 'legalRepresentatives');
    const rows = await registryLoaders(ctx).representatives.load(patient.ins);
    // Each representative acts on their own and sees only their own entry: separated parents do not learn
    // each other's account or name from the child's record.
    const own = patient.decision.grant.mode === 'representative';
    return rows
      .filter((r) => !own || r.account_id === ctx.actor.id)
      .map((r) => ({
        accountId: r.account_id,
        name: r.display_name,
        relation: r.relation,
        until: localDate(r.until),
        basis: r.basis,
        registeredAt: r.registered_at,
      }));
  }
}
