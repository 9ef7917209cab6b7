// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Availability } from '../api/types';
import { setLocale } from '../i18n';
import './program-card';
import type { ProgramCard } from './program-card';

const now = Date.parse('2026-11-21T23:00:00Z');
const figure: Availability = {
  programId: 7, facilityId: 3, facilityName: 'Harbour House', programName: 'Women', regionCode: 'ON-CENTRAL',
  municipality: 'Toronto', type: 'DV_SHELTER', population: 'WOMEN', capacityType: 'BED', capacity: 12, available: 3,
  held: 1, bookable: 2, outOfService: 1, occupied: 8, updatedAt: '2026-11-21T20:00:00Z', updatedBy: 'staff',
  version: 4, stale: false, refusalRate: null, doorOutcomes: 0,
};

async function render(a: Availability): Promise<ShadowRoot> {
  const card = document.createElement('harbour-program-card') as ProgramCard;
  card.figure = a;
  card.now = now;
  document.body.append(card);
  await card.updateComplete;
  return card.shadowRoot!;
}

describe('harbour-program-card', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    setLocale('en');
  });

  it('shows bookable, held and out of service with the age of the figure', async () => {
    const root = await render(figure);
    expect(root.querySelector('[data-figure="bookable"]')?.textContent).toBe('2');
    expect(root.querySelector('[data-figure="held"]')?.textContent).toBe('1');
    expect(root.querySelector('[data-figure="outOfService"]')?.textContent).toBe('1');
    expect(root.querySelector('time')?.textContent).toBe('Updated 3 hours ago');
    expect(root.querySelector('.is-stale')).toBeNull();
    expect(root.textContent).not.toContain('Refused');
  });

  it('marks a stale figure in words, not colour alone, and shows the refusal rate when known', async () => {
    const root = await render({ ...figure, stale: true, refusalRate: 0.25, doorOutcomes: 8 });
    expect(root.querySelector('article')?.classList.contains('is-stale')).toBe(true);
    expect(root.querySelector('.stale-tag')?.textContent).toContain('Stale');
    expect(root.textContent).toContain('call before going');
    expect(root.textContent).toContain('Refused at the door: 25%');
  });

  it('speaks French when switched', async () => {
    setLocale('fr');
    const root = await render({ ...figure, stale: true });
    expect(root.querySelector('time')?.textContent).toBe('Mis à jour il y a 3 heures');
    expect(root.querySelector('.stale-tag')?.textContent).toContain('Périmé');
  });
});
