import type { Browser, Page } from "playwright-core";

/** A fresh tab (its own sessionStorage) at `/ui<hash>`, the token pasted as a user would. */
export async function openDashboard(browser: Browser, registryUrl: string, hash: string, token: string | null): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${registryUrl}/ui${hash}`);
  if (token !== null) {
    await page.locator('form.token input[name="token"]').fill(token);
    await page.locator("form.token button[type=submit]").click();
    await page.locator('form.token[data-token="set"]').waitFor();
  }
  return page;
}

/** Waits until the view the URL names is drawn (not the one before a click) and no part of it is loading. */
export async function settled(page: Page): Promise<void> {
  // an expression, run in the page: this file is type-checked without the DOM's types
  await page.waitForFunction(`document.querySelector("main")?.dataset.hash === location.hash && document.querySelector('[data-state="loading"]') === null`, undefined, { timeout: 60_000 });
}

/** The text of the file a download button gives. */
export async function downloaded(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(button).click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
