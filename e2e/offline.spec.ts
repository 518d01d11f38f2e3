// After one visit the app works offline (service worker cache), including lessons loaded
// on demand and a share link, from a sub-path.
import { expect, test } from '@playwright/test';
import { SUBPATH_APP_URL } from './support/urls';

test('after the first visit the app works offline', async ({ context, page }) => {
  await page.goto(SUBPATH_APP_URL);
  await expect(page.getByTestId('engine-status')).toHaveText(/events: [1-9]\d*/);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.goto(`${SUBPATH_APP_URL}?preset=store-crash`);
  await expect(page.getByTestId('engine-status')).toHaveText(/engine: worker · events: [1-9]\d*/);
  await page.goto(`${SUBPATH_APP_URL}?lesson=atm`);
  await expect(page.getByText('Step 1 of')).toBeVisible();
  await context.setOffline(false);
});
