// Browser tests of issue 19, "French everywhere": every main screen, as each role, shows no English message of
// the dashboard's catalog, and errors the service answers (a hold on a program whose last bed went meanwhile, a report
// date outside the window) are said in French. Called by run.mjs with its helpers.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { switchLanguage } from './header.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The key -> text of a catalog file (one `'key': 'text',` a line, as en.ts, fr.ts and problems-*.ts are written). */
function catalog(...files) {
  const messages = {};
  for (const file of files) {
    for (const line of readFileSync(resolve(here, '../src/i18n', file), 'utf8').split('\n')) {
      const m = /^\s*'([^']+)': '(.*)',\s*$/.exec(line);
      if (m) messages[m[1]] = m[2].replace(/\\u00a0/g, '\u00a0');
    }
  }
  return messages;
}

/**
 * The English messages whose French differs, as matchers of a whole text: a placeholder matches anything. Messages
 * with fewer than 4 letters of their own (“{label}: {value}”) would match anything and are left out.
 */
function englishMatchers() {
  const en = catalog('problems-en.ts', 'en.ts');
  const fr = catalog('problems-fr.ts', 'fr.ts');
  const matchers = [];
  for (const [key, text] of Object.entries(en)) {
    if (fr[key] === undefined || fr[key] === text || key.startsWith('lang.')) continue; // lang.* name the other language
    const literal = text.replace(/\{\w+\}/g, '');
    if ((literal.match(/\p{L}/gu) ?? []).length < 4) continue;
    // {n} is a count: it matches figures only, so a program named "Emergency beds" is not "{n} beds".
    const pattern = text.split(/(\{\w+\})/).map((part) => (part === '{n}' ? '[\\d\\s,.\u00a0\u202f]+'
      : /^\{\w+\}$/.test(part) ? '.+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
    matchers.push({ key, text, regex: new RegExp(`^${pattern}$`, 'u') });
  }
  return matchers;
}

/** Every text the page shows, through the shadow roots of its components (and the options of its lists). */
function visibleTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = (root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walker.currentNode; n; n = walker.nextNode()) {
        if (n.nodeType === Node.TEXT_NODE) {
          const parent = n.parentElement;
          const text = n.textContent.replace(/\s+/g, ' ').trim();
          if (!text || !parent || parent.closest('style, script, template')) continue;
          if (parent.tagName === 'OPTION' || parent.getClientRects().length) out.push(text);
        } else if (n.shadowRoot) {
          walk(n.shadowRoot);
        }
      }
    };
    walk(document.body);
    return out;
  });
}

export async function frenchTests({ test, expect, signIn, shot, harbour, world, base }) {
  const english = englishMatchers();
  expect(english.length > 500, `English messages to look for: ${english.length}`);

  /** Fails naming every text of the page that is an English message of the catalog. */
  async function noEnglish(page, where) {
    const found = [];
    for (const text of await visibleTexts(page)) {
      const hit = english.find((m) => m.regex.test(text));
      if (hit) found.push(`"${text}" (${hit.key})`);
    }
    expect(found.length === 0, `${where}: English on a French screen: ${[...new Set(found)].join('; ')}`);
  }

  /** Signs in (the sign-in page speaks the browser's English) and switches to French from the header. */
  async function inFrench(page, user) {
    await signIn(page, user);
    await switchLanguage(page, 'fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
  }

  async function visit(page, route, ready, name) {
    await page.goto(`${base}/#/${route}`);
    await ready();
    await page.waitForTimeout(300); // the live snapshot and the lists that follow it
    await noEnglish(page, `${name} #/${route}`);
    await shot(page, `french-${name}-${route}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await noEnglish(page, `${name} #/${route} at 1280 px`);
    await shot(page, `french-${name}-${route}-desktop`);
    await page.setViewportSize({ width: 360, height: 780 });
  }

  const region = (await harbour.call(world.admin, 'GET', '/api/regions')).find((r) => r.code === world.regionCode);
  const frenchRegion = region.nameFr;
  const englishRegion = region.name;

  await test('french: the caseworker’s screens have no English message, and region names are French', async (page) => {
    await inFrench(page, world.caseworker);
    await visit(page, 'find', () => page.getByRole('heading', { name: 'Trouver un lit maintenant' }).first().waitFor(), 'caseworker');
    const region = page.locator('harbour-find-bed form').getByLabel('Région', { exact: true });
    expect((await region.locator('option').allInnerTexts()).includes(frenchRegion), `French region name ${frenchRegion} in the list`);
    await visit(page, 'board', () => page.getByRole('heading', { name: 'Tableau en direct' }).first().waitFor(), 'caseworker');
    // The board (cards or the compact list, whichever is chosen) names its regions in French, never in English.
    const boardTexts = await visibleTexts(page);
    expect(boardTexts.some((text) => text.includes(frenchRegion)), `board names ${frenchRegion}: ${boardTexts.join(' | ')}`);
    expect(!boardTexts.some((text) => text.includes(englishRegion)), `board never says ${englishRegion}`);
    await visit(page, 'clients', () => page.getByRole('heading', { name: 'Personnes', exact: true }).first().waitFor(), 'caseworker');
    await visit(page, 'waitlist', () => page.getByRole('heading', { name: 'Listes d’attente' }).first().waitFor(), 'caseworker');
  });

  await test('french: the shelter staff’s screen has no English message', async (page) => {
    await inFrench(page, world.staff);
    await visit(page, 'staff', () => page.getByRole('heading', { name: 'Mes programmes' }).first().waitFor(), 'staff');
    await visit(page, 'board', () => page.getByRole('heading', { name: 'Tableau en direct' }).first().waitFor(), 'staff');
  });

  await test('french: the admin’s screens have no English message', async (page) => {
    await inFrench(page, world.admin);
    await visit(page, 'admin', () => page.getByRole('heading', { name: 'Administration' }).first().waitFor(), 'admin');
    await visit(page, 'reports', () => page.getByRole('heading', { name: 'Rapport de capacité' }).first().waitFor(), 'admin');
  });

  await test('french: a report date outside the window is refused in French, with the filters agreeing', async (page) => {
    await inFrench(page, world.funder);
    await page.getByRole('heading', { name: 'Rapport de capacité' }).first().waitFor();
    const form = page.locator('harbour-capacity-report form');
    const allRegions = await form.getByLabel('Région', { exact: true }).locator('option').first().innerText();
    expect(allRegions === 'Toutes les régions', `“Région : ${allRegions}” agrees`);
    expect((await form.getByLabel('Région', { exact: true }).locator('option').allInnerTexts()).includes(frenchRegion),
      `French region name ${frenchRegion} among the filters`);
    await form.getByRole('button', { name: 'Produire le rapport' }).click();
    await page.locator('harbour-capacity-report #results').waitFor();
    await noEnglish(page, 'funder #/reports');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot(page, 'french-reports-desktop');
    await page.setViewportSize({ width: 360, height: 780 });
    await shot(page, 'french-reports');
    await form.getByLabel('Du', { exact: true }).fill('1999-12-31');
    await form.getByRole('button', { name: 'Produire le rapport' }).click();
    const refusal = page.locator('harbour-capacity-report').getByText('Une date entre le 2000-01-01 et le 2100-12-31', { exact: false });
    await refusal.waitFor();
    await noEnglish(page, 'funder #/reports refused');
    await shot(page, 'french-reports-refused');
  });

  await test('french: a hold on a program whose last bed went meanwhile is refused in French', async (page) => {
    const facility = await harbour.call(world.admin, 'POST', '/api/facilities', {
      name: `E2E Dernier lit ${Date.now().toString(36)}`, organization: 'E2E Shelter Society', regionCode: world.regionCode,
      municipality: 'Sudbury', timeZone: 'America/Toronto', address: '2 Test Lane', confidential: false,
      intakePhone: '+1-705-555-0100', intakeHours: { alwaysOpen: true, weekly: [] },
      programs: [{
        name: 'Lit de la dernière chance', type: 'RESPITE', population: 'MIXED_ADULT', capacityType: 'BED', capacity: 1,
        maxStayDays: null, nightlyCost: null,
        eligibility: {
          genders: ['WOMAN', 'MAN', 'TRANS_WOMAN', 'TRANS_MAN', 'NON_BINARY', 'TWO_SPIRIT'], minAge: null, maxAge: null,
          acceptsChildren: true, acceptsPets: true, substanceUse: 'ALLOWED', acceptsCurrentSexTrade: true,
          mandatoryActivities: false, wheelchairAccessible: true, traffickingSpecialized: false, languages: ['fr'],
          culturallySpecific: null,
        },
      }],
    });
    const programId = facility.programs[0].id;
    await harbour.setAvailability(world.admin, programId, 1, 0);
    // The dashboard is offline when the last bed goes: it still shows one, as a phone in a dead zone would.
    let frozen = false;
    await page.routeWebSocket(/\/ws\/live/, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((message) => {
        if (!frozen) ws.send(message);
      });
    });
    await inFrench(page, world.caseworker);
    const form = page.locator('harbour-find-bed form');
    await form.getByLabel('Région', { exact: true }).selectOption(world.regionCode);
    await form.getByLabel('Répit').check();
    await form.getByLabel(/Pseudonyme d’un·e nouveau·elle/).fill(`${world.alias}-fr`);
    await form.getByRole('button', { name: 'Rechercher' }).click();
    const result = page.locator(`harbour-match-card [data-program-id="${programId}"]`);
    await result.waitFor();
    frozen = true;
    await harbour.setAvailability(world.admin, programId, 0, 0);
    await result.getByRole('button', { name: 'Retenir un lit' }).click();
    await result.getByText('Il ne reste aucune place réservable dans ce programme.').waitFor();
    await noEnglish(page, 'caseworker #/find refused');
    await page.setViewportSize({ width: 1280, height: 900 });
    await result.scrollIntoViewIfNeeded();
    await shot(page, 'french-find-no-bed-desktop');
    await page.setViewportSize({ width: 360, height: 780 });
    await result.scrollIntoViewIfNeeded();
    await shot(page, 'french-find-no-bed');
  });
}
