import {
  Arg,
  Ctx,
  Directive,
  Field,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import { FORMATS, hasFormat } from '../../domain/formats';
import { isLocalDate, parisDate } from '../../domain/calendar';
import { idArgument, insArgument } from '../../runtime/arguments';
import { DEPARTEMENTS, residenceOf, type Departement } from '../../domain/geo';
import { badInput, forbidden, notFound } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import { loadDepositRules, mayWrite, WRITABLE_SOURCES, type WritableSource } from '../../policy/deposit';
import { mayChangeLifecycle, type LifecycleChange, mayCreateRecord, mayResumeDeletions } from '../../policy/lifecycle';
import { signWritePermit } from '../kit/registry-tokens';
import { recordAccess } from '../../audit/trace-recorder';
import { tracedTransaction } from '../kit/traced-transaction';
import { DateTime, LocalDate } from '../../schema/scalars';
import { DmpStatusEnum, SexEnum } from './patient.type';
import { factsOf, registryLoaders } from './patient.loader';
import { findPatientFacts, type PatientFactsRow } from './patient.repo';
import { EmergencyConsentsInput } from './controls.resolver';
import { DocumentSourceEnum } from './document-source.enum';
import * as repo from './lifecycle.repo';
import { pushCohort, queueCohortChange } from './cohort';
import { guardedChange } from './guarded-change';
import { completePurge, endArchives } from './record-purge';
import { DocumentDeletionRequest } from './deletion-request.type';
import { addDeletionRequest } from './deletion-request.repo';
import { statedReason } from './deletion-request.resolver';
import type { Rule } from '../../policy/rules';
import { isMinorAt } from '../../policy/periods';
import { registerRepresentative, representationOf, RepresentationInput } from './representation.resolver';

const DEPOSIT_RULES = loadDepositRules();

export const InsKindEnum = { NIR: 'NIR', NIA: 'NIA', TEST: 'TEST', DEMO: 'DEMO' } as const;
registerEnumType(InsKindEnum, {
  name: 'InsKind',
  description: 'The register that issued the INS.',
  valuesConfig: {
    NIR: { description: 'A NIR, the number of the INSEE register (OID 1.2.250.1.213.1.4.8).' },
    NIA: {
      description:
        "A NIA, the numéro identifiant d'attente given while no NIR is attributed (OID 1.2.250.1.213.1.4.9).",
    },
    TEST: { description: 'A test INS (OID 1.2.250.1.213.1.4.10).' },
    DEMO: { description: 'A demonstration INS (OID 1.2.250.1.213.1.4.11).' },
  },
});
export const HeirRelationEnum = { AYANT_DROIT: 'AYANT_DROIT', CONCUBIN: 'CONCUBIN', PACS: 'PACS' } as const;
registerEnumType(HeirRelationEnum, {
  name: 'HeirRelation',
  description: 'L1111-18: ayant droit, concubin or partenaire de PACS.',
  valuesConfig: {
    AYANT_DROIT: { description: 'An ayant droit of the deceased.' },
    CONCUBIN: { description: 'The concubin of the deceased.' },
    PACS: { description: 'The partenaire de PACS of the deceased.' },
  },
});

@InputType({
  description: 'Strict identity traits of a qualified identity (RNIV), with the express consent to create the DMP.',
})
export class RecordCreationInput {
  @Field(() => String, { description: 'The INS (NIR or NIA with its key); no DMP may exist for it yet.' }) ins!: string;
  @Field(() => InsKindEnum, { nullable: true, defaultValue: 'NIR', description: 'The register that issued the INS.' })
  insKind!: keyof typeof InsKindEnum;
  @Field(() => String, { description: 'Birth name: letters, spaces, hyphens and apostrophes, at most 100.' })
  birthName!: string;
  @Field(() => String, { nullable: true, description: 'Used name, when it differs from the birth name; same rule.' })
  usedName?: string | null;
  @Field(() => String, { description: 'First given name; same rule as the names.' }) firstName!: string;
  @Field(() => [String], { nullable: true, description: 'Every given name, the first included.' }) givenNames?:
    string[] | null;
  @Field(() => SexEnum, { description: 'Sex, as the identity register holds it.' }) sex!: 'F' | 'M';
  @Field(() => LocalDate, { description: 'Date of birth; a past date.' }) birthDate!: string;
  @Field(() => String, { description: 'INSEE code of the birthplace; 99 + country code for births abroad.' })
  birthplaceCode!: string;
  @Field(() => String, { description: 'Only a qualified identity (QUAL) opens a shared record.' })
  identityStatus!: string;
  @Field(() => String, {
    nullable: true,
    description: 'INSEE département of residence (aggregates only); @default the birth département.',
  })
  residenceDepartement?: string | null;
  @Field(() => Boolean, {
    description:
      'The patient expressly consented to the creation: given in person, or collected and declared by the professional or establishment.',
  })
  expressConsent!: boolean;
  @Field(() => EmergencyConsentsInput, {
    nullable: true,
    description: 'Proposed ticked: each omitted consent is given.',
  })
  emergencyConsents?: EmergencyConsentsInput | null;
  @Field(() => RepresentationInput, {
    nullable: true,
    description:
      "When a legal representative creates a minor's DMP: their relation and the document it rests on. They are registered as its representative.",
  })
  representation?: RepresentationInput | null;
}

@ObjectType({ description: 'Where a record stands in its lifecycle. Says nothing of its content.' })
export class RecordLifecycle {
  @Field(() => ID, { description: "The patient's INS." }) ins!: string;
  @Field(() => DmpStatusEnum, { description: 'Where the record stands after the change.' })
  status!: keyof typeof DmpStatusEnum;
  @Field(() => DateTime, { nullable: true, description: 'When the record was closed; null unless it is closed.' })
  closedAt!: Date | null;
  @Field(() => [DocumentSourceEnum], {
    description: 'After a deletion: the sources not yet purged (retried by operations).',
  })
  pendingPurges!: string[];
}

@ObjectType({ description: 'Deletions operations resumed: those complete and those still waiting for a source.' })
export class DeletionResumption {
  @Field(() => [RecordLifecycle], {
    description: 'Each deleted record concerned, with the sources whose purge is still pending (none once complete).',
  })
  records!: RecordLifecycle[];
}

const NAME = /^\p{L}[\p{L}' -]*$/u;

function name(field: string, value: string | null | undefined, required: boolean): string | null {
  const text = value?.trim() ?? '';
  if (!text) {
    if (required) throw badInput(field, 'is required');
    return null;
  }
  if (text.length > 100 || !NAME.test(text))
    throw badInput(field, 'letters, spaces, hyphens and apostrophes only, at most 100 characters');
  return text;
}

function checkCreation(
  input: RecordCreationInput,
  now: Date,
  at = 'input',
): Omit<repo.NewRecord, 'collectedBy' | 'collectedById'> {
  if (input.residenceDepartement != null && !DEPARTEMENTS.has(input.residenceDepartement as Departement))
    throw badInput(`${at}.residenceDepartement`, 'must be an INSEE département code');
  const ins = insArgument(input.ins, `${at}.ins`);
  if (input.identityStatus !== 'QUAL')
    throw badInput(`${at}.identityStatus`, 'only a qualified identity (QUAL) opens a shared record');
  if (input.expressConsent !== true)
    throw badInput(`${at}.expressConsent`, "the patient's express consent is required to create a DMP");
  const birthName = name(`${at}.birthName`, input.birthName, true)!;
  const firstName = name(`${at}.firstName`, input.firstName, true)!;
  const givenNames = (input.givenNames ?? [firstName]).map((g, i) => name(`${at}.givenNames[${i}]`, g, true)!);
  if (givenNames[0] !== firstName) throw badInput(`${at}.givenNames`, 'must start with the first given name');
  if (!isLocalDate(input.birthDate) || input.birthDate > parisDate(now))
    throw badInput(`${at}.birthDate`, 'must be a past date');
  if (!hasFormat('birthplace', input.birthplaceCode)) throw badInput(`${at}.birthplaceCode`, FORMATS.birthplace.rule);
  const c = input.emergencyConsents ?? {};
  return {
    ins,
    insKind: input.insKind ?? 'NIR',
    birthName,
    usedName: name(`${at}.usedName`, input.usedName, false),
    firstName,
    givenNames,
    sex: input.sex,
    birthDate: input.birthDate,
    birthplaceCode: input.birthplaceCode,
    consents: { etreat: c.etreat ?? true, btg: c.btg ?? true, masked: c.masked ?? true },
    residence: residenceOf(ins, input.residenceDepartement ?? null, input.birthplaceCode),
  };
}

/**
 * Creates DMPs in one transaction, all or none (`createRecord`, and a parent's activation of their children's
 * profiles): each checked as `checkCreation` says, each decided by `mayCreateRecord`, each traced. A
 * representative creating a minor's DMP is registered as its representative, on the basis they state.
 * `fields[i]` names input i in errors.
 */
export async function createRecords(
  ctx: SubgraphContext,
  inputs: RecordCreationInput[],
  fields: string[],
): Promise<RecordLifecycle[]> {
  const planned = inputs.map((input, i) => {
    const record = checkCreation(input, ctx.now, fields[i]!);
    const right = mayCreateRecord(ctx.actor, record.ins, isMinorAt(record.birthDate, ctx.now));
    let stated: { relation: string; basis: string } | null = null;
    if (ctx.actor.kind === 'representative' && right.allowed) {
      if (!input.representation)
        throw badInput(`${fields[i]}.representation`, 'a representative states their relation and its basis');
      stated = representationOf(input.representation, `${fields[i]}.representation`);
    }
    if (!right.allowed) {
      recordAccess(ctx, { patientIns: record.ins, action: 'create-record', outcome: 'denied', rule: right.rule });
      throw forbidden(right.reason);
    }
    return { record, right, stated, field: fields[i]! };
  });
  await tracedTransaction(ctx, async (tx) => {
    for (const { record, right, stated, field } of planned) {
      if (await repo.recordExists(tx, record.ins)) throw badInput(`${field}.ins`, 'a DMP already exists for this INS');
      await repo.insertRecord(tx, { ...record, collectedBy: right.collectedBy, collectedById: ctx.actor.id }, ctx.now);
      if (stated)
        await registerRepresentative(
          tx,
          record.ins,
          { accountId: ctx.actor.id, ...stated, until: null, protectedAdult: false },
          ctx.actor.id,
          ctx.now,
        );
      recordAccess(ctx, {
        patientIns: record.ins,
        action: 'create-record',
        touched: ['dmp'],
        outcome: 'allowed',
        rule: right.rule,
      });
    }
  });
  return planned.map(({ record }) => ({ ins: record.ins, status: 'ACTIVE', closedAt: null, pendingPurges: [] }));
}

const lifecycleOf = (
  row: { ins: string; dmp_status: 'ACTIVE' | 'CLOSED' | 'DELETED'; dmp_closed_at: Date | null },
  pending: string[] = [],
): RecordLifecycle => ({ ins: row.ins, status: row.dmp_status, closedAt: row.dmp_closed_at, pendingPurges: pending });

/**
 * Runs one lifecycle change: fresh facts under a row lock, the rule of policy/lifecycle.ts, then `apply` in the
 * same transaction. A record the actor may not know of answers NOT_FOUND, as reads do.
 */
async function change(
  ctx: SubgraphContext,
  rawIns: string,
  kind: LifecycleChange,
  touched: string,
  apply: (tx: SqlExecutor, ins: string, row: PatientFactsRow) => Promise<void>,
): Promise<PatientFactsRow> {
  const ins = insArgument(rawIns);
  const row = await guardedChange(ctx, {
    ins,
    action: kind,
    touched,
    decide: (found) =>
      mayChangeLifecycle(ctx.actor, { ...factsOf(found), closedAt: found.dmp_closed_at }, kind, ctx.now),
    apply: async (tx, found) => {
      await apply(tx, ins, found);
      // Closed, reopened, dead or deleted: the consenting cohort of aggregates follows.
      await queueCohortChange(tx, ins);
      const [after] = await findPatientFacts(tx, ctx.actor, [ins], ctx.now);
      return after;
    },
  });
  registryLoaders(ctx).visible.clear(ins);
  await pushCohort(ctx);
  return row;
}

@Resolver()
export class LifecycleResolver {
  @Query(() => String, {
    nullable: true,
    description: "For sources only (not in the public graph): the registry's permit for one write.",
  })
  @Directive('@inaccessible')
  async writePermit(
    @Arg('ins', () => String, { description: "The patient's INS." }) rawIns: string,
    @Arg('source', () => DocumentSourceEnum) source: WritableSource,
    @Arg('typeCode', () => String) typeCode: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string> {
    const ins = insArgument(rawIns);
    if (!WRITABLE_SOURCES.includes(source)) throw badInput('source', 'not a writable source');
    const refused = (rule: Rule) =>
      recordAccess(ctx, { patientIns: ins, action: 'deposit', touched: [source], outcome: 'denied', rule });
    // Only the source taking the write asks for its permit, in a call it signed itself: a call signed by the
    // gateway (which never asks this field) or by another source obtains none.
    if (ctx.caller !== source) {
      refused('deny.permit-not-asked-by-source');
      throw forbidden('Only the source taking the write asks for its permit');
    }
    const [row] = await findPatientFacts(ctx.deps.store, ctx.actor, [ins], ctx.now);
    if (!row) {
      refused('deny.no-such-record');
      throw notFound('No DMP found for this INS');
    }
    const right = mayWrite(DEPOSIT_RULES, ctx.actor, factsOf(row), source, typeCode);
    if (!right.allowed) {
      refused(right.rule);
      throw right.field ? badInput(right.field, right.reason) : forbidden(right.reason);
    }
    return signWritePermit(ctx.deps.grantKeys.sign!, {
      ins,
      actorId: ctx.actor.id,
      source,
      typeCode,
      rule: right.rule,
      author: await repo.authorOf(ctx.deps.store, ctx.actor, row),
      maskedDocumentIds: row.masked_document_ids,
    });
  }

  @Mutation(() => RecordLifecycle, {
    nullable: true,
    description:
      "Creates a DMP with the patient's express consent (the patient, or the professional or establishment who collected it). The three emergency consents are proposed ticked. The patient is notified.",
  })
  async createRecord(
    @Arg('input', () => RecordCreationInput, {
      description: "The patient's strict identity traits, the express consent and the emergency consents.",
    })
    input: RecordCreationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RecordLifecycle> {
    const [created] = await createRecords(ctx, [input], ['input']);
    return created!;
  }

  @Mutation(() => RecordLifecycle, {
    nullable: true,
    description: 'Closes the DMP: archived ten years, read by nobody, reopened whole on request.',
  })
  async closeRecord(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RecordLifecycle> {
    return lifecycleOf(await change(ctx, ins, 'close', 'dmp', (tx, id) => repo.setStatus(tx, id, 'CLOSED', ctx.now)));
  }

  @Mutation(() => RecordLifecycle, {
    nullable: true,
    description:
      'Reopens a closed DMP with everything it held (the patient, or a professional or establishment at their request), within ten years of its closure.',
  })
  async reopenRecord(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RecordLifecycle> {
    return lifecycleOf(await change(ctx, ins, 'reopen', 'dmp', (tx, id) => repo.setStatus(tx, id, 'ACTIVE', ctx.now)));
  }

  @Mutation(() => RecordLifecycle, {
    nullable: true,
    description:
      'Deletes the DMP for good: nobody reads it from now on, every row about the patient is erased from every source, and only the trace of the deletion remains. Irreversible.',
  })
  async deleteRecord(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RecordLifecycle> {
    const row = await change(ctx, ins, 'delete', 'dmp', async (tx, id) => {
      await repo.setStatus(tx, id, 'DELETED', ctx.now);
      await repo.addPendingPurges(tx, id, WRITABLE_SOURCES, ctx.now);
    });
    const pending = await completePurge(ctx, row.ins);
    return lifecycleOf(row, pending);
  }

  @Mutation(() => DeletionResumption, {
    nullable: true,
    description:
      'Operations, on demand (the registry also runs it on its retention schedule): destroys every closed DMP whose ten-year archive has ended (from the closure, or from the death), and retries every purge some source has not confirmed.',
  })
  async resumeDeletions(@Ctx() ctx: SubgraphContext): Promise<DeletionResumption> {
    const right = mayResumeDeletions(ctx.actor);
    if (!right.allowed) throw forbidden(right.reason);
    const earlier = await repo.unfinishedDeletions(ctx.deps.store);
    const { destroyed } = await endArchives(ctx);
    const records: RecordLifecycle[] = [];
    for (const ins of new Set([...earlier, ...destroyed])) {
      const left = (await repo.pendingPurges(ctx.deps.store, ins)).map((p) => p.source);
      records.push({ ins, status: 'DELETED', closedAt: null, pendingPurges: left });
    }
    return { records };
  }

  @Mutation(() => RecordLifecycle, {
    nullable: true,
    description:
      "Records the patient's death: the DMP closes, and heirs may be granted limited access unless the patient objected.",
  })
  async declareDeath(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('deceasedOn', () => LocalDate, { description: 'The day of death: a past date, not before the birth.' })
    deceasedOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RecordLifecycle> {
    if (!isLocalDate(deceasedOn) || deceasedOn > parisDate(ctx.now))
      throw badInput('deceasedOn', 'must be a past date');
    const day = Date.parse(deceasedOn);
    return lifecycleOf(
      await change(ctx, ins, 'declare-death', 'dmp', async (tx, id, row) => {
        if (day < Date.parse(String(row.birth_date instanceof Date ? row.birth_date.toISOString() : row.birth_date)))
          throw badInput('deceasedOn', 'is before the birth date');
        await repo.recordDeath(tx, id, deceasedOn, ctx.now);
      }),
    );
  }

  @Mutation(() => RecordLifecycle, {
    nullable: true,
    description: 'The patient objects (or no longer objects) to access by their heirs after death (L1111-18).',
  })
  async setHeirsObjection(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('objects', () => Boolean, { description: 'True: the patient objects; false: the objection is lifted.' })
    objects: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RecordLifecycle> {
    return lifecycleOf(
      await change(ctx, ins, 'set-heirs-objection', 'heirsObjection', (tx, id) =>
        repo.setHeirsObjection(tx, id, objects),
      ),
    );
  }

  @Mutation(() => RecordLifecycle, {
    nullable: true,
    description: 'Operations: registers an heir of a deceased patient once their claim is checked.',
  })
  async registerHeir(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('accountId', () => ID, { description: "The heir's account, which must already exist." }) accountId: string,
    @Arg('relation', () => HeirRelationEnum, { description: 'How the heir was related to the deceased (L1111-18).' })
    relation: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RecordLifecycle> {
    return lifecycleOf(
      await change(ctx, ins, 'register-heir', accountId, async (tx, id) => {
        if (!(await repo.heirAccountExists(tx, accountId))) throw badInput('accountId', 'no heir account with this id');
        await repo.addHeir(tx, id, accountId, relation, ctx.now);
      }),
    );
  }

  @Mutation(() => DocumentDeletionRequest, {
    nullable: true,
    description:
      'The patient asks the host to delete a document a professional wrote, for a legitimate reason (R1111-51). Recorded; the patient cannot delete it themselves.',
  })
  async requestDocumentDeletion(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('documentId', () => ID, {
      description: "The document's id in its source's own list (`DocumentSummary.documentId`).",
    })
    documentId: string,
    @Arg('source', () => DocumentSourceEnum, { description: 'The source that holds the document.' }) source: string,
    @Arg('reason', () => String, { description: 'The legitimate reason for the deletion, which the host reads.' })
    reason: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DocumentDeletionRequest> {
    idArgument(documentId, 'documentId');
    const why = statedReason('reason', reason);
    let request: DocumentDeletionRequest | null = null;
    await change(ctx, ins, 'request-document-deletion', documentId, async (tx, id) => {
      request = await addDeletionRequest(tx, { ins: id, documentId, source, reason: why, by: ctx.actor.id }, ctx.now);
    });
    return request as unknown as DocumentDeletionRequest;
  }
}
