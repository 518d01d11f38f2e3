// Where the end-to-end servers listen (see playwright.config.ts).

/** vite preview of dist/ at the domain root. */
export const PREVIEW_URL = 'http://127.0.0.1:4173/';

/** e2e/support/static-server.mjs serving dist/ under a deep sub-path. */
export const SUBPATH_PORT = 4174;
export const SUBPATH_ORIGIN = `http://127.0.0.1:${SUBPATH_PORT}`;
export const SUBPATH_BASE = '/courses/cs101/statecraft/';
export const SUBPATH_APP_URL = `${SUBPATH_ORIGIN}${SUBPATH_BASE}`;

/** Files in e2e/fixtures/ (host pages for embed tests), served by the sub-path server. */
export const FIXTURES_URL = `${SUBPATH_ORIGIN}/fixtures/`;
