// Issue 15's walk: a caseworker on a Friday at 4 pm finds a bed for a woman of 28 fleeing a trafficker, one
// child, uses substances, French-speaking. Counts the clicks from the first screen to a confirmed hold and
// takes screenshots of each step at 1280x800 and 360x740, in English and in French.
//
//   node e2e/walkthrough-friday.mjs http://localhost:18290 [screenshot dir]
//
// Sets the scene through the API as the demo admin (idempotent: a facility with intake hours, a full
// trafficking-specialized program, a sobriety-only program). The browser's clock starts at the service's own
// time (its Date header), in America/Toronto, so run the service at a Friday 16:00 (e.g. under libfaketime)
// for the Friday case; the walk does not fake the service's clock itself.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Harbour } from './harbour-api.mjs';
import { signedIn, switchLanguage } from './header.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.argv[2] ?? 'http://localhost:8080').replace(/\/$/, '');
const shots = resolve(process.argv[3] ?? join(here, '../../target/walkthrough'));
mkdirSync(shots, { recursive: true });
const harbour = new Harbour(base);
const admin = await harbour.login('admin', 'harbour-demo-admin');
const caseworker = { username: 'caseworker', password: 'harbour-demo-caseworker' };

// ---- The scene -------------------------------------------------------------------------------------------
const FACILITY = 'Passerelle Women’s Centre';
const everyone = ['WOMAN', 'TRANS_WOMAN', 'NON_BINARY', 'TWO_SPIRIT'];
const rules = {
  genders: everyone, minAge: 16, maxAge: null, acceptsChildren: true, acceptsPets: false, substanceUse: 'HARM_REDUCTION',
  acceptsCurrentSexTrade: true, mandatoryActivities: false, wheelchairAccessible: true, traffickingSpecialized: false,
  languages: ['en', 'fr'], culturallySpecific: null,
};
let facility = (await harbour.call(admin, 'GET', '/api/facilities')).find((f) => f.name === FACILITY);
if (!facility) {
  const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, open: '09:00', close: '17:00' }));
  facility = await harbour.call(admin, 'POST', '/api/facilities', {
    name: FACILITY, organization: 'Passerelle Society', regionCode: 'ON-CENTRAL', municipality: 'Toronto',
    timeZone: 'America/Toronto', address: '40 Rue Example, Toronto', confidential: false, intakePhone: '+1-416-555-0175',
    intakeHours: { alwaysOpen: false, weekly: weekdays },
    programs: [
      { name: 'Women and children emergency beds', type: 'DV_SHELTER', population: 'WOMEN', capacityType: 'BED', capacity: 8,
        maxStayDays: 30, nightlyCost: null, eligibility: rules },
      { name: 'Trafficking survivors rooms', type: 'SAFE_HOUSE', population: 'WOMEN', capacityType: 'ROOM', capacity: 3,
        maxStayDays: 90, nightlyCost: null, eligibility: { ...rules, traffickingSpecialized: true } },
      { name: 'Sober second-stage rooms', type: 'SAFE_HOUSE', population: 'WOMEN', capacityType: 'ROOM', capacity: 4,
        maxStayDays: 180, nightlyCost: null, eligibility: { ...rules, substanceUse: 'SOBRIETY_REQUIRED' } },
    ],
  });
}
const [emergencyId, traffickingId, soberId] = facility.programs.map((p) => p.id);
// Again and again: earlier walks' waitlist entries and holds (an offer holds a room) are cleared first.
for (const e of await harbour.call(admin, 'GET', `/api/waitlist?programId=${traffickingId}`)) {
  if (e.status === 'WAITING' || e.status === 'OFFERED') await harbour.call(admin, 'DELETE', `/api/waitlist/${e.id}`);
}
for (const id of [emergencyId, traffickingId, soberId]) {
  for (const h of await harbour.call(admin, 'GET', `/api/programs/${id}/holds`)) {
    if (h.status === 'ACTIVE') await harbour.call(admin, 'DELETE', `/api/holds/${h.id}`);
  }
}
// The demo's trafficking-specialized, French-speaking women's shelter is full this Friday (a near miss).
const harbourHouse = (await harbour.call(admin, 'GET', '/api/facilities')).find((f) => f.name === 'Harbour House');
const harbourHouseBeds = harbourHouse?.programs.find((p) => p.name === "Women's emergency beds");
if (harbourHouseBeds) await harbour.setAvailability(admin, harbourHouseBeds.id, 0, 0);
await harbour.setAvailability(admin, emergencyId, 3, 0);
await harbour.setAvailability(admin, traffickingId, 0, 0); // full: a near miss, and a waitlist to join
await harbour.setAvailability(admin, soberId, 2, 0);

// ---- The browser, on the service's clock -----------------------------------------------------------------
const serverNow = new Date((await fetch(`${base}/health`)).headers.get('date'));
console.log(`service time ${serverNow.toISOString()} (${serverNow.toLocaleString('en-CA', { timeZone: 'America/Toronto', weekday: 'long' })} in Toronto)`);
const browser = await chromium.launch({
  executablePath: process.env.HARBOUR_E2E_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-CA', timezoneId: 'America/Toronto', colorScheme: 'dark' });
context.setDefaultTimeout(15_000);
const page = await context.newPage();
await page.clock.install({ time: serverNow });
const problems = [];
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });

const clicks = [];
/** A counted action: a click, a ticked box, a chosen option or a submit. */
async function act(what, action) {
  clicks.push(what);
  console.log(`  click ${clicks.length}: ${what}`);
  await action();
}

const sizes = [[1280, 800], [360, 740]];
/** The step at both sizes, in English and in French; `focus` is scrolled into view first. */
async function shoot(n, name, focus, { full = false } = {}) {
  for (const lang of ['en', 'fr']) {
    if (lang === 'fr') await switchLanguage(page, 'fr');
    for (const [width, height] of sizes) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(250);
      if (focus) await focus().scrollIntoViewIfNeeded().catch(() => {});
      await page.waitForTimeout(100);
      const file = `${String(n).padStart(2, '0')}-${name}-${lang}-${width}.png`;
      await page.screenshot({ path: join(shots, file) });
      console.log(`  shot ${file}`);
      if (full) {
        const whole = file.replace('.png', '-full.png');
        await page.screenshot({ path: join(shots, whole), fullPage: true });
        console.log(`  shot ${whole}`);
      }
    }
  }
  await switchLanguage(page, 'en');
  await page.setViewportSize({ width: 360, height: 740 });
}

// ---- Sign in (not counted: the caseworker is signed in before the call comes) ------------------------------
await page.goto(base + '/');
await page.getByLabel('Username').fill(caseworker.username);
await page.getByLabel('Password').fill(caseworker.password);
await page.getByRole('button', { name: 'Sign in' }).click();
await signedIn(page);

// ---- 1. The form: her home screen is "Find a bed now" ------------------------------------------------------
const find = page.locator('harbour-find-bed');
const form = page.locator('harbour-find-bed form');
await form.getByRole('button', { name: 'Search' }).waitFor();
const alias = `FR-${Date.now().toString(36).slice(-5).toUpperCase()}`;
await form.getByLabel('New client alias').fill(alias); // typing
await act('Gender: Woman (choose an option)', () => form.getByLabel('Gender').selectOption('WOMAN'));
await form.getByLabel('Age', { exact: true }).fill('28'); // typing
await form.getByLabel('Children with them').fill('1'); // typing
await act('Tick “Uses substances”', () => form.getByLabel('Uses substances').check());
await act('Language: French (choose an option)', () => form.getByLabel('Language', { exact: true }).selectOption('fr'));
await act('Tick “Prefer trafficking-specialized”', () => form.getByLabel('Prefer trafficking-specialized').check());
await act('Region: Ontario Central (choose an option)', () => form.getByLabel('Region', { exact: true }).selectOption('ON-CENTRAL'));
await act('Tick type “Violence against women shelter”', () => form.getByLabel('Violence against women shelter').check());
await act('Tick type “Safe house”', () => form.getByLabel('Safe house').check());
const admitNow = await form.getByLabel('Must take intake right now').isChecked();
console.log(`  "Must take intake right now" starts ${admitNow ? 'ticked' : 'unticked'} (left as it is)`);
await shoot(1, 'form', () => form.locator('button[type="submit"]'), { full: true });

// ---- 2. Matches with intake times, address, phone ----------------------------------------------------------
await act('Search', () => form.getByRole('button', { name: 'Search' }).click());
await find.locator('[data-done]').filter({ hasText: `${alias} is added as a client` }).waitFor();
const cards = page.locator('harbour-match-card article');
await cards.first().waitFor();
console.log(`  matches: ${(await cards.allInnerTexts()).map((t) => t.split('\n')[0]).join(' | ')}`);
console.log(`  intake lines: ${(await page.locator('harbour-match-card [data-intake]').allInnerTexts()).join(' | ')}`);
await shoot(2, 'matches', () => find.locator('#results'), { full: true });
const passerelle = page.locator(`harbour-match-card [data-program-id="${emergencyId}"]`);
await shoot(3, 'match-intake-hours', () => passerelle);

// ---- 3. Near misses with reasons ---------------------------------------------------------------------------
const misses = page.locator('harbour-near-miss');
await misses.first().waitFor();
console.log(`  near misses: ${(await page.locator('harbour-near-miss [data-program-id]').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').slice(0, 120)).join(' || ')}`);
await shoot(4, 'near-misses', () => find.locator('#misses-title'));

// ---- 4. Hold for her: the first match (trafficking-specialized and French first) ---------------------------
const first = cards.first();
const holdProgram = await first.getAttribute('data-program-id');
await act(`Hold a bed (on the first match, program ${holdProgram})`, () => first.getByRole('button', { name: 'Hold a bed' }).click());
await first.getByRole('timer').waitFor();
console.log(`  hold confirmed: ${await first.getByRole('timer').innerText()}`);
const clicksToHold = [...clicks];
await shoot(5, 'hold', () => first);

// ---- 5. Place her, then her client page ---------------------------------------------------------------------
await first.getByRole('button', { name: 'Place now' }).click();
await first.getByRole('status').filter({ hasText: 'Placed. The bed is taken.' }).waitFor();
await first.getByRole('link', { name: 'Open the timeline' }).click();
const timeline = page.locator('harbour-client-timeline');
await timeline.getByRole('heading', { name: alias, level: 1 }).waitFor();
await timeline.locator('ol.chain > li').first().waitFor();
await shoot(6, 'client', () => timeline.getByRole('heading', { name: alias, level: 1 }));

// ---- 6. Move suggestions ------------------------------------------------------------------------------------
await timeline.getByRole('button', { name: 'Move', exact: true }).click();
await timeline.locator('#move-hint').waitFor();
await page.waitForFunction(() => {
  const t = document.querySelector('harbour-app')?.shadowRoot?.querySelector('harbour-client-timeline')?.shadowRoot;
  return t && (t.querySelectorAll('#move-to option[value]:not([value=""])').length > 0 || /No place/.test(t.querySelector('#move-hint')?.textContent ?? ''));
});
console.log(`  move hint: ${await timeline.locator('#move-hint').innerText()}`);
console.log(`  move suggestions: ${(await timeline.locator('#move-to option').allInnerTexts()).join(' | ')}`);
await shoot(7, 'move-suggestions', () => timeline.locator('#move-to'));
// A closed select hides the suggestions: choose the first, so the screenshot shows one.
const firstSuggestion = await timeline.locator('#move-to option:not([value=""])').first().getAttribute('value');
if (firstSuggestion) {
  await timeline.locator('#move-to').selectOption(firstSuggestion);
  await shoot(7, 'move-suggestion-chosen', () => timeline.locator('#move-to'));
}

// ---- 7. Waitlist: she waits for the full trafficking-specialized rooms -------------------------------------
const me = await harbour.login(caseworker.username, caseworker.password);
const client = (await harbour.call(me, 'GET', '/api/clients')).find((c) => c.alias === alias);
// From her page: the waitlist link opens the join form with her chosen.
await page.goto(`${base}/#/clients/${client.id}`);
await timeline.getByRole('heading', { name: alias, level: 1 }).waitFor();
await timeline.locator(`a[href="#/waitlist?client=${client.id}"]`).click();
const wl = page.locator('harbour-waitlist-view');
await wl.getByRole('heading', { name: 'Waitlists', level: 1 }).waitFor();
await page.waitForFunction((id) => document.querySelector('harbour-app')?.shadowRoot?.querySelector('harbour-waitlist-view')
  ?.shadowRoot?.querySelector('#wl-client')?.value === String(id), client.id);
await wl.getByLabel('One program').check();
await wl.locator('#wl-region').selectOption('ON-CENTRAL');
await wl.locator(`optgroup[label="Full — she can wait here"] option[value="${traffickingId}"]`).waitFor({ state: 'attached' });
await wl.getByLabel('Program', { exact: true }).selectOption(String(traffickingId));
await wl.getByLabel('Priority').selectOption('1');
await shoot(8, 'waitlist-join', () => wl.locator('form button[type="submit"]').first());
await wl.getByRole('button', { name: 'Join the waitlist' }).click();
await wl.getByRole('status').filter({ hasText: `${alias} is on the waitlist` }).waitFor();
const entry = wl.locator('[data-list="waitlist"] > li', { hasText: alias });
await entry.waitFor();
await shoot(9, 'waitlist-joined', () => entry);

// A room opens there (as admin, through the API): the offer arrives live.
await harbour.setAvailability(admin, traffickingId, 1, 0);
const notice = page.locator('harbour-app [data-notice="offered"]');
await notice.first().waitFor({ timeout: 5000 });
await entry.and(page.locator('[data-status="OFFERED"]')).waitFor({ timeout: 5000 });
console.log(`  offer notice: ${await notice.first().innerText()}`);
await page.evaluate(() => window.scrollTo(0, 0));
await shoot(10, 'waitlist-offer', () => notice.first(), { full: true });
await shoot(11, 'waitlist-offer-entry', () => entry);

console.log(`\nClicks to a confirmed hold: ${clicksToHold.length}`);
clicksToHold.forEach((c, i) => console.log(`  ${i + 1}. ${c}`));
console.log(problems.length ? `\nBrowser problems:\n  ${problems.join('\n  ')}` : '\nNo page errors.');
await browser.close();
