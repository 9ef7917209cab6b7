// Browser tests of the admin view (#/admin) and the funders' reports (#/reports): called by run.mjs with its helpers.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goTo, switchLanguage } from './header.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const openData = resolve(here, '../../src/test/resources/open-data');
const centralIntakeCsv = resolve(openData, 'toronto-central-intake-2023-12.csv');
const occupancyCsv = resolve(openData, 'toronto-occupancy-2024-01-01_to_2024-01-03.csv');

/** Imports one of Toronto's open-data files through the API (importing it again changes nothing). */
async function importCsv(base, admin, kind, file) {
  const response = await fetch(`${base}/api/imports/${kind}`, {
    method: 'POST', headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${admin.token}` }, body: readFileSync(file),
  });
  if (!response.ok) throw new Error(`import ${kind} -> ${response.status} ${await response.text()}`);
}

/** Collects Content-Security-Policy violations in the page (the listener is added through DevTools, so CSP stays on). */
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return async () => page.evaluate(() => window.__csp);
}

/** Polls until the check passes (the API after a save the page reported), 5 s at most. */
async function eventually(check, message) {
  const until = Date.now() + 5000;
  for (;;) {
    const last = await check();
    if (last === true) return;
    if (Date.now() > until) throw new Error(`${message}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function desktop(page, shot, name) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, `${name}-desktop`);
  await page.setViewportSize({ width: 360, height: 780 });
}

async function noSidewaysScroll(page, expect, where) {
  // a chart redraws for a narrower window on a later frame (its ResizeObserver): give the layout 2 s to settle
  const measure = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  let overflow = await measure();
  for (let waited = 0; overflow > 0 && waited < 2000; waited += 100) {
    await page.waitForTimeout(100);
    overflow = await measure();
  }
  // on a failure, name the element that sticks out furthest (through the shadow roots), to save a debugging session
  const culprit = overflow <= 0 ? '' : await page.evaluate(() => {
    let worst = { right: 0, what: '' };
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        // what a scrolling or clipping box holds cannot widen the page
        let up = el.parentElement ?? el.getRootNode().host;
        let held = false;
        while (up && up !== document.documentElement) {
          if (getComputedStyle(up).overflowX !== 'visible') { held = true; break; }
          up = up.parentElement ?? up.getRootNode().host;
        }
        if (held) continue;
        const right = el.getBoundingClientRect().right;
        if (right > worst.right) worst = { right, what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"` };
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return `${worst.what} ends at ${Math.round(worst.right)} px`;
  });
  expect(overflow <= 0, `${where}: no sideways scrolling at 360 px (${overflow}px too wide${culprit ? `: ${culprit}` : ''})`);
}

export async function adminAndReportTests({ test, expect, signIn, axe, shot, harbour, world, base }) {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const facilityName = `E2E Admin House ${suffix}`;
  const programName = `Safe beds ${suffix}`;

  await test('admin: create a facility with hours, add a program with eligibility, edit both, feed key shown once', async (page) => {
    const cspViolations = await watchCsp(page);
    await signIn(page, world.admin);
    await goTo(page, 'Admin');
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    await page.getByRole('button', { name: 'New facility' }).click();

    // The service's 422 lands next to each field, and a summary says how many.
    const facilityForm = page.locator('harbour-facility-form form');
    await facilityForm.getByRole('button', { name: 'Create facility' }).click();
    await facilityForm.getByRole('alert').filter({ hasText: /Not saved\. Fix the \d+ marked problem/ }).waitFor();
    const nameInput = facilityForm.getByLabel('Name', { exact: true });
    expect((await nameInput.getAttribute('aria-invalid')) === 'true', 'name marked invalid');
    expect((await page.locator('#fac-err-name').innerText()) === 'Required.', 'message next to the name');
    expect(await nameInput.evaluate((el) => el.matches(':focus')), 'focus on the first field with a problem');
    await shot(page, 'admin-facility-errors');

    await nameInput.fill(facilityName);
    await facilityForm.getByLabel('Organization').fill(`E2E Admin Society ${suffix}`);
    await facilityForm.getByLabel('Region').selectOption('ON-EAST');
    await facilityForm.getByLabel('Municipality').fill('Kingston');
    await facilityForm.getByLabel('Time zone').fill('America/Toronto');
    await facilityForm.getByLabel('Address', { exact: true }).fill('5 Hidden Way');
    await facilityForm.getByLabel('Confidential address').check();
    await facilityForm.getByLabel('Intake phone').fill('+1-613-555-0142');
    await facilityForm.getByLabel('Intake open 24 hours, every day').uncheck();
    await facilityForm.getByRole('button', { name: 'Add opening hours' }).click();
    await facilityForm.getByRole('button', { name: 'Add opening hours' }).click();
    await facilityForm.getByLabel('Day (row 2)').selectOption('SATURDAY');
    await facilityForm.getByLabel('Closes').nth(1).fill('20:00');
    await facilityForm.getByRole('button', { name: 'Create facility' }).click();
    await facilityForm.getByRole('status').filter({ hasText: `Saved: ${facilityName}` }).waitFor();
    await page.getByRole('heading', { name: facilityName }).waitFor();

    let facility = (await harbour.call(world.admin, 'GET', '/api/facilities')).find((f) => f.name === facilityName);
    expect(facility, 'facility created');
    expect(facility.confidential === true && facility.address === '5 Hidden Way' && facility.regionCode === 'ON-EAST', `facility: ${JSON.stringify(facility)}`);
    expect(JSON.stringify(facility.intakeHours) === JSON.stringify({ alwaysOpen: false, weekly: [
      { day: 'MONDAY', open: '09:00', close: '17:00' }, { day: 'SATURDAY', open: '09:00', close: '20:00' }] }), `hours: ${JSON.stringify(facility.intakeHours)}`);

    // A program: no gender first (the service refuses it, next to the genders), then the full eligibility.
    await page.getByRole('button', { name: 'Add program' }).click();
    const programForm = page.locator('harbour-program-form form');
    await programForm.getByLabel('Program name').fill(programName);
    await programForm.getByLabel('Type of place').selectOption('SAFE_HOUSE');
    await programForm.getByLabel('Population').selectOption('WOMEN');
    await programForm.getByLabel('Capacity').fill('6');
    await programForm.getByRole('button', { name: 'Add program' }).click();
    await programForm.getByText('Choose at least one gender the program admits.').waitFor();
    await shot(page, 'admin-program-errors');
    for (const g of ['Woman', 'Trans woman', 'Non-binary', 'Two-Spirit']) await programForm.getByLabel(g, { exact: true }).check();
    await programForm.getByLabel('Maximum stay (days)').fill('30');
    await programForm.getByLabel('Minimum age').fill('18');
    await programForm.getByLabel('Substance use').selectOption('SOBRIETY_REQUIRED');
    await programForm.getByLabel('Languages').fill('en, fr, cr');
    await programForm.getByLabel('Culturally specific').selectOption('INDIGENOUS');
    await programForm.getByLabel('Accepts children').check();
    await programForm.getByLabel('Wheelchair accessible').check();
    await programForm.getByLabel('Specialized in human trafficking').check();
    await programForm.getByRole('button', { name: 'Add program' }).click();
    await page.getByRole('status').filter({ hasText: `Program saved: ${programName}` }).waitFor();

    facility = await harbour.call(world.admin, 'GET', `/api/facilities/${facility.id}`);
    const program = facility.programs.find((p) => p.name === programName);
    expect(program && program.type === 'SAFE_HOUSE' && program.population === 'WOMEN' && program.capacity === 6 && program.maxStayDays === 30,
      `program: ${JSON.stringify(program)}`);
    const e = program.eligibility;
    expect(JSON.stringify(e.genders) === JSON.stringify(['WOMAN', 'TRANS_WOMAN', 'NON_BINARY', 'TWO_SPIRIT']) && e.minAge === 18 && e.maxAge === null
      && e.acceptsChildren && !e.acceptsPets && e.substanceUse === 'SOBRIETY_REQUIRED' && e.wheelchairAccessible && e.traffickingSpecialized
      && JSON.stringify(e.languages) === JSON.stringify(['en', 'fr', 'cr']) && e.culturallySpecific === 'INDIGENOUS', `eligibility: ${JSON.stringify(e)}`);

    // Edit the program, then the facility.
    await page.getByRole('button', { name: `Edit program ${programName}` }).click();
    const editForm = page.locator(`[data-program-id="${program.id}"] harbour-program-form form`);
    expect((await editForm.getByLabel('Capacity').inputValue()) === '6', 'edit starts from the saved values');
    await editForm.getByLabel('Capacity').fill('8');
    await editForm.getByLabel('Accepts pets').check();
    await editForm.getByLabel('Maximum age').fill('12');
    await editForm.getByRole('button', { name: 'Save program' }).click();
    await editForm.getByText('Must not be below the minimum age.').waitFor();
    await editForm.getByLabel('Maximum age').fill('64');
    await editForm.getByRole('button', { name: 'Save program' }).click();
    await editForm.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: `Program saved: ${programName}` }).waitFor();
    const edited = await harbour.call(world.admin, 'GET', `/api/facilities/${facility.id}`).then((f) => f.programs[0]);
    expect(edited.capacity === 8 && edited.eligibility.acceptsPets && edited.eligibility.maxAge === 64, `edited program: ${JSON.stringify(edited)}`);

    await facilityForm.getByLabel('Municipality').fill('Kingston East');
    await facilityForm.getByRole('button', { name: 'Save facility' }).click();
    await facilityForm.getByRole('status').filter({ hasText: `Saved: ${facilityName}` }).waitFor();
    await eventually(async () => {
      const f = await harbour.call(world.admin, 'GET', `/api/facilities/${facility.id}`);
      return f.municipality === 'Kingston East' || f.municipality;
    }, 'facility edited');
    await noSidewaysScroll(page, expect, 'admin facility');
    await shot(page, 'admin-facility');
    await axe(page, 'admin-facility');
    await page.emulateMedia({ colorScheme: 'light' });
    await axe(page, 'admin-facility-light');
    await page.emulateMedia({ colorScheme: 'dark' });

    // A feed key: shown once with a warning, works for this facility's program only.
    await page.getByRole('button', { name: 'Create feed key' }).click();
    await page.getByRole('alert').filter({ hasText: 'It will not be shown again' }).waitFor();
    const key = await page.getByLabel('New feed key').inputValue();
    expect(key.length >= 20, 'a feed key is shown');
    await page.getByRole('button', { name: 'Copy key' }).click();
    await page.getByText(/Key copied\.|The key is selected/).waitFor();
    await shot(page, 'admin-feed-key');
    await axe(page, 'admin-feed-key');
    const put = (programId) => fetch(`${base}/api/programs/${programId}/availability`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-Feed-Key': key }, body: JSON.stringify({ available: 5, outOfService: 1 }),
    });
    const ok = await put(program.id);
    expect(ok.status === 200, `feed key PUT -> ${ok.status}`);
    expect((await harbour.availability(world.admin, program.id)).available === 5, 'count saved through the feed key');
    const other = await put(world.programId);
    expect(other.status === 403 || other.status === 404 || other.status === 401, `feed key refused for another facility -> ${other.status}`);
    await page.getByRole('button', { name: 'Back to all facilities' }).click();
    await page.getByLabel('Filter facilities').fill(suffix);
    await page.getByRole('heading', { name: 'Facilities: 1' }).waitFor();
    await shot(page, 'admin-facilities');
    await axe(page, 'admin-facilities');
    await page.getByRole('button', { name: `Edit ${facilityName}` }).click();
    await page.getByRole('button', { name: 'Create feed key' }).waitFor();
    expect((await page.getByLabel('New feed key').count()) === 0, 'the key is not shown again');
    await desktop(page, shot, 'admin-facility');
    expect((await cspViolations()).length === 0, `CSP violations: ${await cspViolations()}`);
  });

  await test('admin: keyboard only, from the list to a new facility; the focus is visible and goes to the problem', async (page) => {
    const active = () => page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return { id: a?.id ?? '', text: a?.textContent?.trim() ?? '', outline: a ? getComputedStyle(a).outlineStyle : 'none' };
    });
    await signIn(page, world.admin);
    await page.goto(base + '/#/admin');
    await page.getByLabel('Filter facilities').focus();
    await page.keyboard.press('Tab');
    let now = await active();
    expect(now.text === 'New facility' && now.outline !== 'none', `focus on New facility, visible: ${JSON.stringify(now)}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'New facility' }).waitFor();
    expect((await active()).id === 'editor-title', 'focus moved to the new screen');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await active()).id === 'fac-name', 'then to the first field');
    await page.keyboard.type(`E2E Keyboard ${suffix}`);
    await page.keyboard.press('Enter');
    await page.locator('#fac-err-organization').waitFor();
    now = await active();
    expect(now.id === 'fac-organization' && now.outline !== 'none', `focus on the first field with a problem, visible: ${JSON.stringify(now)}`);
  });

  await test('admin: create users; a short password and a taken name are shown next to the fields', async (page) => {
    await signIn(page, world.admin);
    await page.goto(base + '/#/admin');
    await page.getByRole('button', { name: 'Users', exact: true }).click();
    const form = page.locator('harbour-user-admin form');
    const username = `e2e-admin-made-${suffix}`;
    await form.getByLabel('Username').fill(username);
    await form.getByLabel('Password').fill('too-short');
    await form.getByLabel('Role').selectOption('SHELTER_STAFF');
    await form.getByLabel('Organization').fill(`E2E Shelter Society ${suffix}`);
    await form.getByLabel('Filter facilities').fill('E2E Harbour House');
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.getByText('At least 12 characters.', { exact: true }).waitFor();
    expect((await form.getByLabel('Password').getAttribute('aria-invalid')) === 'true', 'password marked invalid');
    await form.getByLabel('Password').fill('a-long-enough-password');
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.getByText('Choose at least one facility for shelter staff.').waitFor();
    const facilityName = (await harbour.call(world.admin, 'GET', `/api/facilities/${world.facilityId}`)).name;
    await form.getByLabel(facilityName).check();
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.getByRole('status').filter({ hasText: `User created: ${username}` }).waitFor();
    await page.getByLabel('Filter users').fill(suffix);
    await page.locator(`harbour-user-admin tr[data-username="${username}"]`).filter({ hasText: facilityName }).waitFor();
    expect((await page.locator('harbour-user-admin tbody tr').count()) === 1, 'the filter leaves the new user only');
    const made = await harbour.login(username, 'a-long-enough-password');
    const me = await harbour.call(made, 'GET', '/api/users/me');
    expect(me.role === 'SHELTER_STAFF' && me.facilityIds.map(String).includes(String(world.facilityId)), `me: ${JSON.stringify(me)}`);

    await form.getByLabel('Username').fill(username);
    await form.getByLabel('Password').fill('another-long-password');
    await form.getByLabel('Role').selectOption('FUNDER');
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.getByText('That username is taken.', { exact: true }).waitFor();
    await form.getByRole('alert').filter({ hasText: 'conflicts' }).waitFor();
    await noSidewaysScroll(page, expect, 'admin users');
    await shot(page, 'admin-users');
    await axe(page, 'admin-users');
    await desktop(page, shot, 'admin-users');
  });

  await test('funder: charts render with data, filters change the rows, no CSP violation', async (page) => {
    const cspViolations = await watchCsp(page);
    // Nights to chart, with or without the demo data: three of Toronto's nights (January 2024, region ON-CENTRAL).
    await importCsv(base, world.admin, 'toronto-occupancy', occupancyCsv);
    await harbour.call(world.caseworker, 'POST', '/api/bed-requests', { regionCode: world.regionCode, needs: { age: 30 } });
    const day = (offset) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
    await signIn(page, world.funder);
    await page.goto(base + '/#/reports');
    const form = page.locator('harbour-capacity-report form').first();
    // From the imported Toronto nights (January 2024) to today: occupancy by month and requests by region.
    await form.getByLabel('From').fill('2024-01-01');
    await form.getByLabel('To').fill(day(1));
    await form.getByLabel('Group by').selectOption('region');
    await form.getByRole('button', { name: 'Run report' }).click();
    const rows = page.locator('harbour-capacity-report table[data-report="capacity"] tbody tr');
    await rows.first().waitFor();
    const all = await rows.count();
    expect(all >= 2, `several regions without a filter (${all})`);
    for (const id of ['occupancy-month', 'unmet-region']) {
      const canvas = page.locator(`harbour-chart figure[data-chart="${id}"] canvas`);
      await canvas.waitFor();
      // Chart.js loads lazily and draws on an animation frame: look again until painted or 5 s.
      let drawn;
      for (const deadline = Date.now() + 5000; ; await page.waitForTimeout(100)) {
        drawn = await canvas.evaluate((c) => {
          const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
          return { width: c.width, height: c.height, painted };
        });
        if ((drawn.width > 100 && drawn.painted > 500) || Date.now() > deadline) break;
      }
      expect(drawn.width > 100 && drawn.height > 100 && drawn.painted > 500, `${id} drawn: ${JSON.stringify(drawn)}`);
    }
    await page.getByRole('img', { name: 'Occupancy rate by month' }).waitFor();
    const unmet = page.getByRole('img', { name: 'Unmet bed requests by region' });
    const description = await unmet.evaluate((el) => el.getRootNode().getElementById(el.getAttribute('aria-describedby')).textContent);
    expect(description.includes('Bed requests:'), `chart described in words: ${description}`);
    await page.locator('harbour-chart figure[data-chart="unmet-region"] summary').click();
    await page.locator('harbour-chart figure[data-chart="unmet-region"] table tbody tr').first().waitFor();
    await noSidewaysScroll(page, expect, 'reports with charts');
    await shot(page, 'reports-charts');
    await axe(page, 'reports-charts');
    await page.emulateMedia({ colorScheme: 'light' });
    await axe(page, 'reports-charts-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await desktop(page, shot, 'reports-charts');

    await form.getByLabel('Region', { exact: true }).selectOption(world.regionCode);
    await form.getByRole('button', { name: 'Run report' }).click();
    await page.locator('harbour-capacity-report table[data-report="capacity"] caption').filter({ hasText: 'Northeastern Ontario' }).waitFor();
    expect((await rows.count()) === 1 && (await rows.first().getAttribute('data-group')) === world.regionCode, 'one region with the region filter');
    // a type no test puts in the test region (the board's tests add detox beds there, and the report now opens on
    // every date with data)
    await form.getByLabel('Type of place').selectOption('TREATMENT');
    await form.getByRole('button', { name: 'Run report' }).click();
    await page.getByText('No figures for this range.').waitFor();
    expect((await rows.count()) === 0, 'no rows: the test region has no treatment program');
    await form.getByLabel('Type of place').selectOption('');
    await form.getByLabel('Population').selectOption('MIXED_ADULT');
    await form.getByRole('button', { name: 'Run report' }).click();
    await page.locator('harbour-capacity-report table[data-report="capacity"] caption').filter({ hasText: 'Mixed adult' }).waitFor();
    expect((await rows.count()) === 1, 'the test program is mixed adult');
    expect((await cspViolations()).length === 0, `CSP violations: ${await cspViolations()}`);
  });

  await test('funder: lands on reports covering the data; a region by type cross-tab fits 1280 px; months run on', async (page) => {
    await signIn(page, world.funder);
    expect((await page.evaluate(() => location.hash)) === '#/reports', `a funder lands on #/reports (${await page.evaluate(() => location.hash)})`);
    const view = page.locator('harbour-capacity-report');
    const form = view.locator('form').first();
    // the first look covers every date with data, and says so; no raw code as a row label
    await view.locator('p[data-range]').waitFor();
    const from = await form.getByLabel('From').inputValue();
    expect(from <= '2024-01-01', `the default range reaches back to the imported January 2024 nights (${from})`);
    await view.locator('table[data-report="capacity"] tbody tr').first().waitFor();
    const labels = await view.locator('table[data-report="capacity"] th[scope="row"]').allInnerTexts();
    expect(labels.every((l) => !/^[A-Z_-]+$/.test(l.trim())), `row labels in words: ${labels}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    const fits = () => page.evaluate(() => {
      const root = document.querySelector('harbour-app').shadowRoot.querySelector('harbour-capacity-report').shadowRoot;
      const box = root.querySelector('.scroll');
      return { page: document.documentElement.scrollWidth - window.innerWidth, table: box.scrollWidth - box.clientWidth };
    });
    let overflow = await fits();
    expect(overflow.page <= 0 && overflow.table <= 0, `the region table fits 1280 px: ${JSON.stringify(overflow)}`);
    await shot(page, 'reports-default-desktop');

    await form.getByLabel('Group by').selectOption('region');
    await form.getByLabel('Then by').selectOption('type');
    await form.getByRole('button', { name: 'Run report' }).click();
    const grid = view.locator('table[data-report="crosstab"]');
    await grid.locator('tbody tr').first().waitFor();
    expect((await grid.locator('thead th').count()) >= 2, 'a column per type');
    await view.getByLabel('Figure in each cell').selectOption('placements');
    await grid.locator('caption').filter({ hasText: 'Placements' }).waitFor();
    overflow = await fits();
    expect(overflow.page <= 0 && overflow.table <= 0, `the cross-tab fits 1280 px without sideways scroll: ${JSON.stringify(overflow)}`);
    await shot(page, 'reports-crosstab-desktop');
    await axe(page, 'reports-crosstab');
    await page.setViewportSize({ width: 360, height: 780 });
    // the charts redraw for the narrower screen on their next frame: give them a moment
    await eventually(async () => (await fits()).page <= 0 || fits(), 'cross-tab on a phone: no sideways page scroll at 360 px');
    await shot(page, 'reports-crosstab');

    await form.getByLabel('Then by').selectOption('');
    await form.getByLabel('Group by').selectOption('month');
    await form.getByRole('button', { name: 'Run report' }).click();
    const months = view.locator('table[data-report="capacity"] tbody tr');
    await months.first().waitFor();
    const to = await form.getByLabel('To').inputValue();
    const span = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
    expect((await months.count()) === span, `every month from ${from} to ${to}, empty ones too (${await months.count()} of ${span})`);
    await noSidewaysScroll(page, expect, 'stacked month table on a phone');
    await shot(page, 'reports-months');
  });

  await test('funder: map of the regions, a tile per region, suppressed ones said, a table for screen readers, English and French', async (page) => {
    // Toronto's nights of January 2024 (ON-CENTRAL): capacity, but no person placed then, so its people figures are suppressed.
    await importCsv(base, world.admin, 'toronto-occupancy', occupancyCsv);
    const [from, to] = ['2024-01-01', '2024-01-03'];
    const { rows } = await harbour.call(world.funder, 'GET', `/api/reports/capacity?from=${from}&to=${to}&groupBy=region`);
    const suppressed = rows.filter((r) => r.group.includes('-') && r.clients === null).map((r) => r.group);
    const shown = rows.filter((r) => r.group.includes('-') && r.clients !== null).map((r) => r.group);
    expect(suppressed.includes('ON-CENTRAL') || shown.includes('ON-CENTRAL'), `a row for ON-CENTRAL from the import: ${JSON.stringify(rows)}`);
    expect(suppressed.length >= 1, `a region with too few people to show (${JSON.stringify(rows.map((r) => [r.group, r.clients]))})`);
    await signIn(page, world.funder);
    await page.goto(base + '/#/reports');
    const view = page.locator('harbour-capacity-report');
    const form = view.locator('form').first();
    await form.getByLabel('From').fill(from);
    await form.getByLabel('To').fill(to);
    await form.getByLabel('Group by').selectOption('region');
    await form.getByRole('button', { name: 'Run report' }).click();
    await view.locator('caption').filter({ hasText: `${from} to ${to}` }).first().waitFor();
    const map = page.locator('harbour-region-map');
    const tiles = map.locator('g[data-region]');
    await tiles.first().waitFor();
    expect((await tiles.count()) === 15, `a tile per region (${await tiles.count()})`);
    const titles = await map.locator('g[data-region] > title').allTextContents();
    expect(titles.length === 15 && titles.every((x) => /\S: \S/.test(x)), `each tile names its region and figure: ${titles}`);
    // the text alternative: a real table, a row per region with the same words
    const table = map.locator('table[data-map-table]');
    expect((await table.locator('tbody tr').count()) >= 15, 'a table row per region');
    expect((await map.locator('svg').first().evaluate((el) => el.closest('[aria-hidden="true"]') !== null)), 'the drawing is hidden from screen readers, the table is read');
    // no point anywhere: tiles and nothing else (no circle, no marker, no facility's name)
    expect((await map.locator('svg circle, svg path, svg image, svg use').count()) === 0, 'no point drawn');

    await map.getByLabel('Figure on the map').selectOption('clients');
    await map.locator('figure[data-figure="clients"]').waitFor();
    for (const code of suppressed) {
      const tile = map.locator(`g[data-region="${code}"]`);
      expect((await tile.getAttribute('data-state')) === 'suppressed', `${code} drawn as suppressed`);
      expect((await tile.locator('text.words').textContent()).includes('Suppressed'), `${code} says Suppressed on the map`);
      expect((await tile.locator('rect').getAttribute('fill')).startsWith('url(#hatch-'), `${code} hatched`);
      expect((await table.locator(`tr[data-region="${code}"] td`).first().textContent()) === 'Suppressed', `${code} suppressed in the table`);
    }
    for (const code of shown) expect((await map.locator(`g[data-region="${code}"]`).getAttribute('data-state')) === 'value', `${code} shaded`);
    await map.locator('li[data-legend="suppressed"]').waitFor();

    await map.getByLabel('Figure on the map').selectOption('occupancyRate');
    const central = map.locator('g[data-region="ON-CENTRAL"]');
    await map.locator('figure[data-figure="occupancyRate"]').waitFor();
    expect((await central.getAttribute('data-state')) === 'value' && /%/.test(await central.locator('text.figure').textContent()), 'Toronto\'s occupancy shaded, in percent');
    expect((await map.locator('.legend li[data-step]').count()) === 5, 'a scale of five steps');

    await noSidewaysScroll(page, expect, 'the map on a phone');
    const box = await map.locator('.provinces').boundingBox();
    expect(box.width <= 360 && box.x >= 0, `the map fits a 360 px screen (${JSON.stringify(box)})`);
    await axe(page, 'reports-map');
    await map.scrollIntoViewIfNeeded();
    await shot(page, 'reports-map');
    await page.setViewportSize({ width: 1280, height: 900 });
    await map.scrollIntoViewIfNeeded();
    await shot(page, 'reports-map-desktop');

    await switchLanguage(page, 'fr');
    await map.getByRole('heading', { name: 'Carte par région' }).waitFor();
    await map.getByLabel('Chiffre sur la carte').selectOption('clients');
    const toronto = table.locator('tr[data-region="ON-CENTRAL"] th');
    expect((await toronto.textContent()) === 'Toronto et Centre de l’Ontario', `region names in French from the API: ${await toronto.textContent()}`);
    for (const code of suppressed) {
      expect((await map.locator(`g[data-region="${code}"] text.words`).textContent()).includes('Masqué'), `${code} says Masqué`);
    }
    await map.scrollIntoViewIfNeeded();
    await shot(page, 'reports-map-fr-desktop');
    await page.setViewportSize({ width: 360, height: 780 });
    await noSidewaysScroll(page, expect, 'the map in French on a phone');
    await map.scrollIntoViewIfNeeded();
    await shot(page, 'reports-map-fr');
    await axe(page, 'reports-map-fr');
    await switchLanguage(page, 'en');
  });

  await test('funder: Central Intake turnaways by day, totals and chart', async (page) => {
    await importCsv(base, world.admin, 'toronto-central-intake', centralIntakeCsv);
    await signIn(page, world.funder);
    await page.goto(base + '/#/reports');
    const view = page.locator('harbour-turnaway-report');
    await view.getByLabel('From').fill('2023-12-01');
    await view.getByLabel('To').fill('2023-12-31');
    await view.getByRole('button', { name: 'Show turnaways' }).click();
    const rows = view.locator('tbody tr');
    await rows.first().waitFor();
    expect((await rows.count()) === 31, `31 days (${await rows.count()})`);
    const first = view.locator('tr[data-date="2023-12-01"]');
    expect((await first.locator('td[data-col="callsHandled"]').innerText()) === '766', 'calls handled on Dec 1');
    expect((await first.locator('td[data-col="unavailableIndividuals"]').innerText()) === '204', 'no space for individuals on Dec 1');
    expect((await view.locator('[data-total="callsHandled"]').innerText()).length > 0, 'totals shown');
    await view.getByRole('img', { name: 'No space available, by day' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename() === 'harbour-turnaways-2023-12-01-2023-12-31.csv', `file ${download.suggestedFilename()}`);
    const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
    expect(csv.length === 32 && csv[0].startsWith('date,') && csv[1].startsWith('2023-12-01,766'), `turnaways CSV: ${csv.slice(0, 2)}`);
    await view.locator('tfoot').waitFor();
    await noSidewaysScroll(page, expect, 'turnaways');
    await view.scrollIntoViewIfNeeded();
    await shot(page, 'reports-turnaways');
    await axe(page, 'reports-turnaways');
    await desktop(page, shot, 'reports-turnaways');
  });

  await test('funder: spreadsheet and programs for 211 (HSDS) beside the CSV; no confidential place in the export', async (page) => {
    await signIn(page, world.funder);
    await page.goto(base + '/#/reports');
    const view = page.locator('harbour-capacity-report');
    await view.locator('table[data-report="capacity"] tbody tr').first().waitFor();
    const [sheet] = await Promise.all([page.waitForEvent('download'),
      view.getByRole('button', { name: 'Download spreadsheet (.xlsx)' }).click()]);
    expect(/^harbour-capacity-.*\.xlsx$/.test(sheet.suggestedFilename()), `file ${sheet.suggestedFilename()}`);
    expect(readFileSync(await sheet.path()).subarray(0, 2).toString('latin1') === 'PK', 'an .xlsx file (a zip)');
    await view.getByRole('status').filter({ hasText: 'Spreadsheet saved' }).waitFor();
    const [hsds] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Programs for 211 (HSDS)' }).click()]);
    expect(/^harbour-hsds-\d{4}-\d{2}-\d{2}\.json$/.test(hsds.suggestedFilename()), `file ${hsds.suggestedFilename()}`);
    const text = readFileSync(await hsds.path(), 'utf8');
    const exported = JSON.parse(text);
    expect(exported.hsds_version === '3.1' && exported.services.length > 0, `an HSDS 3.1 export: ${text.slice(0, 120)}`);
    const facility = await harbour.call(world.admin, 'GET', `/api/facilities/${world.facilityId}`);
    expect(!text.includes(facility.address) && !text.includes(`"${facility.name}"`), 'no confidential address or name in the export');
    await view.locator('.actions').scrollIntoViewIfNeeded();
    await shot(page, 'reports-downloads');
    await desktop(page, shot, 'reports-downloads');
    await switchLanguage(page, 'fr');
    await view.getByRole('button', { name: 'Programmes pour le 211 (HSDS)' }).waitFor();
    await view.locator('.actions').scrollIntoViewIfNeeded();
    await shot(page, 'reports-downloads-fr');
    await desktop(page, shot, 'reports-downloads-fr');
    await switchLanguage(page, 'en');
  });

  await test('French: admin and reports translated, charts titled in French', async (page) => {
    await signIn(page, world.admin);
    await page.goto(base + '/#/admin');
    await switchLanguage(page, 'fr');
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    await page.getByRole('button', { name: 'Nouvel établissement' }).click();
    await page.getByRole('button', { name: 'Créer l’établissement' }).click();
    await page.locator('#fac-err-name').filter({ hasText: 'Obligatoire.' }).waitFor();
    await shot(page, 'admin-fr');
    await axe(page, 'admin-fr');
    await goTo(page, 'Rapports');
    const form = page.locator('harbour-capacity-report form').first();
    await form.getByLabel('Du', { exact: true }).fill('2024-01-01');
    await form.getByLabel('Au', { exact: true }).fill(new Date(Date.now() + 86400_000).toISOString().slice(0, 10));
    await form.getByRole('button', { name: /rapport/i }).click();
    await page.getByRole('img', { name: 'Taux d’occupation par mois' }).waitFor();
    await shot(page, 'reports-fr');
    await switchLanguage(page, 'en');
  });
}
