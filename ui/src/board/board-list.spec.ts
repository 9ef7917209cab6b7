// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Availability } from '../api/types';
import type { ProgramInfo } from '../app/dashboard-data';
import { setLocale } from '../i18n';
import { listRows } from './board-filter';
import './board-list';
import type { BoardList } from './board-list';

const now = Date.parse('2026-12-07T15:00:00Z'); // Monday, 10:00 in Toronto
const figure = (programId: number, facilityName: string, bookable: number, regionCode = 'ON-CENTRAL'): Availability => ({
  programId, facilityId: programId, facilityName, programName: 'Beds', regionCode, municipality: 'Toronto', type: 'DV_SHELTER',
  population: 'WOMEN', capacityType: 'BED', capacity: 12, available: bookable, held: 1, bookable, outOfService: 0, occupied: 3,
  updatedAt: '2026-12-07T14:50:00Z', updatedBy: 'staff', version: 1, stale: false, refusalRate: null, doorOutcomes: 0,
});
const info = (id: number, weekly: boolean): ProgramInfo => ({
  program: { id } as ProgramInfo['program'],
  facility: { id, timeZone: 'America/Toronto', intakePhone: '+1-416-555-0100',
    intakeHours: weekly ? { alwaysOpen: false, weekly: [{ day: 'MONDAY', open: '12:00', close: '17:00' }] } : { alwaysOpen: true, weekly: [] } } as ProgramInfo['facility'],
});

async function render(figures: Availability[]): Promise<BoardList> {
  const list = document.createElement('harbour-board-list') as BoardList;
  list.groups = listRows(figures, 'ON-EAST');
  list.regionNames = new Map([['ON-CENTRAL', 'Toronto and Central Ontario'], ['ON-EAST', 'Eastern Ontario']]);
  list.programs = new Map([['1', info(1, false)], ['2', info(2, true)]]);
  list.now = now;
  list.home = 'ON-EAST';
  document.body.append(list);
  await list.updateComplete;
  return list;
}

describe('harbour-board-list', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    setLocale('en');
  });

  it('is a table: one row per program with its name as the row header, by region, her region first', async () => {
    const list = await render([figure(1, 'Harbour House', 3), figure(2, 'Queen West', 0), figure(3, 'Ottawa Youth', 2, 'ON-EAST')]);
    const root = list.shadowRoot!;
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent?.trim()))
      .toEqual(['Region', 'Program', 'Bookable', 'Held', 'Updated', 'Intake']);
    expect([...root.querySelectorAll('tbody')].map((b) => b.getAttribute('data-region'))).toEqual(['ON-EAST', 'ON-CENTRAL']);
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-program-id'))).toEqual(['3', '1', '2']);
    expect(rows[0].querySelector('th[scope="rowgroup"]')?.textContent).toContain('Eastern Ontario');
    expect(rows[0].querySelector('th[scope="rowgroup"]')?.textContent).toContain('your region');
    expect(rows[1].querySelector('th[scope="rowgroup"]')?.getAttribute('rowspan')).toBe('2');
    expect(rows[1].querySelector('th[scope="row"]')?.textContent).toContain('Harbour House — Beds');
    expect(rows[1].querySelector('[data-figure="bookable"]')?.textContent).toBe('3');
    expect(rows[1].querySelector('[data-figure="held"]')?.textContent).toBe('1');
    expect(rows[1].querySelector('.updated')?.textContent).toMatch(/10 mins? ago/);
    expect(rows[1].querySelector('[data-intake]')?.textContent).toBe('Open 24 h');
    expect(rows[1].querySelector('a[href="tel:+1-416-555-0100"]')?.getAttribute('aria-label')).toBe('Call +1-416-555-0100');
    expect(rows[2].querySelector('[data-intake]')?.textContent).toBe('Closed now');
    expect(rows[2].querySelector('.bookable')?.classList.contains('none')).toBe(true);
  });

  it('changes a live figure in its own row, the same element', async () => {
    const figures = [figure(1, 'Harbour House', 3), figure(2, 'Queen West', 0)];
    const list = await render(figures);
    const row = list.shadowRoot!.querySelector('tr[data-program-id="2"]');
    list.groups = listRows([figures[0], { ...figures[1], bookable: 4, available: 4, version: 2 }], 'ON-EAST');
    await list.updateComplete;
    const after = list.shadowRoot!.querySelector('tr[data-program-id="2"]');
    expect(after).toBe(row);
    expect(after?.querySelector('[data-figure="bookable"]')?.textContent).toBe('4');
  });

  it('speaks French', async () => {
    setLocale('fr');
    const list = await render([figure(1, 'Harbour House', 3)]);
    expect([...list.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent?.trim()))
      .toEqual(['Région', 'Programme', 'Réservables', 'Retenus', 'Mis à jour', 'Accueil']);
    expect(list.shadowRoot!.querySelector('[data-intake]')?.textContent).toBe('Ouvert 24 h');
  });
});
