// Collects everything on a page that should never happen in a healthy run: console
// errors, uncaught exceptions, failed requests and HTTP error responses. Attach it before
// the first navigation, then assert the lists are empty at the end of the test.
import type { Page } from '@playwright/test';

export interface PageHealth {
  /** `console.error` messages and uncaught page errors. */
  readonly consoleErrors: string[];
  /** Requests that failed at the network level or got a status >= 400. */
  readonly failedRequests: string[];
}

export function watchPageHealth(page: Page): PageHealth {
  const health: PageHealth = { consoleErrors: [], failedRequests: [] };

  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    const where = url ? ` (${url}:${lineNumber})` : '';
    health.consoleErrors.push(`console.error: ${message.text()}${where}`);
  });
  page.on('pageerror', (error) => {
    health.consoleErrors.push(`pageerror: ${error.name}: ${error.message}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown error';
    health.failedRequests.push(`${request.method()} ${request.url()}: ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      health.failedRequests.push(
        `${response.request().method()} ${response.url()}: HTTP ${response.status()}`,
      );
    }
  });

  return health;
}
