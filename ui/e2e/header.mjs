// The header on a phone is one row with a menu button; the navigation, the language and sign-out open below it.
// These helpers open the menu when its button shows (below 40rem), do the thing, and close it again.

const menuButton = (page) => page.locator('harbour-header [data-action="menu"]');

async function menuOpen(page) {
  const button = menuButton(page);
  return (await button.isVisible()) && (await button.getAttribute('aria-expanded')) === 'true';
}

/** Runs `act` with the header's controls in reach. */
export async function inMenu(page, act) {
  const button = menuButton(page);
  const opened = (await button.isVisible()) && !(await menuOpen(page));
  if (opened) await button.click();
  const result = await act();
  if (opened && (await menuOpen(page))) await button.click();
  return result;
}

/** Switches the dashboard's language from the header ('fr' or 'en'). */
export function switchLanguage(page, lang) {
  const name = lang === 'fr' ? 'Passer en français' : 'Switch to English';
  return inMenu(page, () => page.locator('harbour-header').getByRole('button', { name }).click());
}

/** Follows a link of the header's navigation by its name. */
export function goTo(page, name) {
  return inMenu(page, () => page.locator('harbour-header nav').getByRole('link', { name, exact: true }).click());
}

/** Signs out from the header (in either language). */
export function signOut(page) {
  return inMenu(page, () => page.locator('harbour-header').getByRole('button', { name: /^(Sign out|Se déconnecter)$/ }).click());
}

/** Signed in: the header is there. */
export function signedIn(page) {
  return page.locator('harbour-header .brand').waitFor();
}
