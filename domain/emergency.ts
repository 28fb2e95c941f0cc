/**
 * How long a bris de glace grant lasts unless EMERGENCY_GRANT_MINUTES says otherwise. The access is the
 * emergency's, limited in time (docs/law.md §3); the span is an operating choice.
 */
export const DEFAULT_EMERGENCY_GRANT_MINUTES = 60;
