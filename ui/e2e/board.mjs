// Browser tests of the compact live board (issue 19.5): 18 programs of its own in one 900 px screen at 1280 px,
// the filters, a live change in place, no sideways scroll at 360 px. Called by run.mjs with its helpers.
import { goTo, switchLanguage } from './header.mjs';

const TYPES = ['EMERGENCY_SHELTER', 'DV_SHELTER', 'HOTEL_MOTEL', 'DETOX', 'RESPITE', 'TRANSITIONAL_HOUSING'];

export async function boardTests({ test, expect, signIn, axe, shot, harbour, world, base }) {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const eligibility = {
    genders: ['WOMAN', 'MAN', 'TRANS_WOMAN', 'TRANS_MAN', 'NON_BINARY', 'TWO_SPIRIT'], minAge: 16, maxAge: null,
    acceptsChildren: true, acceptsPets: true, substanceUse: 'HARM_REDUCTION', acceptsCurrentSexTrade: true,
    mandatoryActivities: false, wheelchairAccessible: true, traffickingSpecialized: false, languages: ['en'],
    culturallySpecific: null,
  };
  const places = [
    { letter: 'A', regionCode: 'ON-NORTHEAST', municipality: 'Sudbury', timeZone: 'America/Toronto' },
    { letter: 'B', regionCode: 'ON-EAST', municipality: 'Ottawa', timeZone: 'America/Toronto' },
    { letter: 'C', regionCode: 'AB-NORTH', municipality: 'Grande Prairie', timeZone: 'America/Edmonton' },
  ];
  // 3 facilities x 6 programs, all named with this run's suffix, so the board's name filter shows exactly these 18.
  // Every other program takes pets; the last of each facility, and C's respite, have no bed.
  const programs = [];
  for (const place of places) {
    const facility = await harbour.call(world.admin, 'POST', '/api/facilities', {
      name: `E2E Board ${place.letter} ${suffix}`, organization: `E2E Board Society ${suffix}`, regionCode: place.regionCode,
      municipality: place.municipality, timeZone: place.timeZone, address: null, confidential: true,
      intakePhone: '+1-705-555-0119', intakeHours: { alwaysOpen: true, weekly: [] },
      programs: TYPES.map((type, i) => ({
        name: `${type.toLowerCase().replace(/_/g, ' ')} ${place.letter}${i}`, type, population: 'MIXED_ADULT', capacityType: 'BED',
        capacity: 10, maxStayDays: 30, nightlyCost: null, eligibility: { ...eligibility, acceptsPets: i % 2 === 0 },
      })),
    });
    for (const [i, p] of facility.programs.entries()) {
      const bookable = i === 5 || (place.letter === 'C' && i === 4) ? 0 : i + 1;
      await harbour.setAvailability(world.admin, p.id, bookable, 0);
      programs.push({ id: String(p.id), type: p.type, regionCode: place.regionCode, pets: i % 2 === 0, bookable });
    }
  }
  const withBed = programs.filter((p) => p.bookable > 0);

  const rows = (page) => page.locator('harbour-board-list tbody tr');
  const count = (page) => page.locator('harbour-live-board [data-count]');
  const board = (page) => page.locator('harbour-live-board');
  const shownIds = async (page) => (await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-program-id')))).sort();
  const ids = (list) => list.map((p) => p.id).sort();
  async function showOurs(page) {
    await page.goto(`${base}/#/board`);
    await page.locator('harbour-header [data-live="live"]').waitFor();
    await board(page).getByLabel('Filter by name or place').fill(suffix);
    await count(page).filter({ hasText: `18 of ` }).waitFor();
  }

  await test('board: compact — 18 programs within one 900 px screen at 1280, a live change in place, no sideways scroll at 360', async (page) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, world.caseworker);
    await showOurs(page);
    expect((await rows(page).count()) === 18, `18 rows, one per program: ${await rows(page).count()}`);
    const last = await rows(page).nth(17).boundingBox();
    console.log(`    18th row ends at ${Math.round(last.y + last.height)} px of 900; page ${await page.evaluate(() => document.documentElement.scrollHeight)} px tall`);
    expect(last.y + last.height <= 900, `the 18th program is within the first 900 px screen (ends at ${last.y + last.height})`);
    const heights = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));
    expect(Math.max(...heights) < 40, `one line per program at 1280 px: row heights ${heights.join(', ')}`);
    await shot(page, 'board-compact-1280');

    // A live change rewrites its own row: the same element, at the same place, the new figure.
    const target = programs[1];
    const row = page.locator(`harbour-board-list tr[data-program-id="${target.id}"]`);
    const before = await shownIds(page);
    const order = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-program-id')));
    await row.evaluate((tr) => (tr.__sameRow = true));
    await harbour.setAvailability(world.admin, target.id, 8, 0);
    await row.locator('[data-figure="bookable"]').filter({ hasText: /^8$/ }).waitFor({ timeout: 3000 });
    expect(await row.evaluate((tr) => tr.__sameRow === true), 'the row was changed in place, not drawn again');
    expect(JSON.stringify(await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-program-id')))) === JSON.stringify(order),
      'no row moved');
    expect(JSON.stringify(await shownIds(page)) === JSON.stringify(before), 'the same programs');
    await harbour.setAvailability(world.admin, target.id, target.bookable, 0);

    await page.setViewportSize({ width: 360, height: 780 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 0, `no sideways scrolling at 360 px (${overflow}px too wide)`);
    const phone = await rows(page).evaluateAll((trs) => trs.filter((tr) => !tr.classList.contains('first'))
      .map((tr) => Math.round(tr.getBoundingClientRect().height)));
    expect(Math.max(...phone) <= 72, `two short lines per program at 360 px: ${phone.join(', ')}`);
    console.log(`    at 360 px: page ${await page.evaluate(() => document.documentElement.scrollHeight)} px tall; rows ${Math.min(...phone)}-${Math.max(...phone)} px`);
    await shot(page, 'board-compact-360');
    await axe(page, 'board-compact');

    await switchLanguage(page, 'fr');
    await page.getByRole('heading', { name: 'Tableau en direct' }).waitFor();
    const heads = await page.locator('harbour-board-list thead').textContent();
    expect(/Réservables/.test(heads) && /Retenus/.test(heads) && /Mis à jour/.test(heads) && /Accueil/.test(heads), `French columns: ${heads}`);
    await count(page).filter({ hasText: '18 sur ' }).waitFor();
    await shot(page, 'board-compact-fr-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    const lastFr = await rows(page).nth(17).boundingBox();
    expect(lastFr.y + lastFr.height <= 900, `in French too, the 18th program is within 900 px (${lastFr.y + lastFr.height})`);
    await shot(page, 'board-compact-fr-1280');
    await axe(page, 'board-compact-fr');
    await switchLanguage(page, 'en');
  });

  await test('board: compact filters — has a bed, fits this person, type, region, kept for the session; her region first', async (page) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, world.caseworker);
    await showOurs(page);
    const b = board(page);
    await b.getByLabel('Has a bed').check();
    await count(page).filter({ hasText: `${withBed.length} of ` }).waitFor();
    expect(JSON.stringify(await shownIds(page)) === JSON.stringify(ids(withBed)), 'has a bed: every program with a bed, and only those');
    const zeros = await rows(page).locator('[data-figure="bookable"]').filter({ hasText: /^0$/ }).count();
    expect(zeros === 0, `no program with 0 bookable is shown (${zeros})`);

    await b.getByText('Fits this person').click();
    await b.getByLabel('Has a pet').check();
    const petsOk = withBed.filter((p) => p.pets);
    await count(page).filter({ hasText: `${petsOk.length} of ` }).waitFor();
    expect(JSON.stringify(await shownIds(page)) === JSON.stringify(ids(petsOk)), 'fits this person: the programs that take pets');
    await b.getByText('Fits this person (1 fact)').waitFor();
    await shot(page, 'board-compact-fits-1280');

    await b.getByLabel('Type of place').selectOption('DETOX');
    await b.getByText('No program matches these filters.').waitFor();
    await b.getByRole('button', { name: 'Clear these facts' }).click();
    const detox = withBed.filter((p) => p.type === 'DETOX');
    await count(page).filter({ hasText: `${detox.length} of ` }).waitFor();
    expect(JSON.stringify(await shownIds(page)) === JSON.stringify(ids(detox)), 'type: the detox programs with a bed');
    await b.getByLabel('Region', { exact: true }).selectOption('ON-EAST');
    const east = detox.filter((p) => p.regionCode === 'ON-EAST');
    await count(page).filter({ hasText: `${east.length} of ` }).waitFor();
    expect(JSON.stringify(await shownIds(page)) === JSON.stringify(ids(east)), 'region: the detox program in Eastern Ontario');

    // Kept for the session (sessionStorage, per user): a reload shows the same board.
    await page.reload();
    await count(page).filter({ hasText: `${east.length} of ` }).waitFor();
    expect(await b.getByLabel('Filter by name or place').inputValue() === suffix, 'the name filter is kept');
    expect(await b.getByLabel('Has a bed').isChecked(), '"has a bed" is kept');
    expect(await b.getByLabel('Type of place').inputValue() === 'DETOX', 'the type is kept');
    await b.getByRole('button', { name: 'Clear filters' }).first().click();
    await count(page).filter({ hasText: /^\d+ programs$/ }).waitFor();

    // Her own region first: the region she last searched in.
    await goTo(page, 'Find a bed');
    const form = page.locator('harbour-find-bed form');
    await form.getByLabel('Region', { exact: true }).selectOption('AB-NORTH');
    await form.getByRole('button', { name: 'Search' }).click();
    await page.locator('harbour-find-bed #results').waitFor();
    await goTo(page, 'Live board');
    await b.locator('[data-home="AB-NORTH"]').filter({ hasText: 'first: the region you last searched in' }).waitFor();
    expect(await page.locator('harbour-board-list tbody').first().getAttribute('data-region') === 'AB-NORTH', 'her region comes first');

    // The card view is kept as an option, and remembered.
    await b.getByRole('radio', { name: 'Cards' }).check();
    await page.locator('harbour-live-board harbour-program-card').first().waitFor();
    await page.reload();
    await page.locator('harbour-live-board harbour-program-card').first().waitFor();
    expect(await b.getByRole('radio', { name: 'Cards' }).isChecked(), 'cards remembered');
    await b.getByRole('radio', { name: 'List' }).check();
    await page.locator('harbour-board-list').waitFor();
  });

  await test('board: compact — shelter staff see their facilities\' region first', async (page) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, world.staff);
    await page.goto(`${base}/#/board`);
    await board(page).locator(`[data-home="${world.regionCode}"]`).filter({ hasText: 'where your programs are' }).waitFor();
    expect(await page.locator('harbour-board-list tbody').first().getAttribute('data-region') === world.regionCode, 'staff: their region first');
    await page.locator(`harbour-board-list tr[data-program-id="${world.programId}"]`).waitFor();
  });

  await test('board: compact — funders see the list and its filters, without "fits this person"', async (page) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, world.funder);
    await page.goto(`${base}/#/board`);
    await page.locator(`harbour-board-list tr[data-program-id="${world.programId}"]`).waitFor();
    expect(await board(page).getByText('Fits this person').count() === 0, 'no person, no "fits this person"');
    await board(page).getByLabel('Has a bed').waitFor();
    await shot(page, 'board-funder-1280');
    await page.setViewportSize({ width: 360, height: 800 });
    await shot(page, 'board-funder-360');
    await switchLanguage(page, 'fr');
    await page.getByRole('heading', { name: 'Tableau en direct' }).waitFor();
    expect(await board(page).getByText('Convient à cette personne').count() === 0, 'no person, no "fits this person" in French');
    await shot(page, 'board-funder-fr-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot(page, 'board-funder-fr-1280');
    await switchLanguage(page, 'en');
  });
}
