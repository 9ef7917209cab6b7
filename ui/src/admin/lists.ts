import type { Facility, Program } from '../api';

/** A filter over name, organization, municipality and region (code or name), case-insensitive. */
export function facilityMatches(f: Facility, filter: string, regionNames: Map<string, string> = new Map()): boolean {
  const needle = filter.trim().toLowerCase();
  if (!needle) return true;
  return [f.name, f.organization, f.municipality, f.regionCode, regionNames.get(f.regionCode) ?? '']
    .some((s) => s.toLowerCase().includes(needle));
}

/** The list with this facility replaced (same id) or added at the end. */
export function upsertFacility(list: Facility[], f: Facility): Facility[] {
  const i = list.findIndex((x) => String(x.id) === String(f.id));
  return i < 0 ? [...list, f] : list.map((x, j) => (j === i ? f : x));
}

/** A new facility object with the program replaced or added, so views given it re-render. */
export function upsertProgram(f: Facility, p: Program): Facility {
  const programs = f.programs ?? [];
  const i = programs.findIndex((x) => String(x.id) === String(p.id));
  return { ...f, programs: i < 0 ? [...programs, p] : programs.map((x, j) => (j === i ? p : x)) };
}
