// Issue 16's handshake at the door, from both sides, timed: a caseworker holds a bed, the shelter's front desk sees
// her on "Coming tonight" without a reload, checks her in with her code, and the caseworker's screen says she has
// arrived, also without a reload. Two browser contexts (two people, two phones), in English and in French, at
// 360x740 and 1280x800; screenshots of each step from each side, and the time from the desk's check-in click to
// the caseworker's notice (min / median / max over the runs).
//
//   node e2e/door-handshake.mjs http://localhost:18391 [screenshot dir] [runs per language and width, default 3]
//
// Sets the scene through the API as the demo admin: a confidential house of its own (capacity 60), its front-desk
// user and an outreach caseworker, a new client per run. Timing is taken in the pages: the click's Date.now() on
// the desk (a capturing listener) and the Date.now() at which the notice is in the caseworker's page (polled
// every 2 ms); both pages run in one browser on one machine, so one clock.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Harbour } from './harbour-api.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.argv[2] ?? 'http://localhost:8080').replace(/\/$/, '');
const shots = resolve(process.argv[3] ?? join(here, '../../target/door-handshake'));
const runs = Number(process.argv[4] ?? 3);
mkdirSync(shots, { recursive: true });

const harbour = new Harbour(base);
const admin = await harbour.login(process.env.HARBOUR_E2E_ADMIN_USERNAME ?? 'admin', process.env.HARBOUR_E2E_ADMIN_PASSWORD ?? 'harbour-demo-admin');
const suffix = Date.now().toString(36).slice(-5);
const regionCode = 'ON-NORTHEAST';
const house = `Maison Passage ${suffix}`;
const facility = await harbour.call(admin, 'POST', '/api/facilities', {
  name: house, organization: `Passage Society ${suffix}`, regionCode, municipality: 'Sudbury', timeZone: 'America/Toronto',
  address: '12 Hidden Way', confidential: true, intakePhone: '+1-705-555-0142', intakeHours: { alwaysOpen: true, weekly: [] },
  programs: [{ name: 'Safe beds', type: 'SAFE_HOUSE', population: 'WOMEN', capacityType: 'BED', capacity: 60, maxStayDays: 30,
    nightlyCost: null, eligibility: {
      genders: ['WOMAN', 'TRANS_WOMAN', 'NON_BINARY', 'TWO_SPIRIT'], minAge: 16, maxAge: null, acceptsChildren: true,
      acceptsPets: true, substanceUse: 'HARM_REDUCTION', acceptsCurrentSexTrade: true, mandatoryActivities: false,
      wheelchairAccessible: true, traffickingSpecialized: true, languages: ['en', 'fr'], culturallySpecific: null } }],
});
const programId = facility.programs[0].id;
const desk = await harbour.user(admin, 'SHELTER_STAFF', `desk-${suffix}`, { organization: `Passage Society ${suffix}`, facilityIds: [facility.id] });
const caseworker = await harbour.user(admin, 'CASEWORKER', `outreach-${suffix}`, { organization: `Night Outreach ${suffix}` });
await harbour.setAvailability(desk, programId, 60, 0);

const browser = await chromium.launch({
  executablePath: process.env.HARBOUR_E2E_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});

/** A person's phone (or desk computer): its own context, the language chosen before the first page loads. */
async function person(user, lang, width) {
  const context = await browser.newContext({ viewport: { width, height: width === 360 ? 740 : 800 }, locale: lang === 'fr' ? 'fr-CA' : 'en-CA', colorScheme: 'dark' });
  context.setDefaultTimeout(15_000);
  await context.addInitScript((l) => localStorage.setItem('harbour.locale', l), lang);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${base}/`);
  await page.locator('#username').fill(user.username);
  await page.locator('#password').fill(user.password);
  await page.locator('#password').press('Enter');
  await page.locator('harbour-header [data-live="live"]').waitFor();
  return { context, page, problems };
}

/** In the caseworker's page: resolves with Date.now() once an "arrived" notice is in it (the last run's was dismissed). */
const noticeSeen = (page) => page.evaluate(() => new Promise((done) => {
  const look = () => {
    if (document.querySelector('harbour-app')?.shadowRoot?.querySelector('[data-notice="arrived"]')) done(Date.now());
    else setTimeout(look, 2);
  };
  look();
}));

const shot = async (page, name, at) => {
  if (at) await at.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(120);
  await page.screenshot({ path: join(shots, `${name}.png`) });
  console.log(`  shot ${name}.png`);
};

const timings = [];
for (const lang of ['en', 'fr']) {
  for (const width of [360, 1280]) {
    const cw = await person(caseworker, lang, width);
    const front = await person(desk, lang, width);
    await front.page.goto(`${base}/#/staff`);
    const panel = front.page.locator('harbour-coming-tonight');
    await panel.locator('[data-empty]').waitFor();
    for (let n = 1; n <= runs; n++) {
      const first = n === 1;
      const tag = `handshake-${lang}-${width}`;
      const client = await harbour.call(caseworker, 'POST', '/api/clients', {
        alias: `${lang === 'fr' ? 'Camille' : 'Robin'}-${width}-${n}-${suffix}`, birthYear: 1997, gender: 'WOMAN',
        needs: { children: 1, pets: false, substanceUse: true, language: 'fr' }, consentToShare: false });

      // 1. The caseworker holds the bed from her search and reads the code to the woman.
      await cw.page.goto(`${base}/#/find?client=${client.id}&region=${regionCode}&search=1`);
      await cw.page.reload(); // a new client: her screen reads the client list again
      await cw.page.locator('harbour-header [data-live="live"]').waitFor();
      const card = cw.page.locator(`harbour-match-card article[data-program-id="${programId}"]`);
      await card.locator('button[data-action="hold"]').click();
      const codeBox = card.locator('harbour-arrival-code [data-arrival-code]');
      await codeBox.waitFor();
      const code = await codeBox.getAttribute('data-arrival-code');
      if (first) await shot(cw.page, `${tag}-1-caseworker-holds`, card.getByRole('timer'));

      // 2. The desk sees her coming, without a reload: the referring organization, the time left, her intake facts.
      const row = panel.locator('harbour-door-row article');
      await row.waitFor();
      if (first) await shot(front.page, `${tag}-2-desk-sees-her-coming`, panel);

      // 3. She is at the door and gives her code; the desk types it (as said, in two groups).
      await row.locator('button[data-action="arrived"]').click();
      await row.locator('#code').fill(`${code.slice(0, 3)} ${code.slice(3)}`.toLowerCase());
      if (first) await shot(front.page, `${tag}-3-desk-types-the-code`, panel);

      // 4. Check-in, timed to the caseworker's notice.
      const checkIn = row.locator('button[data-action="check-in"]');
      await checkIn.evaluate((b) => b.addEventListener('click', () => (window.__clickedAt = Date.now()), { capture: true, once: true }));
      const seen = noticeSeen(cw.page);
      await checkIn.click();
      const shownAt = await seen;
      const clickedAt = await front.page.evaluate(() => window.__clickedAt);
      const ms = shownAt - clickedAt;
      timings.push({ lang, width, n, ms });
      console.log(`  ${lang} ${width} run ${n}: check-in click to the caseworker's "arrived" ${ms} ms`);
      const notice = cw.page.locator('harbour-app section[role="status"] [data-notice="arrived"]');
      await notice.filter({ hasText: client.alias }).waitFor();
      await card.getByRole('status').filter({ hasText: lang === 'fr' ? 'Elle est arrivée' : 'She has arrived' }).waitFor();
      await panel.locator('[data-door-message]').filter({ hasText: lang === 'fr' ? 'Accueillie' : 'Checked in' }).waitFor();
      if (first) {
        await shot(front.page, `${tag}-4-desk-checked-in`, panel);
        await shot(cw.page, `${tag}-5-caseworker-sees-arrived`);
        await shot(cw.page, `${tag}-6-caseworker-card-arrived`, card);
      }
      const placements = await harbour.call(caseworker, 'GET', `/api/clients/${client.id}/placements`);
      if (!placements.placements.some((p) => p.status === 'ACTIVE' && String(p.programId) === String(programId))) throw new Error(`no placement for run ${lang} ${width} ${n}`);
      await notice.getByRole('button').click();
      await panel.locator('[data-empty]').waitFor();
    }
    for (const p of [cw, front]) {
      if (p.problems.length) throw new Error(p.problems.join('\n'));
      await p.context.close();
    }
  }
}
await browser.close();

const sorted = timings.map((x) => x.ms).sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
console.log(`check-in click -> caseworker's "arrived": ${sorted.length} runs, min ${sorted[0]} ms, median ${median} ms, max ${sorted[sorted.length - 1]} ms`);
console.log(`  all: ${sorted.join(', ')}`);
console.log(`screenshots in ${shots}`);
