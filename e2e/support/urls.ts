// Where the end-to-end servers listen (see playwright.config.ts).
//
// E2E_PORT moves both servers (preview on E2E_PORT, sub-path server on E2E_PORT + 1), so two
// checkouts on one machine can run their suites side by side without one reusing the
// other's server (and so testing the other's build).
const basePort = Number(process.env.E2E_PORT ?? 4173);
if (!Number.isInteger(basePort) || basePort < 1024 || basePort > 65000) {
  throw new Error(
    `E2E_PORT must be an integer port between 1024 and 65000, got "${process.env.E2E_PORT}"`,
  );
}

/** vite preview of dist/ at the domain root. */
export const PREVIEW_PORT = basePort;
export const PREVIEW_URL = `http://127.0.0.1:${PREVIEW_PORT}/`;

/** e2e/support/static-server.mjs serving dist/ under a deep sub-path. */
export const SUBPATH_PORT = basePort + 1;
export const SUBPATH_ORIGIN = `http://127.0.0.1:${SUBPATH_PORT}`;
export const SUBPATH_BASE = '/courses/cs101/statecraft/';
export const SUBPATH_APP_URL = `${SUBPATH_ORIGIN}${SUBPATH_BASE}`;

/** Files in e2e/fixtures/ (host pages for embed tests), served by the sub-path server. */
export const FIXTURES_URL = `${SUBPATH_ORIGIN}/fixtures/`;

/** e2e/scorm.spec.ts's own server: an LMS-like host page and an unzipped course package. */
export const SCORM_LMS_PORT = basePort + 7;
export const SCORM_LMS_ORIGIN = `http://127.0.0.1:${SCORM_LMS_PORT}`;
