// Opens the service's GraphQL UI in headless Chromium as a person would, waits until the UI has
// loaded the schema through its own introspection request, opens the documentation explorer and
// prints how many types the UI lists. Exits non-zero when the UI shows an error or no types.
import { chromium } from 'playwright-core';

const base = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  let introspected = null;
  page.on('response', async (response) => {
    if (response.url().endsWith('/graphql') && response.request().method() === 'POST') {
      const body = await response.json().catch(() => null);
      if (body?.data?.__schema) introspected = body;
      else if (body?.errors) console.log('introspection errors:', JSON.stringify(body.errors));
    }
  });
  await page.goto(`${base}/q/graphql-ui/`, { waitUntil: 'networkidle' });
  const deadline = Date.now() + 30000;
  while (!introspected && Date.now() < deadline) await page.waitForTimeout(200);
  if (!introspected) throw new Error('the UI never received the schema');
  // The documentation explorer: its button, then "All Schema Types" once the schema is in.
  await page.getByRole('button', { name: /documentation explorer/i }).first().click();
  await page.waitForSelector('.graphiql-doc-explorer-section-title', { timeout: 15000 });
  const shown = await page.evaluate(() => {
    const titles = [...document.querySelectorAll('.graphiql-doc-explorer-section-title')];
    const all = titles.find((t) => /all schema types/i.test(t.textContent));
    return all ? all.parentElement.querySelectorAll('a.graphiql-doc-explorer-type-name').length : -1;
  });
  await page.screenshot({ path: process.env.SCREENSHOT || '/tmp/graphql-ui.png' });
  const types = introspected.data.__schema.types.length;
  console.log(`introspection answered: ${types} types; the UI's documentation explorer lists ${shown} schema types`);
  if (shown <= 0) process.exitCode = 1;
} finally {
  await browser.close();
}
