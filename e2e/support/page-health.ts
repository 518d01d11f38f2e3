// Collects everything on a page that should never happen in a healthy run: console
// errors, uncaught exceptions, Content-Security-Policy violations, failed requests and HTTP
// error responses. Attach it before the first navigation, then assert the lists are empty at
// the end of the test.
import type { Page } from '@playwright/test';

/** Prefix of the console error a CSP violation is reported as (see watchPageHealth). */
export const CSP_VIOLATION = 'CSP violation';

export interface PageHealth {
  /** `console.error` messages and uncaught page errors. */
  readonly consoleErrors: string[];
  /** Requests that failed at the network level or got a status >= 400. */
  readonly failedRequests: string[];
}

export function watchPageHealth(page: Page): PageHealth {
  const health: PageHealth = { consoleErrors: [], failedRequests: [] };

  // Every frame of the page reports CSP violations as console errors, so every spec that
  // checks `consoleErrors` also fails on a blocked script, style, image, worker or request.
  void page.addInitScript((prefix: string) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `${prefix}: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}` +
          ` at ${e.sourceFile || e.documentURI}:${e.lineNumber}`,
      );
    });
  }, CSP_VIOLATION);

  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    const where = url ? ` (${url}:${lineNumber})` : '';
    // Chromium's own console report of a CSP block counts too: the init script's
    // listener may not be in place yet in a document that loads right after this call.
    const tag = /Content Security Policy/.test(message.text()) ? `${CSP_VIOLATION}: ` : '';
    health.consoleErrors.push(`${tag}console.error: ${message.text()}${where}`);
  });
  page.on('pageerror', (error) => {
    health.consoleErrors.push(`pageerror: ${error.name}: ${error.message}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown error';
    // A load the browser stopped itself (the page navigated on, a closed dialog's preview
    // frame went away, a prefetch cut short) is tidying up, not a failed request: a missing
    // file answers 404 and a dead server refuses, and both are still reported.
    if (reason === 'net::ERR_ABORTED') return;
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
