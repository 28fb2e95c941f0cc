/**
 * How long a bris de glace grant lasts unless EMERGENCY_GRANT_MINUTES says otherwise. The law asks for an
 * access limited in time to the emergency (CSP L1111-17, R1111-47); the span is an operating choice.
 */
export const DEFAULT_EMERGENCY_GRANT_MINUTES = 60;
