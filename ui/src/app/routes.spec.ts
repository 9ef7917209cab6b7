import { describe, expect, it } from 'vitest';
import { homeFor, parseHash, routesFor } from './routes';

describe('routes', () => {
  it('shows each role only its screens', () => {
    expect(routesFor(['CASEWORKER']).map((r) => r.id)).toEqual(['find', 'board']);
    expect(routesFor(['SHELTER_STAFF']).map((r) => r.id)).toEqual(['staff', 'board']);
    expect(routesFor(['FUNDER']).map((r) => r.id)).toEqual(['board', 'reports']);
    expect(routesFor(['ADMIN']).map((r) => r.id)).toEqual(['find', 'staff', 'board', 'reports', 'admin']);
  });

  it('opens the screen each role needs first', () => {
    expect(homeFor(['CASEWORKER'])).toBe('find');
    expect(homeFor(['SHELTER_STAFF'])).toBe('staff');
    expect(homeFor(['FUNDER'])).toBe('board');
  });

  it('follows deep links a role may open and falls back home otherwise', () => {
    expect(parseHash('#/board', ['CASEWORKER'])).toBe('board');
    expect(parseHash('#/staff', ['CASEWORKER'])).toBe('find');
    expect(parseHash('#/reports', ['FUNDER'])).toBe('reports');
    expect(parseHash('#/reports', ['CASEWORKER'])).toBe('find');
    expect(parseHash('#/admin', ['FUNDER'])).toBe('board');
    expect(parseHash('#/admin', ['ADMIN'])).toBe('admin');
    expect(parseHash('', ['SHELTER_STAFF'])).toBe('staff');
  });
});
