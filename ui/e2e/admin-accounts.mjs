// Browser tests of the account screens (issue 18): disabling a user, resetting a password and the forced change
// that follows, feed keys revoked from their facility, the audit log's filters. Called by run.mjs with its helpers.

/** Fetch with a user's token (or a feed key) and answer the status only. */
async function status(base, path, { token, feedKey, method = 'GET', body } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (feedKey) headers['X-Feed-Key'] = feedKey;
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  await response.text();
  return response.status;
}

async function openAccount(page, base, username) {
  await page.goto(base + '/#/admin');
  await page.getByRole('button', { name: 'Users', exact: true }).click();
  await page.getByLabel('Filter users').fill(username);
  await page.getByRole('button', { name: `Manage ${username}` }).click();
  const card = page.locator(`harbour-user-editor section[data-editing="${username}"]`);
  await card.waitFor();
  return card;
}

export async function accountTests({ test, expect, signIn, axe, shot, harbour, world, base }) {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

  await test('accounts: an admin disables a user after a confirmation naming her; her session ends at once; enabling brings her back', async (page) => {
    const user = await harbour.user(world.admin, 'FUNDER', `off-${suffix}`, { organization: `E2E Fund ${suffix}` });
    expect((await status(base, '/api/users/me', { token: user.token })) === 200, 'her token works before');
    await signIn(page, world.admin);
    const card = await openAccount(page, base, user.username);
    await card.getByText('State: Active').waitFor();

    await card.getByRole('button', { name: `Disable ${user.username}` }).click();
    const confirm = card.getByRole('alertdialog');
    await confirm.getByText(`Disable the account of ${user.username}?`).waitFor();
    await shot(page, 'accounts-disable-confirm');
    await axe(page, 'accounts-disable-confirm');
    await confirm.getByRole('button', { name: `Yes, disable ${user.username}` }).click();
    await card.getByRole('status').filter({ hasText: `Disabled: ${user.username}` }).waitFor();
    await page.locator(`harbour-user-admin tr[data-username="${user.username}"][data-state="disabled"]`).waitFor();

    const after = await status(base, '/api/users/me', { token: user.token });
    expect(after === 401, `her token right after disabling -> ${after}`);
    const login = await status(base, '/api/login', { method: 'POST', body: { username: user.username, password: user.password } });
    expect(login === 401, `her sign-in while disabled -> ${login}`);

    await card.getByRole('button', { name: `Enable ${user.username}` }).click();
    await card.getByRole('alertdialog').getByRole('button', { name: `Yes, enable ${user.username}` }).click();
    await card.getByRole('status').filter({ hasText: `Enabled: ${user.username}` }).waitFor();
    const back = await harbour.login(user.username, user.password);
    expect((await status(base, '/api/users/me', { token: back.token })) === 200, 'she signs in again once enabled');
    await shot(page, 'accounts-user');
  });

  await test('accounts: a password reset shows a temporary password once; she must choose her own at sign-in', async (page) => {
    const user = await harbour.user(world.admin, 'CASEWORKER', `reset-${suffix}`, { organization: `E2E Outreach ${suffix}` });
    await signIn(page, world.admin);
    let card = await openAccount(page, base, user.username);
    await card.getByRole('button', { name: `Reset password of ${user.username}` }).click();
    await card.getByRole('alertdialog').getByRole('button', { name: `Yes, reset the password of ${user.username}` }).click();
    const field = card.getByLabel(`Temporary password for ${user.username}`);
    await field.waitFor();
    const temporary = await field.inputValue();
    expect(/^[A-HJ-NP-Za-km-z2-9-]{16,}$/.test(temporary), `a readable temporary password: ${temporary}`);
    await card.getByRole('button', { name: 'Copy password' }).click();
    await card.getByText(/Password copied\.|The password is selected/).waitFor();
    await page.locator(`harbour-user-admin tr[data-username="${user.username}"][data-state="mustChange"]`).waitFor();
    await shot(page, 'accounts-temporary-password');
    await axe(page, 'accounts-temporary-password');
    // shown once: the card opened again has no password in it
    await card.getByRole('button', { name: 'Close' }).click();
    card = await openAccount(page, base, user.username);
    expect((await card.getByLabel(`Temporary password for ${user.username}`).count()) === 0, 'the temporary password is not shown again');
    const old = await status(base, '/api/login', { method: 'POST', body: { username: user.username, password: user.password } });
    expect(old === 401, `her old password after the reset -> ${old}`);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(temporary);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    expect((await page.locator('harbour-header').count()) === 0, 'no navigation before the password is changed');
    await page.getByLabel('Password you were given').fill('not-what-she-was-given');
    await page.getByLabel('New password', { exact: true }).fill(`her-own-passphrase-${suffix}`);
    await page.getByLabel('New password again').fill(`her-own-passphrase-${suffix}`);
    await page.getByRole('button', { name: 'Save my password' }).click();
    await page.getByText('This is not the password you were given.').waitFor();
    await shot(page, 'accounts-change-password');
    await axe(page, 'accounts-change-password');
    await page.getByLabel('Password you were given').fill(temporary);
    await page.getByRole('button', { name: 'Save my password' }).click();
    await page.getByRole('link', { name: 'Find a bed' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const mine = await fetch(base + '/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: `her-own-passphrase-${suffix}` }) }).then((r) => r.json());
    expect(mine.mustChangePassword === false, `signed in with her own password: ${JSON.stringify(mine.mustChangePassword)}`);
  });

  await test('accounts: feed keys listed on their facility and revoked there; the audit log finds the revocation', async (page) => {
    const issued = await harbour.call(world.admin, 'POST', `/api/facilities/${world.facilityId}/feed-keys`);
    const put = () => status(base, `/api/programs/${world.programId}/availability`, { method: 'PUT', feedKey: issued.key, body: { available: 5, outOfService: 0 } });
    expect((await put()) === 200, 'the key works before');
    const facilityName = (await harbour.call(world.admin, 'GET', `/api/facilities/${world.facilityId}`)).name;
    await signIn(page, world.admin);
    await page.goto(base + '/#/admin');
    await page.getByLabel('Filter facilities').fill(facilityName);
    await page.getByRole('button', { name: `Edit ${facilityName}` }).click();
    const key = page.locator(`harbour-facility-editor li[data-key-id="${issued.id}"]`);
    await key.getByText(/last used/).waitFor();
    expect(!(await page.locator('harbour-facility-editor').innerText()).includes(issued.key), 'the list never shows a key');

    await key.getByRole('button', { name: `Revoke Key #${issued.id}` }).click();
    await key.getByText(`Revoke Key #${issued.id}?`).waitFor();
    await key.getByRole('button', { name: `Yes, revoke Key #${issued.id}` }).click();
    await page.getByRole('status').filter({ hasText: `Revoked: Key #${issued.id}` }).waitFor();
    await page.locator(`harbour-facility-editor li[data-key-id="${issued.id}"][data-revoked="true"]`).waitFor();
    const refused = await put();
    expect(refused === 401, `the revoked key -> ${refused}`);
    await shot(page, 'accounts-feed-keys');
    await axe(page, 'accounts-feed-keys');

    await page.getByRole('button', { name: 'Back to all facilities' }).click();
    await page.getByRole('button', { name: 'Audit log' }).click();
    const form = page.locator('harbour-audit-log form');
    await form.getByLabel('Action').fill('FEED_KEY_REVOKED');
    await form.getByLabel('Object id').fill(String(issued.id));
    await form.getByLabel('Username').fill(world.admin.username);
    await form.getByRole('button', { name: 'Search the log' }).click();
    const rows = page.locator('harbour-audit-log tbody tr');
    await page.locator('harbour-audit-log h3').filter({ hasText: 'Records: 1' }).waitFor();
    expect((await rows.first().getAttribute('data-action')) === 'FEED_KEY_REVOKED', 'the revocation is in the log');
    await form.getByLabel('Object id').fill('4x');
    await form.getByRole('button', { name: 'Search the log' }).click();
    await form.getByText('Enter a whole number.').waitFor();
    await shot(page, 'accounts-audit');
    await axe(page, 'accounts-audit');
  });

  await test('accounts: a new facility of a violence against women shelter starts with a confidential address', async (page) => {
    await signIn(page, world.admin);
    await page.goto(base + '/#/admin');
    await page.getByRole('button', { name: 'New facility' }).click();
    const form = page.locator('harbour-facility-form form');
    const confidential = form.getByLabel('Confidential address');
    expect(!(await confidential.isChecked()), 'off before a type is chosen');
    await form.getByLabel('Main type of place').selectOption('DV_SHELTER');
    expect(await confidential.isChecked(), 'on for a violence against women shelter');
    await form.getByLabel('Main type of place').selectOption('HOTEL_MOTEL');
    expect(!(await confidential.isChecked()), 'off again for a hotel');
    await form.getByLabel('Main type of place').selectOption('SAFE_HOUSE');
    await confidential.uncheck();
    await form.getByText('its address should be confidential').waitFor();
    expect(!(await confidential.isChecked()), 'the admin’s own choice stands');
  });
}
