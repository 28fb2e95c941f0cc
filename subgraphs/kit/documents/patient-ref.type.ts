import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The patient as a source subgraph sees it: its key and the registry's signed access grant. */
export interface PatientRef {
  ins: string;
  accessGrant?: string | null;
}

/**
 * A fresh `Patient` entity class for one source subgraph. Each source needs its own class: type-graphql keeps
 * field resolvers per class, so a shared one would carry every source's fields into every subgraph.
 * Every field of a source requires `accessGrant`, which federation fetches from the registry first.
 */
export function createPatientRef() {
  @ObjectType('Patient')
  @Directive('@key(fields: "ins")')
  class SourcePatient implements PatientRef {
    @Field(() => ID) ins!: string;

    @Field(() => String, { nullable: true })
    @Directive('@external')
    accessGrant?: string | null;
  }
  return SourcePatient;
}

export type PatientRefClass = ReturnType<typeof createPatientRef>;

export const REQUIRES_GRANT = '@requires(fields: "accessGrant")';
