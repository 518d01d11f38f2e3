#!/usr/bin/env node
// A tiny static file server for end-to-end tests, with no dependencies.
//
// It serves the built app (dist/) under a sub-path, the way a course server or GitHub
// Pages project site would, so tests catch any absolute URL that only works at "/".
//
//   node e2e/support/static-server.mjs --base /courses/cs101/statecraft/ --port 4174
//
// Options: --base PREFIX (default "/"), --port N (default 4174), --host H (default
// 127.0.0.1), --root DIR (default dist). Files in e2e/fixtures/ are served under
// /fixtures/ so tests can load host pages (for example an iframe embed) from the same
// server. Everything else is a 404. There is no fallback to index.html: a static file
// share has none either.
import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

function parseArgs(argv) {
  const options = { base: '/', port: 4174, host: '127.0.0.1', root: 'dist' };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!['--base', '--port', '--host', '--root'].includes(flag ?? '') || value === undefined) {
      throw new Error(`Unknown or incomplete option: ${flag}`);
    }
    options[flag.slice(2)] = flag === '--port' ? Number(value) : value;
    i += 1;
  }
  if (!options.base.startsWith('/')) options.base = `/${options.base}`;
  if (!options.base.endsWith('/')) options.base = `${options.base}/`;
  if (!Number.isInteger(options.port) || options.port <= 0) {
    throw new Error(`Invalid --port: ${options.port}`);
  }
  return options;
}

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Resolves `relative` inside `dir`, or returns null if it would escape `dir`. */
function safeJoin(dir, relative) {
  let decoded;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(dir, `.${sep}${decoded}`);
  return full === dir || full.startsWith(dir + sep) ? full : null;
}

async function findFile(dir, relative) {
  const full = safeJoin(dir, relative);
  if (full === null) return null;
  try {
    const info = await stat(full);
    if (info.isFile()) return full;
    if (info.isDirectory()) {
      const index = join(full, 'index.html');
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    // Missing file: fall through to 404.
  }
  return null;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const distDir = resolve(projectRoot, options.root);
  const fixturesDir = resolve(projectRoot, 'e2e', 'fixtures');
  if (!existsSync(join(distDir, 'index.html'))) {
    console.error(`static-server: ${join(distDir, 'index.html')} not found. Run "npm run build".`);
    process.exit(1);
  }
  const baseWithoutSlash = options.base.slice(0, -1);

  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;

    let dir = null;
    let relative = '';
    if (baseWithoutSlash !== '' && path === baseWithoutSlash) {
      res.writeHead(301, { Location: `${options.base}${url.search}` });
      res.end();
      return;
    }
    if (path.startsWith('/fixtures/')) {
      dir = fixturesDir;
      relative = path.slice('/fixtures/'.length);
    } else if (path.startsWith(options.base)) {
      dir = distDir;
      relative = path.slice(options.base.length);
    }

    const file = dir === null ? null : await findFile(dir, relative);
    if (file === null) {
      send(res, 404, 'Not found\n');
      return;
    }
    const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // As GitHub Pages does: lets sandboxed (opaque-origin) iframes load the modules.
      'Access-Control-Allow-Origin': '*',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });

  server.listen(options.port, options.host, () => {
    console.log(
      `static-server: ${distDir} at http://${options.host}:${options.port}${options.base}` +
        ` (fixtures at /fixtures/)`,
    );
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
