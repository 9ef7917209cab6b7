import type { Facility, Me } from '../api/types';
import { NO_FILTER, filterFrom, type BoardFilter } from './board-filter';

/** The board as a compact list (the default) or as the cards it always had. */
export type BoardView = 'LIST' | 'CARDS';

const VIEW_KEY = 'harbour.board.view';
const LAST_REGION_KEY = 'harbour.board.lastRegion';
const filterKey = (username: string) => `harbour.board.filter.${username}`;

function store(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? localStorage : sessionStorage;
  } catch {
    return null; // storage off: nothing is remembered, the board still works
  }
}

function read(kind: 'local' | 'session', key: string): string | null {
  try {
    return store(kind)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(kind: 'local' | 'session', key: string, value: string): void {
  try {
    store(kind)?.setItem(key, value);
  } catch {
    /* full or off: not remembered */
  }
}

/** List or cards, as last chosen on this device (a display choice; it names nobody). */
export function loadView(): BoardView {
  return read('local', VIEW_KEY) === 'CARDS' ? 'CARDS' : 'LIST';
}

export function saveView(view: BoardView): void {
  write('local', VIEW_KEY, view);
}

/**
 * The board's filters, per user for the session: sessionStorage, gone when the tab closes like the token,
 * so the facts typed about a person do not outlive the shift's tab.
 */
export function loadFilter(username: string | undefined): BoardFilter {
  if (!username) return NO_FILTER;
  const raw = read('session', filterKey(username));
  if (!raw) return NO_FILTER;
  try {
    return filterFrom(JSON.parse(raw));
  } catch {
    return NO_FILTER;
  }
}

export function saveFilter(username: string | undefined, filter: BoardFilter): void {
  if (username) write('session', filterKey(username), JSON.stringify(filter));
}

/** The region last searched in on this device (Find a bed, or the board's region filter): a region code only. */
export function rememberRegion(code: string): void {
  if (code) write('local', LAST_REGION_KEY, code);
}

export function lastRegion(): string | null {
  return read('local', LAST_REGION_KEY);
}

/** Where the user's own region comes from: her facilities (shelter staff), or the region she last searched in. */
export type HomeSource = 'FACILITIES' | 'LAST_SEARCH';
export interface Home { regionCode: string; source: HomeSource }

/**
 * The region shown first. Users carry no region (GET /api/users/me: role, organization and facilities), so
 * shelter staff's is where most of their facilities are; anyone else's is the region last searched in on this
 * device; none yet: the board keeps its usual order.
 */
export function homeRegion(me: Pick<Me, 'facilityIds'> | null, facilities: Pick<Facility, 'id' | 'regionCode'>[],
  last: string | null, known: (code: string) => boolean): Home | null {
  const mine = new Map<string, number>();
  for (const id of me?.facilityIds ?? []) {
    const f = facilities.find((x) => String(x.id) === String(id));
    if (f) mine.set(f.regionCode, (mine.get(f.regionCode) ?? 0) + 1);
  }
  const most = [...mine.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0];
  if (most) return { regionCode: most[0], source: 'FACILITIES' };
  if (last && known(last)) return { regionCode: last, source: 'LAST_SEARCH' };
  return null;
}
