import type { Availability, Eligibility, Gender, Needs, ProgramType } from '../api/types';
import { fits } from './eligibility';
import { matchesFilter } from './grouping';

/** The facts about the person that "fits this person" checks, typed on the board. */
export interface BoardNeeds {
  gender: Gender | '';
  age: number | null;
  children: number;
  pets: boolean;
  wheelchair: boolean;
  substanceUse: boolean;
  currentSexTrade: boolean;
  avoidMandatoryActivities: boolean;
}

/** What the board shows: every filter is optional, and all of them must hold. */
export interface BoardFilter {
  text: string;
  hasBed: boolean;
  type: ProgramType | '';
  region: string;
  needs: BoardNeeds;
}

export const NO_NEEDS: BoardNeeds = {
  gender: '', age: null, children: 0, pets: false, wheelchair: false, substanceUse: false, currentSexTrade: false,
  avoidMandatoryActivities: false,
};

export const NO_FILTER: BoardFilter = { text: '', hasBed: false, type: '', region: '', needs: NO_NEEDS };

/** The board's facts as the search's Needs: only what was stated, so an unstated fact never excludes. */
export function needsOf(n: BoardNeeds): Needs {
  const needs: Needs = {};
  if (n.gender) needs.gender = n.gender;
  if (n.age !== null) needs.age = n.age;
  if (n.children > 0) needs.children = n.children;
  for (const flag of ['pets', 'wheelchair', 'substanceUse', 'currentSexTrade', 'avoidMandatoryActivities'] as const) {
    if (n[flag]) needs[flag] = true;
  }
  return needs;
}

/** How many facts about the person are stated (0: "fits this person" is off). */
export function factCount(n: BoardNeeds): number {
  return Object.keys(needsOf(n)).length;
}

export function isFiltered(f: BoardFilter): boolean {
  return f.text.trim() !== '' || f.hasBed || f.type !== '' || f.region !== '' || factCount(f.needs) > 0;
}

/**
 * The programs the filter lets through. With facts stated, a program whose rules this browser does not have is
 * left out: the board cannot say it fits.
 */
export function applyBoardFilter(list: Availability[], f: BoardFilter, rulesOf: (a: Availability) => Eligibility | undefined): Availability[] {
  const needs = needsOf(f.needs);
  const checkFit = Object.keys(needs).length > 0;
  return list.filter((a) => {
    if (!matchesFilter(a, f.text)) return false;
    if (f.hasBed && a.bookable <= 0) return false;
    if (f.type && a.type !== f.type) return false;
    if (f.region && a.regionCode !== f.region) return false;
    if (!checkFit) return true;
    const rules = rulesOf(a);
    return rules !== undefined && fits(rules, needs);
  });
}

const province = (code: string) => code.split('-')[0];

/**
 * Regions in the order a caseworker reads them: her own first, then the others of her province, then the
 * rest, each part by code (the order the board always had).
 */
export function compareRegions(home: string | null): (a: string, b: string) => number {
  const rank = (code: string) => (home === null ? 0 : code === home ? 0 : province(code) === province(home) ? 1 : 2);
  return (a, b) => rank(a) - rank(b) || a.localeCompare(b);
}

export interface RegionRows { regionCode: string; programs: Availability[]; bookable: number }

/**
 * The list view: one row per program, by region (her own first), then by name. Not by bookable beds: a live
 * change then rewrites its row where it is, and the row she is about to tap never jumps ("has a bed" hides the
 * full ones instead).
 */
export function listRows(list: Availability[], home: string | null): RegionRows[] {
  const byRegion = new Map<string, Availability[]>();
  for (const a of list) byRegion.set(a.regionCode, [...(byRegion.get(a.regionCode) ?? []), a]);
  return [...byRegion.keys()].sort(compareRegions(home)).map((regionCode) => {
    const programs = [...byRegion.get(regionCode)!].sort((x, y) => x.facilityName.localeCompare(y.facilityName)
      || x.programName.localeCompare(y.programName) || String(x.programId).localeCompare(String(y.programId)));
    return { regionCode, programs, bookable: programs.reduce((sum, a) => sum + a.bookable, 0) };
  });
}

/** A filter read back from storage: anything missing or of the wrong kind is the default, never an error. */
export function filterFrom(raw: unknown): BoardFilter {
  if (!raw || typeof raw !== 'object') return NO_FILTER;
  const r = raw as Record<string, unknown>;
  const n = (r.needs && typeof r.needs === 'object' ? r.needs : {}) as Record<string, unknown>;
  const flag = (v: unknown) => v === true;
  const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 120 ? v : null);
  return {
    text: typeof r.text === 'string' ? r.text : '',
    hasBed: flag(r.hasBed),
    type: typeof r.type === 'string' ? (r.type as ProgramType) : '',
    region: typeof r.region === 'string' ? r.region : '',
    needs: {
      gender: typeof n.gender === 'string' ? (n.gender as Gender) : '',
      age: count(n.age),
      children: count(n.children) ?? 0,
      pets: flag(n.pets), wheelchair: flag(n.wheelchair), substanceUse: flag(n.substanceUse),
      currentSexTrade: flag(n.currentSexTrade), avoidMandatoryActivities: flag(n.avoidMandatoryActivities),
    },
  };
}
