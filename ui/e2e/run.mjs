// End-to-end tests of the dashboard against a running Harbour: node e2e/run.mjs http://localhost:8080
// Needs Debian's chromium (/usr/bin/chromium, or HARBOUR_E2E_CHROMIUM) and an ADMIN account
// (HARBOUR_E2E_ADMIN_USERNAME / HARBOUR_E2E_ADMIN_PASSWORD, default the demo admin). It makes its own
// facility and users, so it can run again and again against the same database.
// Screenshots go to target/screenshots/ (HARBOUR_E2E_SCREENSHOTS to change it). Exit code 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Harbour } from './harbour-api.mjs';
import { casework } from './casework.mjs';
import { adminAndReportTests } from './admin-reports.mjs';
import { accountTests } from './admin-accounts.mjs';
import { door } from './door.mjs';
import { boardTests } from './board.mjs';
import { frenchTests } from './french.mjs';
import { goTo, inMenu, signOut, signedIn, switchLanguage } from './header.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.argv[2] ?? 'http://localhost:8080').replace(/\/$/, '');
const shots = process.env.HARBOUR_E2E_SCREENSHOTS ?? resolve(here, '../../target/screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
mkdirSync(shots, { recursive: true });
for (const old of readdirSync(shots)) if (old.startsWith('failed-')) rmSync(join(shots, old));

const harbour = new Harbour(base);
const world = await harbour.setUp(
  process.env.HARBOUR_E2E_ADMIN_USERNAME ?? 'admin',
  process.env.HARBOUR_E2E_ADMIN_PASSWORD ?? 'harbour-demo-admin',
);

const browser = await chromium.launch({
  executablePath: process.env.HARBOUR_E2E_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // launch() gives every run a fresh, throw-away profile (Playwright refuses --user-data-dir here).
});

const results = [];
const only = process.env.HARBOUR_E2E_ONLY;
async function test(name, body) {
  if (only && !name.includes(only)) return;
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'en-CA', colorScheme: 'dark' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (40[19]|422)/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  const started = Date.now();
  try {
    await body(page, context);
    if (problems.length) throw new Error(problems.join('\n'));
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`  ✗ ${name}\n    ${String(e.stack ?? e).split('\n').slice(0, 6).join('\n    ')}`);
    await page.screenshot({ path: join(shots, `failed-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
  } finally {
    await context.close();
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function signIn(page, user) {
  await page.goto(base + '/');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signedIn(page);
}

async function navNames(page) {
  return page.locator('harbour-header nav a').allInnerTexts();
}

/** axe-core in the page (evaluated through DevTools, so the CSP stays on); serious or critical fail. */
async function axe(page, view) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations) console.log(`    axe ${view}: ${v.impact} ${v.id} — ${v.help} ${JSON.stringify(v.nodes)}`);
  expect(bad.length === 0, `${view}: ${bad.length} serious/critical accessibility violations`);
}

/** What a phone shows (360 x 780), plus the whole page as name-full.png. */
async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`) });
  await page.screenshot({ path: join(shots, `${name}-full.png`), fullPage: true });
}

const card = (page, programId) => page.locator(`harbour-live-board [data-program-id="${programId}"]`);

console.log(`Harbour dashboard e2e against ${base}`);

await test('sign-in page: security headers, bad password, accessible', async (page) => {
  const response = await page.goto(base + '/');
  const headers = response.headers();
  expect(headers['content-security-policy']?.includes("script-src 'self'"), 'CSP without inline scripts');
  expect(headers['x-frame-options'] === 'DENY', 'X-Frame-Options DENY');
  expect(headers['x-content-type-options'] === 'nosniff', 'nosniff');
  expect(headers['referrer-policy'] === 'no-referrer', 'Referrer-Policy');
  await page.getByLabel('Username').fill(world.caseworker.username);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Username or password is wrong.' }).waitFor();
  await shot(page, 'sign-in');
  await axe(page, 'sign-in');
});

await test('keyboard only: sign in, skip link, one-tap count change', async (page) => {
  await harbour.setAvailability(world.staff, world.programId, 4, 0);
  await page.goto(base + '/');
  await page.getByLabel('Username').waitFor();
  await page.keyboard.press('Tab'); // language switch
  await page.keyboard.press('Tab');
  await page.keyboard.type(world.staff.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(world.staff.password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'My programs' }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  expect(await skip.evaluate((el) => el.matches(':focus') && el.getBoundingClientRect().left >= 0), 'skip link focused and visible');
  await page.keyboard.press('Enter');
  const plus = page.locator(`harbour-count-editor [data-program-id="${world.programId}"]`).getByRole('button', { name: 'One more Available' });
  await plus.focus();
  await page.keyboard.press('Enter');
  await page.locator(`harbour-count-editor [data-program-id="${world.programId}"] output[data-field="available"]`).filter({ hasText: /^5$/ }).waitFor();
});

for (const [role, expected] of [
  ['admin', ['Find a bed', 'Clients', 'Waitlists', 'My programs', 'Live board', 'Reports', 'Admin']],
  ['staff', ['My programs', 'Live board']],
  ['caseworker', ['Find a bed', 'Clients', 'Waitlists', 'Live board']],
  ['funder', ['Live board', 'Reports']],
]) {
  await test(`sign in and out as ${role}: role-aware navigation, token in sessionStorage only`, async (page) => {
    await signIn(page, world[role]);
    const names = await navNames(page);
    expect(JSON.stringify(names) === JSON.stringify(expected), `nav for ${role}: ${names}`);
    // On a phone the header is one row; the menu holds the rest, and every control in it is whole on screen.
    const header = page.locator('harbour-header header');
    const height = await header.evaluate((el) => el.getBoundingClientRect().height);
    expect(height <= 64, `header ${height}px tall at 360 px`);
    await page.locator('harbour-header [data-action="menu"]').click();
    await page.locator('harbour-header nav').getByRole('link', { name: expected[0], exact: true }).waitFor();
    const cut = await header.evaluate((el) => [...el.querySelectorAll('a, button, harbour-lang-switch')]
      .map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0 && (r.left < 0 || r.right > window.innerWidth)).length);
    expect(cut === 0, `${cut} header controls cut at 360 px`);
    await page.keyboard.press('Escape');
    // The status word changes while she works ("Reconnecting…" after a dropped socket): the header stays one row,
    // the menu button whole, in every status. Set on the component, as a dropped network would set it.
    if (role === 'caseworker') {
      for (const status of ['connecting', 'reconnecting', 'unauthorized', 'stopped', 'live']) {
        await page.locator('harbour-header').evaluate((el, s) => { el.liveStatus = s; return el.updateComplete; }, status);
        const rows = await header.evaluate((el) => el.getBoundingClientRect().height);
        // the one long message ("Live updates stopped: sign in again") may take two lines beside the button
        expect(status === 'unauthorized' || rows <= 64, `header ${rows}px tall at 360 px while ${status}`);
        // beside the name, whole: the same vertical middle as the name's (a second row would be 40 px lower)
        const middle = (el) => { const r = el.getBoundingClientRect(); return { right: r.right, middle: (r.top + r.bottom) / 2 }; };
        const button = await page.locator('harbour-header [data-action="menu"]').evaluate(middle);
        const brand = await page.locator('harbour-header .brand').evaluate(middle);
        expect(button.right <= 360 && Math.abs(button.middle - brand.middle) < 2,
          `menu button at ${JSON.stringify(button)}, the name at ${JSON.stringify(brand)}, at 360 px while ${status}`);
        // and a status word is never broken in two (the long signed-out message wraps between its words)
        const lines = await page.locator('harbour-header .live-text').evaluate((el) => {
          const text = document.createRange();
          text.selectNodeContents(el);
          return new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size;
        });
        expect(status === 'unauthorized' || lines <= 1, `status on ${lines} lines at 360 px while ${status}`);
        await page.screenshot({ path: join(shots, `header-phone-${status}.png`), clip: { x: 0, y: 0, width: 360, height: 120 } });
      }
    }
    await page.locator('harbour-header nav').waitFor({ state: 'hidden' });
    expect(await page.locator('harbour-header [data-action="menu"]').evaluate((b) => b.matches(':focus')), 'Escape gives the focus back to the menu button');
    const stored = await page.evaluate(() => ({ session: sessionStorage.getItem('harbour.session'), local: JSON.stringify(localStorage) }));
    expect(stored.session?.includes('token'), 'token in sessionStorage');
    expect(!stored.local.includes('token'), 'no token in localStorage');
    await signOut(page);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect((await page.evaluate(() => sessionStorage.getItem('harbour.session'))) === null, 'session cleared');
  });
}

await test('a night shift: the token is refreshed before it expires, and the dashboard keeps working', async (page) => {
  await page.clock.install();
  await signIn(page, world.caseworker);
  const stored = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('harbour.session')));
  const first = await stored();
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/login/refresh'));
  await page.clock.fastForward('55:30'); // the token lives an hour; the dashboard renews it 5 minutes ahead
  const response = await refreshed;
  expect(response.status() === 200 && response.request().headers().authorization === `Bearer ${first.token}`,
    `refresh answered ${response.status()} with the first token`);
  // Polled from here: the page's own timers (which waitForFunction would use) are the fake clock's.
  // The new token may equal the old one to the second, so its expiry is what shows the renewal.
  const renewed = (s) => s.expiresAt > first.expiresAt + 50 * 60_000;
  for (const deadline = Date.now() + 5000; !renewed(await stored()) && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(renewed(await stored()), 'the session now expires an hour after the refresh');
  await page.goto(base + '/#/clients');
  await page.getByRole('heading', { name: 'Clients' }).first().waitFor();
  await signedIn(page);
});

await test('live board: a count changed through the API shows within 2 s without reload', async (page) => {
  await signIn(page, world.funder);
  await page.goto(base + '/#/board');
  await page.locator('harbour-header [data-live="live"]').waitFor();
  const bookable = card(page, world.programId).locator('[data-figure="bookable"]');
  await bookable.waitFor();
  const before = Number(await bookable.innerText());
  const next = before === 7 ? 6 : 7;
  await page.evaluate(() => (window.__sameDocument = true));
  const changedAt = Date.now();
  await harbour.setAvailability(world.staff, world.programId, next);
  await bookable.filter({ hasText: new RegExp(`^${next}$`) }).waitFor({ timeout: 2000 });
  const took = Date.now() - changedAt;
  expect(await page.evaluate(() => window.__sameDocument === true), 'the page was not reloaded');
  console.log(`    board updated ${took} ms after the API call`);
  const age = await card(page, world.programId).locator('.updated').innerText();
  expect(/^(now|\d+ secs? ago)$/.test(age.trim()), `age shown in the list: ${age}`);
  await page.setViewportSize({ width: 360, height: 780 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `no sideways scrolling at 360 px (${overflow}px too wide)`);
  await shot(page, 'board');
  await axe(page, 'board');
  // The cards, kept as an option: the figures with their age in words and the program's rules.
  await page.locator('harbour-live-board').getByRole('radio', { name: 'Cards' }).check();
  const text = await card(page, world.programId).innerText();
  expect(/Updated (now|\d+ seconds? ago)/.test(text), `age shown: ${text}`);
  await card(page, world.programId).locator('harbour-eligibility li', { hasText: 'Harm reduction' }).waitFor();
  await card(page, world.programId).locator('harbour-eligibility li', { hasText: 'Pets OK' }).waitFor();
  await shot(page, 'board-cards');
  await card(page, world.programId).screenshot({ path: join(shots, 'board-card.png') });
  await axe(page, 'board-cards');
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, 'board-light');
  await axe(page, 'board-light');
});

await test('live board: a dropped socket shows reconnecting, then resumes with since and catches up', async (page) => {
  const urls = [];
  let first = null;
  let snapshotForwarded;
  const snapshot = new Promise((resolve) => (snapshotForwarded = resolve));
  await page.routeWebSocket(/\/ws\/live/, (ws) => {
    urls.push(ws.url());
    const server = ws.connectToServer();
    server.onMessage((message) => {
      ws.send(message);
      if (String(message).includes('"type":"snapshot"')) snapshotForwarded();
    });
    if (!first) first = ws;
  });
  await signIn(page, world.funder);
  await page.goto(base + '/#/board');
  await page.locator('harbour-header [data-live="live"]').waitFor();
  const bookable = card(page, world.programId).locator('[data-figure="bookable"]');
  await bookable.waitFor();
  // Dropped before its snapshot, a socket rightly starts over without `since`: drop it after.
  await snapshot;
  await first.close({ code: 4000, reason: 'network lost' });
  await page.locator('harbour-header [data-live="reconnecting"]').filter({ hasText: 'Reconnecting' }).waitFor();
  const missed = Number(await bookable.innerText()) === 3 ? 4 : 3;
  await harbour.setAvailability(world.staff, world.programId, missed);
  await page.locator('harbour-header [data-live="live"]').waitFor();
  await bookable.filter({ hasText: new RegExp(`^${missed}$`) }).waitFor({ timeout: 3000 });
  expect(urls.length >= 2 && /[?&]since=\d+/.test(urls[urls.length - 1]), `resumed with since: ${urls.join(' ')}`);
  expect(!/[?&]since=/.test(urls[0]), 'first connection asks for a snapshot');
});

await test('live board: a stale figure looks stale, in words', async (page) => {
  // The service marks figures stale after 4 h; the socket's snapshot is aged here to show one.
  const sixHoursAgo = new Date(Date.now() - 6 * 3600_000).toISOString();
  await page.routeWebSocket(/\/ws\/live/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((text) => {
      const m = JSON.parse(text);
      for (const a of m.type === 'snapshot' ? m.availability : []) {
        if (String(a.programId) === String(world.programId)) Object.assign(a, { stale: true, updatedAt: sixHoursAgo });
      }
      ws.send(JSON.stringify(m));
    });
  });
  await page.route('**/api/availability', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '[]' }));
  await signIn(page, world.funder);
  await page.goto(base + '/#/board');
  const row = card(page, world.programId);
  await row.locator('.updated').filter({ hasText: 'Stale' }).waitFor();
  const listed = await row.locator('.updated').textContent();
  expect(/⚠/.test(listed) && /6 h\w*\.? ago/.test(listed), `the list: the sign, the word and the age: ${listed}`);
  await page.locator('harbour-live-board').getByRole('radio', { name: 'Cards' }).check();
  const stale = card(page, world.programId);
  await stale.locator('.stale-tag', { hasText: 'Stale' }).waitFor();
  expect((await stale.innerText()).includes('Updated 6 hours ago'), 'age in words');
  await stale.screenshot({ path: join(shots, 'board-card-stale.png') });
});

await test('staff: one-tap +/- saves with the version; a 409 shows the newer figure', async (page) => {
  await harbour.setAvailability(world.staff, world.programId, 4, 0);
  await signIn(page, world.staff);
  const editor = page.locator(`harbour-count-editor [data-program-id="${world.programId}"]`);
  const available = editor.locator('output[data-field="available"]');
  await available.filter({ hasText: /^4$/ }).waitFor();
  await editor.getByRole('button', { name: 'One more Available' }).click();
  await editor.getByRole('status').filter({ hasText: 'Saved: Available is now 5 (was 4).' }).waitFor();
  expect((await harbour.availability(world.staff, world.programId)).available === 5, 'saved through the API');
  await editor.getByLabel('Type the number (Available)').fill('7');
  await editor.locator('button[data-action="available-set"]').click();
  await editor.getByRole('status').filter({ hasText: 'Saved: Available is now 7 (was 5).' }).waitFor();
  await editor.locator('button[data-action="undo"]').click();
  await editor.getByRole('status').filter({ hasText: 'Undone: Available is back to 5.' }).waitFor();
  await available.filter({ hasText: /^5$/ }).waitFor();
  expect((await harbour.availability(world.staff, world.programId)).available === 5, 'undone through the API');
  await editor.getByRole('button', { name: 'One more Out of service' }).click();
  await editor.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await editor.locator('output[data-field="outOfService"]').filter({ hasText: /^1$/ }).waitFor();
  // Someone else saves first: the service answers 409 to the stale version.
  await page.route('**/api/programs/*/availability', async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    await harbour.setAvailability(world.staff, world.programId, 2, 1);
    await route.continue();
  });
  await editor.getByRole('button', { name: 'One less Available' }).click();
  await editor.getByRole('status').filter({ hasText: 'Someone else changed this first' }).waitFor();
  await available.filter({ hasText: /^2$/ }).waitFor();
  await shot(page, 'staff');
  await axe(page, 'staff');
});

await test('caseworker: find a bed, hold with a countdown, release, hold again and place', async (page) => {
  await harbour.setAvailability(world.staff, world.programId, 3, 0);
  await signIn(page, world.caseworker);
  const form = page.locator('harbour-find-bed form');
  await form.getByLabel('Region', { exact: true }).selectOption(world.regionCode);
  await form.getByLabel('Age', { exact: true }).fill('24');
  await form.getByLabel('Has a pet').check();
  await form.getByLabel('Emergency shelter').check();
  await form.getByLabel('New client alias').fill(world.alias);
  await form.getByRole('button', { name: 'Search' }).click();
  const result = page.locator(`harbour-match-card [data-program-id="${world.programId}"]`);
  await result.waitFor();
  expect(await result.locator(`a[href="tel:${world.phone}"]`).isVisible(), 'intake phone shown');
  await shot(page, 'find');
  await axe(page, 'find');
  await result.getByRole('button', { name: 'Hold a bed' }).click();
  const timer = result.getByRole('timer');
  await timer.filter({ hasText: /Held, expires in (90:00|89:\d\d)/ }).waitFor();
  expect((await harbour.availability(world.staff, world.programId)).held === 1, 'one bed held');
  await result.getByRole('button', { name: 'Release' }).click();
  await result.getByRole('status').filter({ hasText: 'Hold released.' }).waitFor();
  expect((await harbour.availability(world.staff, world.programId)).held === 0, 'hold released');
  await result.getByRole('button', { name: 'Hold a bed' }).click();
  await timer.waitFor();
  await shot(page, 'find-held');
  await result.getByRole('button', { name: 'Place now' }).click();
  await result.getByRole('status').filter({ hasText: 'Placed. The bed is taken.' }).waitFor();
  const after = await harbour.availability(world.staff, world.programId);
  expect(after.available === 2 && after.held === 0, `placed: ${JSON.stringify(after)}`);
});

await test('funder: capacity report by region, a table and a chart, CSV download, accessible', async (page) => {
  // Something to count in the range: a bed request in the test region, today.
  await harbour.call(world.caseworker, 'POST', '/api/bed-requests', { regionCode: world.regionCode, needs: { age: 30 } });
  const day = (offset) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
  await signIn(page, world.funder);
  await goTo(page, 'Reports');
  await page.getByRole('heading', { name: 'Capacity report' }).waitFor();
  const form = page.locator('harbour-capacity-report form');
  await form.getByLabel('From').fill(day(-30));
  await form.getByLabel('To').fill(day(1));
  await form.getByLabel('Group by').selectOption('region');
  await form.getByRole('button', { name: 'Run report' }).click();
  const table = page.locator('harbour-capacity-report table[data-report="capacity"]');
  await table.waitFor();
  const rows = table.locator('tbody tr');
  expect((await rows.count()) >= 1, 'at least one row');
  const region = table.locator(`tbody tr[data-group="${world.regionCode}"]`);
  expect((await region.locator('td[data-col="bedRequests"]').innerText()) !== '—', 'bed requests counted');
  await page.getByRole('img', { name: /Unmet bed requests by region/ }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(/^harbour-capacity-region-.*\.csv$/.test(download.suggestedFilename()), `file ${download.suggestedFilename()}`);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\n').length >= 2 && csv.includes(world.regionCode), `CSV rows: ${csv.slice(0, 200)}`);
  await page.getByRole('status').filter({ hasText: 'CSV saved' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `no sideways page scrolling at 360 px (${overflow}px too wide); the table scrolls in its own box`);
  await shot(page, 'reports');
  await axe(page, 'reports');
});

await test('caseworker: a waitlist offer and a placement ending show as live notices', async (page) => {
  await page.routeWebSocket(/\/ws\/live/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((text) => {
      ws.send(text);
      if (JSON.parse(text).type !== 'snapshot') return;
      ws.send(JSON.stringify({ type: 'waitlist.offered', seq: 1e9, entryId: 1, programId: world.programId, offerExpiresAt: new Date(Date.now() + 7200_000).toISOString() }));
      ws.send(JSON.stringify({ type: 'placement.ending', seq: 1e9 + 1, placementId: 1, programId: world.programId, expectedEndDate: '2026-12-05' }));
    });
  });
  await signIn(page, world.caseworker);
  const notices = page.locator('harbour-app section[role="status"]');
  await notices.filter({ hasText: 'A bed is offered at Emergency beds for your waitlisted client until' }).waitFor();
  await notices.filter({ hasText: 'A placement at Emergency beds ends on December 5, 2026.' }).waitFor();
  await shot(page, 'notices');
  await axe(page, 'notices');
  await notices.locator('[data-notice="ending"]').getByRole('button', { name: 'Dismiss' }).click();
  await notices.locator('[data-notice="ending"]').waitFor({ state: 'detached' });
});

await test('French: the switch translates the screens and formats in fr-CA', async (page) => {
  await signIn(page, world.caseworker);
  await page.goto(base + '/#/board');
  await switchLanguage(page, 'fr');
  await page.getByRole('heading', { name: 'Tableau en direct' }).waitFor();
  expect((await page.evaluate(() => document.documentElement.lang)) === 'fr', 'html lang=fr');
  expect((await navNames(page)).join() === 'Trouver un lit,Personnes,Listes d’attente,Tableau en direct', 'French navigation');
  await inMenu(page, () => page.getByRole('button', { name: 'Se déconnecter' }).waitFor());
  const heads = await page.locator('harbour-board-list thead').textContent();
  expect(/Mis à jour/.test(heads) && /Réservables/.test(heads), `French list: ${heads}`);
  await shot(page, 'board-fr');
  await axe(page, 'board-fr');
  await page.reload();
  await page.getByRole('heading', { name: 'Tableau en direct' }).waitFor();
  await switchLanguage(page, 'en');
  await page.getByRole('heading', { name: 'Live board' }).waitFor();
});

await casework({ test, expect, signIn, axe, shot, harbour, world, base, shots });
await boardTests({ test, expect, signIn, axe, shot, harbour, world, base });
await adminAndReportTests({ test, expect, signIn, axe, shot, harbour, world, base });
await accountTests({ test, expect, signIn, axe, shot, harbour, world, base });
await door({ test, expect, signIn, axe, harbour, world, shots });
await frenchTests({ test, expect, signIn, shot, harbour, world, base });

await browser.close();
const failed = results.filter((r) => !r.ok);
console.log(`${results.length - failed.length} passed, ${failed.length} failed; screenshots in ${shots}`);
process.exit(failed.length ? 1 : 0);
