// The one check every entry point shares: the page renders its main landmark and the
// simulation is running inside the Web Worker (the status line reports the engine and a
// non-zero count of processed simulation events).
import { expect, type Page } from '@playwright/test';

export async function expectEngineRunningInWorker(page: Page): Promise<void> {
  await expect(page.getByRole('main')).toBeVisible();
  const status = page.getByTestId('engine-status');
  await expect(status).toContainText('engine: worker');
  await expect(status).toHaveText(/events: [1-9]\d*/);
}
