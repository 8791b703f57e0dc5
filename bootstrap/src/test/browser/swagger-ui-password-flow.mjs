// Opens Swagger UI in Debian's Chromium, authorises with the OAuth2 password flow against the running server, calls
// GET /users/me with "Try it out", and prints what the page shows as one JSON line: {"status": ..., "details": ...}.
// Driven by SwaggerUiBrowserIT; it asserts nothing itself. Usage:
//   node swagger-ui-password-flow.mjs <base url> <username> <password> <screenshot.png>
import { chromium } from 'playwright-core';

const [baseUrl, username, password, screenshot] = process.argv.slice(2);
if (!screenshot) {
  console.error('usage: node swagger-ui-password-flow.mjs <base url> <username> <password> <screenshot.png>');
  process.exit(2);
}

// The flags this machine's closed network needs: no background connections, no first-run work, no sandbox as root.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  page.setDefaultTimeout(30_000);
  await page.goto(`${baseUrl}/docs/`);

  await page.locator('button.btn.authorize').first().click();
  const dialog = page.locator('.modal-ux');
  await dialog.locator('#oauth_username').fill(username);
  await dialog.locator('#oauth_password').fill(password);
  await dialog.locator('button.btn.modal-btn.auth.authorize').click();
  // Swagger UI swaps the Authorize button for Logout once the token endpoint has answered
  await dialog.locator('button.btn.modal-btn.auth', { hasText: 'Logout' }).waitFor();
  await dialog.locator('button.btn-done').click();

  const operation = page.locator('.opblock', { has: page.locator('.opblock-summary-path[data-path="/users/me"]') })
    .filter({ has: page.locator('.opblock-summary-method', { hasText: 'GET' }) });
  await operation.locator('.opblock-summary').click();
  await operation.locator('button.try-out__btn').click();
  await operation.locator('button.execute').click();
  const answer = operation.locator('.live-responses-table tr.response');
  await answer.waitFor();

  const status = (await answer.locator('.response-col_status').innerText()).trim();
  const details = await answer.locator('.response-col_description').innerText();
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ status, details }));
} finally {
  await browser.close();
}
