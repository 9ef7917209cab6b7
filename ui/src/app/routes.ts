import type { Role } from '../api/types';
import type { MessageKey } from '../i18n';

export type RouteId = 'board' | 'staff' | 'find' | 'clients' | 'waitlist' | 'reports' | 'admin';

export interface Route {
  id: RouteId;
  label: MessageKey;
  roles: Role[];
  /** Built in a later slice: kept out of the navigation until then. */
  ready: boolean;
}

export const ROUTES: Route[] = [
  { id: 'find', label: 'nav.find', roles: ['CASEWORKER', 'ADMIN'], ready: true },
  { id: 'clients', label: 'nav.clients', roles: ['CASEWORKER', 'ADMIN'], ready: true },
  { id: 'waitlist', label: 'nav.waitlist', roles: ['CASEWORKER', 'ADMIN'], ready: true },
  { id: 'staff', label: 'nav.staff', roles: ['SHELTER_STAFF', 'ADMIN'], ready: true },
  { id: 'board', label: 'nav.board', roles: ['ADMIN', 'SHELTER_STAFF', 'CASEWORKER', 'FUNDER'], ready: true },
  { id: 'reports', label: 'nav.reports', roles: ['FUNDER', 'ADMIN'], ready: true },
  { id: 'admin', label: 'nav.admin', roles: ['ADMIN'], ready: true },
];

export function routesFor(roles: Role[]): Route[] {
  return ROUTES.filter((r) => r.ready && r.roles.some((role) => roles.includes(role)));
}

/** The first screen a role needs: caseworkers search, staff update counts, funders read reports, admins watch. */
export function homeFor(roles: Role[]): RouteId {
  if (roles.includes('CASEWORKER')) return 'find';
  if (roles.includes('SHELTER_STAFF')) return 'staff';
  if (roles.includes('FUNDER') && !roles.includes('ADMIN')) return 'reports';
  return 'board';
}

/** Hash routing (#/find): deep links work without any server-side fallback. */
export function parseHash(hash: string, roles: Role[]): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  const allowed = routesFor(roles).find((r) => r.id === id);
  return allowed ? allowed.id : homeFor(roles);
}

/** What follows the screen in the hash: #/clients/12 -> sub "12"; #/find?client=12 -> params client=12. */
export function hashDetail(hash: string): { sub: string | null; params: URLSearchParams } {
  const path = hash.replace(/^#\/?/, '');
  const [route, query = ''] = path.split('?', 2);
  const parts = route.split('/');
  const sub = parts.length > 1 && parts[1] ? safeDecode(parts[1]) : null;
  return { sub, params: new URLSearchParams(query) };
}

/** The hash to keep for a screen: its own detail (#/clients/12, #/find?client=3) stays, anything else goes. */
export function canonicalHash(hash: string, route: RouteId): string {
  const path = hash.replace(/^#\/?/, '');
  const rest = path.slice(route.length);
  return path.startsWith(route) && /^([/?].*)?$/.test(rest) ? `#/${path}` : `#/${route}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a hand-typed '%' is not an escape
  }
}
