import type { ProgramType } from '../api';

/**
 * Places whose address is a secret by their nature: a violence-against-women shelter or a safe house is where
 * someone hides from the person hunting her. A facility of either type starts with "Confidential" ticked.
 */
const HIDDEN_BY_NATURE: ReadonlySet<ProgramType> = new Set(['DV_SHELTER', 'SAFE_HOUSE']);

export function confidentialByDefault(type: ProgramType | '' | null | undefined): boolean {
  return !!type && HIDDEN_BY_NATURE.has(type);
}

/**
 * The box's state as the form should show it: what the admin chose, once she has touched it; else the default
 * of the chosen type; else (an existing facility) what is saved.
 */
export function confidentialShown(saved: boolean, type: ProgramType | '', touched: boolean, chosen: boolean): boolean {
  if (touched) return chosen;
  return saved || confidentialByDefault(type);
}
