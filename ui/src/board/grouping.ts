import type { Availability } from '../api/types';

export interface TypeGroup { type: string; programs: Availability[] }
export interface RegionGroup { regionCode: string; types: TypeGroup[]; bookable: number }

/** Region, then type of place, then the most bookable first (ties by name) — what a caseworker scans for. */
export function groupByRegionAndType(list: Availability[]): RegionGroup[] {
  const regions = new Map<string, Map<string, Availability[]>>();
  for (const a of list) {
    const types = regions.get(a.regionCode) ?? new Map<string, Availability[]>();
    regions.set(a.regionCode, types);
    const programs = types.get(a.type) ?? [];
    types.set(a.type, programs);
    programs.push(a);
  }
  return [...regions.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([regionCode, types]) => ({
      regionCode,
      bookable: [...types.values()].flat().reduce((sum, a) => sum + a.bookable, 0),
      types: [...types.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([type, programs]) => ({
          type,
          programs: [...programs].sort((x, y) => y.bookable - x.bookable
            || `${x.facilityName} ${x.programName}`.localeCompare(`${y.facilityName} ${y.programName}`)),
        })),
    }));
}

export function matchesFilter(a: Availability, filter: string): boolean {
  const f = filter.trim().toLowerCase();
  if (!f) return true;
  return [a.facilityName, a.programName, a.municipality, a.regionCode].some((s) => s?.toLowerCase().includes(f));
}
