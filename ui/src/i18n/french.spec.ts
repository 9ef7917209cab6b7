import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { problemsEn } from './problems-en';

/**
 * Issue 19: French everywhere. Every key has its French, and a French value equal to its English one is a
 * missing translation unless it is on this list: words French writes the same, names and codes.
 */
const SAME_IN_FRENCH = new Set<string>([
  'app.name', // Harbour, a name
  'fieldName.alias', 'fieldName.types', 'fieldName.type', 'fieldName.date', 'fieldName.minutes',
  'reports.group.population', 'reports.filter.population', 'admin.program.population',
  'reports.col.placements', 'cw.placements_one', 'cw.placements_other', 'timeline.placements',
  'admin.title', 'admin.sections', 'turnaways.total', 'code.digit', 'nav.menu', 'staff.seen', 'audit.action',
  // place names
  'reports.map.province.AB', 'reports.map.province.ON', 'reports.map.tile.AB-EDMONTON', 'reports.map.tile.AB-CALGARY',
]);

describe('French everywhere', () => {
  it('has a French value for every key, and says it in French', () => {
    const missing = Object.keys(en).filter((key) => !(key in fr) || !fr[key as keyof typeof fr]?.trim());
    expect(missing).toEqual([]);
    const untranslated = Object.keys(en).filter((key) => fr[key as keyof typeof fr] === en[key as keyof typeof en]
      && !SAME_IN_FRENCH.has(key));
    expect(untranslated).toEqual([]);
    for (const key of SAME_IN_FRENCH) expect(en, `${key} is still a key`).toHaveProperty([key]);
  });

  it('translates every problem code of the service', () => {
    for (const key of Object.keys(problemsEn)) expect(fr[key as keyof typeof fr], key).toBeTruthy();
  });

  it('puts a non-breaking space before : ; ? ! and inside « », never a plain one or none', () => {
    for (const [key, text] of Object.entries(fr)) {
      expect(text, key).not.toMatch(/[^\u00a0\u202f][;?!]/u);
      expect(text, key).not.toMatch(/[^\u00a0\d]:|\d:(?!\d)/u); // 09:00 is a time
      expect(text, key).not.toMatch(/«[^\u00a0\u202f]|[^\u00a0\u202f]»/u);
      expect(text, key).not.toMatch(/["']/u); // French quotes and apostrophes: « » and ’
    }
  });

  it('keeps plural forms in pairs, each with the count', () => {
    for (const key of Object.keys(en).filter((k) => k.endsWith('_one'))) {
      const other = key.replace(/_one$/, '_other');
      expect(en, key).toHaveProperty([other]);
    }
  });
});
