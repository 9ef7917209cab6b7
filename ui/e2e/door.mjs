// Browser tests of the door (issue 16): the caseworker holds and sees the arrival code, the shelter's staff see the
// person on "Coming tonight" without a reload and check her in by the code, and the caseworker hears it live.
// Called by run.mjs with its helpers (HARBOUR_E2E_ONLY=door); screenshots in HARBOUR_E2E_DOOR_SHOTS (default run.mjs's).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { switchLanguage } from './header.mjs';

export async function door({ test, expect, signIn, axe, harbour, world, shots }) {
  const out = process.env.HARBOUR_E2E_DOOR_SHOTS ?? shots;
  mkdirSync(out, { recursive: true });
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const eligibility = {
    genders: ['WOMAN', 'TRANS_WOMAN', 'NON_BINARY', 'TWO_SPIRIT'], minAge: 16, maxAge: null,
    acceptsChildren: true, acceptsPets: true, substanceUse: 'HARM_REDUCTION', acceptsCurrentSexTrade: true,
    mandatoryActivities: false, wheelchairAccessible: true, traffickingSpecialized: false, languages: ['en', 'fr'],
    culturallySpecific: null,
  };
  const facilityOrg = `E2E Door Society ${suffix}`;
  const facility = await harbour.call(world.admin, 'POST', '/api/facilities', {
    name: `E2E Door House ${suffix}`, organization: facilityOrg, regionCode: world.regionCode,
    municipality: 'Sudbury', timeZone: 'America/Toronto', address: '3 Test Lane', confidential: true,
    intakePhone: '+1-705-555-0116', intakeHours: { alwaysOpen: true, weekly: [] },
    programs: [{ name: 'Door beds', type: 'SAFE_HOUSE', population: 'WOMEN', capacityType: 'BED', capacity: 12,
      maxStayDays: 30, nightlyCost: null, eligibility }],
  });
  const programId = facility.programs[0].id;
  const staff = await harbour.user(world.admin, 'SHELTER_STAFF', `door-${suffix}`, { organization: facilityOrg, facilityIds: [facility.id] });
  await harbour.setAvailability(staff, programId, 12, 0);
  const cw = world.caseworker;
  const newClient = (alias, needs) => harbour.call(cw, 'POST', '/api/clients', { alias, birthYear: 1995, gender: 'WOMAN', needs, consentToShare: false });

  /**
   * The page at 360 and 1280 px, in English and French: name-en-360.png ... name-fr-1280.png; the whole page, or
   * with `at` (a locator on a long page) the screen scrolled to it.
   */
  const shots4 = async (page, name, at) => {
    for (const lang of ['en', 'fr']) {
      if (lang === 'fr') await switchLanguage(page, 'fr');
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
        await page.waitForTimeout(150);
        if (at) await at.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: join(out, `${name}-${lang}-${width}.png`), fullPage: !at });
      }
    }
    await switchLanguage(page, 'en');
    await page.setViewportSize({ width: 360, height: 780 });
  };

  /** Signs the caseworker in and holds the door program for a client from the find screen. */
  const holdFor = async (page, client) => {
    await page.goto(`${page.url().split('#')[0]}#/find?client=${client.id}&region=${world.regionCode}&search=1`);
    const card = page.locator(`harbour-match-card article[data-program-id="${programId}"]`);
    await card.waitFor();
    await card.locator('button[data-action="hold"]').click();
    const code = card.locator('harbour-arrival-code [data-arrival-code]');
    await code.waitFor();
    return { card, code: await code.getAttribute('data-arrival-code') };
  };

  await test('door: the caseworker holds and sees the code; staff see her coming live, check her in; the caseworker hears it', async (page, context) => {
    const robin = await newClient(`Door-${suffix}`, { pets: true, children: 1, language: 'fr' });
    const staffContext = await context.browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'en-CA', colorScheme: 'dark' });
    staffContext.setDefaultTimeout(10_000);
    try {
      const desk = await staffContext.newPage();
      await signIn(desk, staff);
      await desk.goto(desk.url().split('#')[0] + '#/staff');
      const panel = desk.locator('harbour-coming-tonight');
      await panel.getByRole('heading', { name: 'Coming tonight' }).waitFor();
      await panel.locator('[data-empty]').waitFor();
      await shots4(desk, 'door-staff-empty');

      await signIn(page, cw);
      const { card, code } = await holdFor(page, robin);
      expect(/^[A-Z0-9]{6}$/.test(code), `a 6-character code: ${code}`);
      expect((await card.locator('harbour-arrival-code .code').innerText()).replace(/\s/g, '') === code, 'the code is shown');
      await shots4(page, 'door-caseworker-hold', card);
      await card.locator('button[data-action="large-code"]').click();
      const big = card.locator('harbour-arrival-code dialog');
      await big.locator('[data-big-code]').waitFor();
      expect((await big.innerText()).includes(' as in '), 'spelled with a phonetic hint');
      for (const lang of ['en', 'fr']) {
        if (lang === 'fr') {
          await big.locator('button[data-action="close-code"]').click();
          await switchLanguage(page, 'fr');
          await card.locator('button[data-action="large-code"]').click();
          expect((await big.innerText()).includes(' comme '), 'spelled in French');
        }
        for (const width of [360, 1280]) {
          await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
          await page.screenshot({ path: join(out, `door-caseworker-large-${lang}-${width}.png`) });
        }
      }
      await page.setViewportSize({ width: 360, height: 780 });
      await big.locator('button[data-action="close-code"]').click();
      await switchLanguage(page, 'en');

      // After a reload the code comes back from the service.
      await page.reload();
      const mine = page.locator(`harbour-my-holds [data-arrival-code="${code}"]`);
      await mine.waitFor();
      await shots4(page, 'door-caseworker-reload', page.locator('harbour-my-holds'));

      // The print view: the code, the program and the expiry on paper; no alias, and no address (a confidential house).
      const aliasOnScreen = page.locator('harbour-my-holds h3').filter({ hasText: robin.alias });
      expect(await aliasOnScreen.isVisible(), 'the alias is on the screen');
      await page.locator('harbour-my-holds button[data-action="print-view"]').click();
      const sheet = page.locator('harbour-code-sheet');
      await sheet.locator('[data-sheet-code]').filter({ hasText: `${code.slice(0, 3)} ${code.slice(3)}` }).waitFor();
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('harbour-app').isHidden(), 'the dashboard is not printed');
      expect(!(await aliasOnScreen.isVisible()), 'the alias is not printed');
      const paper = await sheet.locator('.page').innerText();
      expect(paper.includes('Door beds') && paper.includes('Held until') && !paper.includes('3 Test Lane')
        && !paper.includes(robin.alias) && !(await sheet.locator('[data-action="print-sheet"]').isVisible()), `on paper: ${paper}`);
      for (const lang of ['en', 'fr']) {
        if (lang === 'fr') {
          await page.emulateMedia({ media: 'screen' });
          await sheet.locator('[data-action="close-sheet"]').click();
          await switchLanguage(page, 'fr');
          await page.locator('harbour-my-holds button[data-action="print-view"]').click();
          await sheet.locator('[data-sheet-code]').waitFor();
          await page.emulateMedia({ media: 'print' });
          expect((await sheet.locator('.page').innerText()).includes('Retenu jusqu’à'), 'the sheet in French');
        }
        for (const width of [360, 1280]) {
          await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
          await page.screenshot({ path: join(out, `door-caseworker-print-${lang}-${width}.png`) });
        }
      }
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 360, height: 780 });
      await page.screenshot({ path: join(out, 'door-caseworker-print-view-fr-360.png') });
      await axe(page, 'print view');
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'detached' });
      await switchLanguage(page, 'en');

      // The shelter sees her coming without a reload: intake facts, never the code or the alias.
      const row = panel.locator('harbour-door-row article');
      await row.waitFor();
      const rowText = await row.innerText();
      expect(rowText.includes('Has a pet') && rowText.includes('1 child with her') && rowText.includes('Speaks French'), `intake facts: ${rowText}`);
      const deskText = await desk.locator('harbour-app').innerText();
      expect(!deskText.includes(code) && !deskText.includes(robin.alias), 'staff never see the code or the alias');
      await shots4(desk, 'door-staff-coming');
      await axe(desk, 'coming tonight');

      await row.locator('button[data-action="arrived"]').click();
      await row.getByLabel('Her 6-character code').fill('zzz zzz');
      await row.locator('button[data-action="check-in"]').click();
      await row.getByRole('alert').filter({ hasText: 'That code is not right.' }).waitFor();
      await shots4(desk, 'door-staff-wrong-code');
      const typed = `${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`;
      await row.getByLabel('Her 6-character code').fill(typed);
      const notices = page.locator('harbour-app section[role="status"]');
      const clicked = Date.now();
      await row.locator('button[data-action="check-in"]').click();
      const arrived = notices.locator('[data-notice="arrived"]');
      await arrived.waitFor();
      const ms = Date.now() - clicked;
      console.log(`    check-in click to the caseworker's notice: ${ms} ms`);
      await arrived.filter({ hasText: `${robin.alias} has arrived at Door beds.` }).waitFor();
      await panel.locator('[data-door-message]').filter({ hasText: 'Checked in.' }).waitFor();
      await panel.locator('[data-empty]').waitFor();
      await shots4(page, 'door-caseworker-arrived', page.locator('harbour-app main'));
      // The counter below: a typed figure, a confirmation that names the field, undo.
      const editor = desk.locator(`harbour-count-editor [data-program-id="${programId}"]`);
      await editor.getByLabel('Type the number (Out of service)').fill('1');
      await editor.locator('button[data-action="outOfService-set"]').click();
      await editor.getByRole('status').filter({ hasText: 'Saved: Out of service is now 1 (was 0).' }).waitFor();
      await editor.locator('button[data-action="undo"]').scrollIntoViewIfNeeded();
      await shots4(desk, 'staff-counter-undo', editor);
      await editor.locator('button[data-action="undo"]').click();
      await editor.getByRole('status').filter({ hasText: 'Undone: Out of service is back to 0.' }).waitFor();
      const placements = await harbour.call(cw, 'GET', `/api/clients/${robin.id}/placements`);
      expect(JSON.stringify(placements).includes('ACTIVE'), `an active placement: ${JSON.stringify(placements).slice(0, 300)}`);
    } finally {
      await staffContext.close();
    }
  });

  await test('door: turned away with a reason, and a no-show; the caseworker finds the next bed in one tap', async (page, context) => {
    const sam = await newClient(`Door2-${suffix}`, { pets: true });
    const staffContext = await context.browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'en-CA', colorScheme: 'dark' });
    staffContext.setDefaultTimeout(10_000);
    try {
      const desk = await staffContext.newPage();
      await signIn(desk, staff);
      await desk.goto(desk.url().split('#')[0] + '#/staff');
      const panel = desk.locator('harbour-coming-tonight');
      await panel.locator('[data-empty]').waitFor();
      await signIn(page, cw);
      const { card } = await holdFor(page, sam);
      const row = panel.locator('harbour-door-row article');
      await row.waitFor();
      await row.locator('button[data-action="decline"]').click();
      await row.getByRole('radio', { name: 'We can’t take her pet' }).check();
      await shots4(desk, 'door-staff-decline');
      await row.locator('button[data-action="decline-yes"]').click();
      const notices = page.locator('harbour-app section[role="status"]');
      await notices.locator('[data-notice="declined"]').filter({ hasText: `Door beds could not take ${sam.alias}: we can’t take her pet.` }).waitFor();
      await card.getByRole('status').filter({ hasText: 'The shelter could not take her (we can’t take her pet).' }).waitFor();
      expect(await card.locator('harbour-arrival-code [data-arrival-code]').count() === 0, 'the code goes with the hold');
      await shots4(page, 'door-caseworker-declined', page.locator('harbour-app main'));

      const hold = await harbour.call(cw, 'POST', `/api/programs/${programId}/holds`, { clientId: sam.id, minutes: 30 });
      await row.waitFor();
      await row.locator('button[data-action="no-show"]').click();
      await shots4(desk, 'door-staff-noshow');
      await row.locator('button[data-action="no-show-yes"]').click();
      await notices.locator('[data-notice="noShow"]').filter({ hasText: 'did not come' }).waitFor();
      await panel.locator('[data-empty]').waitFor();
      await notices.locator('[data-notice="noShow"] a[data-link="notice.findNext"]').click();
      await page.waitForURL((u) => u.hash.startsWith(`#/find?client=${sam.id}`) || u.hash === '#/find');
      expect(hold.id != null, 'hold by API');
    } finally {
      await staffContext.close();
    }
  });

  await test('door: the open hold card says she arrived, not that the hold ended', async (page) => {
    const ana = await newClient(`Door5-${suffix}`, { children: 0 });
    await signIn(page, cw);
    const { card, code } = await holdFor(page, ana);
    // The service sends hold.released, availability.changed (the placement takes the bed) and then hold.arrived.
    const hold = (await harbour.call(cw, 'GET', `/api/programs/${programId}/holds`)).find((h) => h.arrivalCode === code);
    await harbour.call(staff, 'POST', `/api/holds/${hold.id}/arrive`, { arrivalCode: code });
    await card.getByRole('status').filter({ hasText: 'She has arrived: the shelter checked her in.' }).waitFor();
    expect(await card.locator('button[data-action="hold"]').count() === 0, 'no second hold offered for a placed client');
  });

  await test('door: the counter offline keeps a change, sends it when the connection returns, and says so when it is refused', async (page, context) => {
    await harbour.setAvailability(staff, programId, 4, 0);
    await signIn(page, staff);
    await page.goto(page.url().split('#')[0] + '#/staff');
    const editor = page.locator(`harbour-count-editor [data-program-id="${programId}"]`);
    const available = editor.locator('output[data-field="available"]');
    await available.filter({ hasText: /^4$/ }).waitFor();
    const banner = page.locator('harbour-staff-view .offline');

    await context.setOffline(true);
    await banner.filter({ hasText: 'Offline. A change you make is kept on this device' }).waitFor();
    await page.locator('harbour-header [data-live="stopped"]').filter({ hasText: 'Offline' }).waitFor();
    await editor.getByRole('button', { name: 'One more Available' }).click();
    await editor.getByRole('button', { name: 'One more Available' }).click();
    await available.filter({ hasText: /^6$/ }).waitFor();
    await banner.filter({ hasText: 'Offline — 1 change waiting.' }).waitFor();
    await editor.locator('[data-count-status]').filter({ hasText: 'Kept on this device: Available from 4 to 6. Sent when' }).waitFor();
    await editor.locator('[data-waiting]').filter({ hasText: 'Not sent yet' }).waitFor();
    expect((await harbour.availability(staff, programId)).available === 4, 'nothing sent while offline');
    const kept = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('harbour.counts.waiting.')));
    expect(kept.length === 1 && kept[0].endsWith(staff.username), `kept per user: ${kept}`);
    await editor.getByLabel('Type the number (Out of service)').fill('1');
    await editor.locator('button[data-action="outOfService-set"]').click();
    await banner.filter({ hasText: 'Offline — 2 changes waiting.' }).waitFor();
    await editor.scrollIntoViewIfNeeded();
    await shots4(page, 'staff-counter-offline', editor);

    await context.setOffline(false);
    await editor.locator('[data-outcome="sent"]')
      .filter({ hasText: 'Sent now that the connection is back: Available from 4 to 6 and Out of service from 0 to 1.' }).waitFor();
    await banner.waitFor({ state: 'detached' });
    const sent = await harbour.availability(staff, programId);
    expect(sent.available === 6 && sent.outOfService === 1, `arrived: ${JSON.stringify(sent)}`);
    await shots4(page, 'staff-counter-sent', editor);
    await editor.locator('button[data-action="seen"]').click();

    // Offline again; meanwhile the night manager sets the figures from her own phone: the kept change is refused.
    await context.setOffline(true);
    await banner.filter({ hasText: 'Offline' }).waitFor();
    await editor.getByRole('button', { name: 'One less Out of service' }).click();
    await banner.filter({ hasText: 'Offline — 1 change waiting.' }).waitFor();
    await harbour.setAvailability(staff, programId, 2, 3);
    await context.setOffline(false);
    const refused = editor.locator('[data-outcome="conflict"]');
    await refused.filter({ hasText: 'Not saved: the change made offline (Out of service from 1 to 0) was refused, because someone else changed these figures first. '
      + 'The figures now: 2 available, 3 out of service.' }).waitFor();
    await available.filter({ hasText: /^2$/ }).waitFor();
    const after = await harbour.availability(staff, programId);
    expect(after.available === 2 && after.outOfService === 3, `the other change stands: ${JSON.stringify(after)}`);
    await shots4(page, 'staff-counter-refused', editor);
    await axe(page, 'staff counter refused');
  });

  await test('door: an outcome names the client when her hold was made on another device of the organization', async (page) => {
    const kim = await newClient(`Door3-${suffix}`, { children: 0 });
    await harbour.setAvailability(staff, programId, 6, 0);
    await signIn(page, cw);
    await page.goto(page.url().split('#')[0] + '#/clients');
    await page.locator('harbour-header [data-live="live"]').waitFor();
    // Another tab or phone of the same organization holds the bed: this page learns the hold from hold.created.
    const learned = page.waitForResponse((r) => r.url().endsWith(`/api/programs/${programId}/holds`) && r.status() === 200);
    const hold = await harbour.call(cw, 'POST', `/api/programs/${programId}/holds`, { clientId: kim.id, minutes: 30 });
    await learned;
    await harbour.call(staff, 'POST', `/api/holds/${hold.id}/arrive`, { arrivalCode: hold.arrivalCode });
    const notices = page.locator('harbour-app section[role="status"]');
    await notices.locator('[data-notice="arrived"]').filter({ hasText: `${kim.alias} has arrived at Door beds.` }).waitFor();
    expect((await notices.locator('[data-notice="arrived"] a').getAttribute('href')) === `#/clients/${kim.id}`, 'her timeline one tap away');

    // A hold the page learns only when the outcome comes (made before this page was opened): still named.
    const lee = await newClient(`Door4-${suffix}`, { pets: true });
    const early = await harbour.call(cw, 'POST', `/api/programs/${programId}/holds`, { clientId: lee.id, minutes: 30 });
    const relearned = page.waitForResponse((r) => r.url().endsWith(`/api/programs/${programId}/holds`) && r.status() === 200);
    await page.reload();
    await page.locator('harbour-header [data-live="live"]').waitFor();
    await relearned; // at start, the programs with a bed held are read
    await harbour.call(staff, 'POST', `/api/holds/${early.id}/decline`, { reason: 'PETS' });
    await notices.locator('[data-notice="declined"]').filter({ hasText: `Door beds could not take ${lee.alias}: we can’t take her pet.` }).waitFor();
    expect((await notices.locator('[data-notice="declined"] a').getAttribute('href')) === `#/find?client=${lee.id}`, 'the next bed for her');
  });
}
