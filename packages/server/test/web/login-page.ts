import type { Page } from 'playwright-core';

/** Logs in by typing into the dashboard's login page (the way a person does). */
export async function loginThroughPage(
  page: Page,
  baseUrl: string,
  creds: { email: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  // The shell first asks the server who is logged in, then shows either the login page or the app.
  await page.locator('[data-testid="login-form"], [data-testid="current-user"]').first().waitFor();
  const logout = page.getByTestId('logout');
  if (await logout.isVisible()) await logout.click();
  await page.getByTestId('login-form').waitFor();
  await page.getByTestId('login-email').fill(creds.email);
  await page.getByTestId('login-password').fill(creds.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}
