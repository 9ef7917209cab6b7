import { describe, expect, it } from 'vitest';
import { canonicalHash, hashDetail, homeFor, parseHash, routesFor } from './routes';

describe('routes', () => {
  it('shows each role only its screens', () => {
    expect(routesFor(['CASEWORKER']).map((r) => r.id)).toEqual(['find', 'clients', 'waitlist', 'board']);
    expect(routesFor(['SHELTER_STAFF']).map((r) => r.id)).toEqual(['staff', 'board']);
    expect(routesFor(['FUNDER']).map((r) => r.id)).toEqual(['board', 'reports']);
    expect(routesFor(['ADMIN']).map((r) => r.id)).toEqual(['find', 'clients', 'waitlist', 'staff', 'board', 'reports', 'admin']);
  });

  it('opens the screen each role needs first', () => {
    expect(homeFor(['CASEWORKER'])).toBe('find');
    expect(homeFor(['SHELTER_STAFF'])).toBe('staff');
    expect(homeFor(['FUNDER'])).toBe('reports');
    expect(homeFor(['ADMIN'])).toBe('board');
  });

  it('follows deep links a role may open and falls back home otherwise', () => {
    expect(parseHash('#/board', ['CASEWORKER'])).toBe('board');
    expect(parseHash('#/staff', ['CASEWORKER'])).toBe('find');
    expect(parseHash('#/reports', ['FUNDER'])).toBe('reports');
    expect(parseHash('#/reports', ['CASEWORKER'])).toBe('find');
    expect(parseHash('#/admin', ['FUNDER'])).toBe('reports');
    expect(parseHash('#/admin', ['ADMIN'])).toBe('admin');
    expect(parseHash('', ['SHELTER_STAFF'])).toBe('staff');
  });

  it('keeps a screen\'s own detail: a client, a preselected client', () => {
    expect(parseHash('#/clients/12', ['CASEWORKER'])).toBe('clients');
    expect(hashDetail('#/clients/12').sub).toBe('12');
    expect(hashDetail('#/clients').sub).toBeNull();
    expect(hashDetail('#/clients/12%').sub).toBe('12%');
    expect(hashDetail('#/find?client=7').params.get('client')).toBe('7');
    expect(hashDetail('#/waitlist?client=7&x=1').sub).toBeNull();
    expect(canonicalHash('#/clients/12', 'clients')).toBe('#/clients/12');
    expect(canonicalHash('#/find?client=3', 'find')).toBe('#/find?client=3');
    expect(canonicalHash('#/clientsfoo', 'clients')).toBe('#/clients');
    expect(canonicalHash('#/staff/1', 'find')).toBe('#/find');
    expect(canonicalHash('', 'find')).toBe('#/find');
  });
});
