import { readFileSync } from 'node:fs';
import { projectPath } from './paths';

/** The kinds the patient's side files its access history under (domain/trace-actions.json). */
export type TraceKind = 'CONSULTATION' | 'EMERGENCY' | 'DOCUMENT' | 'CONSENT' | 'RECORD' | 'OTHER';

interface TraceActionsFile {
  kinds: Record<TraceKind, string>;
  emergencyModes: string[];
  emergencyActions: string[];
  modeLabels: Record<string, string>;
  deniedPrefix: string;
  actions: Record<string, { kind: TraceKind; label: string }>;
}

export const TRACE_ACTIONS: TraceActionsFile = JSON.parse(
  readFileSync(projectPath('domain', 'trace-actions.json'), 'utf8'),
);
export const TRACE_KINDS = Object.keys(TRACE_ACTIONS.kinds) as TraceKind[];

const inEmergency = (action: string, mode: string) =>
  TRACE_ACTIONS.emergencyModes.includes(mode) && TRACE_ACTIONS.emergencyActions.includes(action);

/** The kind an access is filed under. */
export function traceKind(action: string, mode: string): TraceKind {
  if (inEmergency(action, mode)) return 'EMERGENCY';
  return TRACE_ACTIONS.actions[action]?.kind ?? 'OTHER';
}

/** The sentence the patient's side reads for one access. */
export function describeTrace(action: string, mode: string, outcome: 'allowed' | 'denied'): string {
  const label =
    action === 'read' && TRACE_ACTIONS.modeLabels[mode]
      ? TRACE_ACTIONS.modeLabels[mode]
      : (TRACE_ACTIONS.actions[action]?.label ?? action);
  return outcome === 'denied'
    ? `${TRACE_ACTIONS.deniedPrefix}${label.charAt(0).toLowerCase()}${label.slice(1)}`
    : label;
}

/** The same filing in SQL, for a filter on kinds: the actions and emergency reads each kind holds. */
export function traceKindCondition(kinds: readonly TraceKind[], add: (value: unknown) => string): string {
  const emergency = `(mode = ANY(${add(TRACE_ACTIONS.emergencyModes)}::text[]) AND action = ANY(${add(TRACE_ACTIONS.emergencyActions)}::text[]))`;
  const known = Object.keys(TRACE_ACTIONS.actions);
  const parts = kinds.map((kind) => {
    const actions = known.filter((a) => TRACE_ACTIONS.actions[a].kind === kind);
    if (kind === 'EMERGENCY') return `(${emergency} OR action = ANY(${add(actions)}::text[]))`;
    if (kind === 'OTHER') return `(NOT ${emergency} AND NOT action = ANY(${add(known)}::text[]))`;
    return `(NOT ${emergency} AND action = ANY(${add(actions)}::text[]))`;
  });
  return parts.length ? `(${parts.join(' OR ')})` : 'TRUE';
}
