// Shared helpers for the end-to-end tests: serve dist/ on loopback and start
// the system Chromium through playwright-core (never a downloaded browser).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const OUT = path.join(ROOT, 'tests', 'e2e', 'out');
fs.mkdirSync(OUT, { recursive: true });

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/** Serve dist/ on 127.0.0.1 with a free port; resolves to { url, close }. */
export function serveDist() {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(DIST, urlPath === '/' ? 'index.html' : urlPath);
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Launch headless Chromium with the flags that work on these machines. */
export async function launch() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fzbg-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-quic',
    ],
  });
  return context;
}

/**
 * For a test file: serve dist/ and launch Chromium before its tests, close
 * both after them. Returns the fixture; `app.server.url` and `app.context`
 * are there once the tests run.
 */
export function useBrowser() {
  const app = { server: undefined, context: undefined };
  before(async () => {
    app.server = await serveDist();
    app.context = await launch();
  });
  after(async () => {
    await app.context?.close();
    await app.server?.close();
  });
  return app;
}

/** Wait until the app has mounted (the loading notice is gone). */
export async function waitForApp(page) {
  await page.waitForSelector('#boot', { state: 'detached', timeout: 30000 });
}

/** The single-file build (scripts/pack-single.mjs) and its file:// URL. */
export const SINGLE_FILE = path.join(DIST, 'fazhi-report.html');
export const singleFileUrl = (file = SINGLE_FILE) => new URL(`file://${file}`).href;

/**
 * Record every request a page makes, twice over: Playwright's request event
 * and the DevTools protocol's Network domain (which also sees requests
 * Playwright does not report). data: and blob: URLs are not network and are
 * left out. Returns the live list of URLs (deduplicated on read by callers).
 */
export async function recordRequests(context, page) {
  const seen = [];
  const keep = (url) => { if (!/^(data|blob):/.test(url)) seen.push(url); };
  page.on('request', (req) => keep(req.url()));
  const cdp = await context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (e) => keep(e.request.url));
  cdp.on('Network.webSocketCreated', (e) => keep(e.url));
  await cdp.send('Network.enable');
  return seen;
}

/**
 * Collect console errors and warnings, uncaught page errors and CSP
 * violations (both the console's "Refused to …" lines and
 * securitypolicyviolation events). Call before the first navigation.
 * Returns { problems, violations(): Promise<string[]> }.
 */
export async function recordProblems(page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning' || /Refused to/.test(msg.text())) {
      problems.push(`console ${msg.type()}: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  return {
    problems,
    violations: () => page.evaluate(() => window.__cspViolations ?? []),
  };
}

/**
 * A new page on `baseUrl` with this browser profile's drafts cleared, opened
 * as a first visit (so the app starts on the quick start screen).
 */
export async function freshApp(context, baseUrl) {
  const page = await context.newPage();
  await page.goto(baseUrl);
  await waitForApp(page);
  await page.evaluate(() => localStorage.clear());
  await page.goto(baseUrl + '#/');
  await page.reload();
  await waitForApp(page);
  return page;
}

// Runs `eval` and `new Function` from a timer: code evaluated by the test
// driver itself (DevTools' Runtime.evaluate) is exempt from the page's CSP,
// a callback the page runs later is not.
export const EVAL_PROBE = `new Promise(function (done) { setTimeout(function () {
  var r = [];
  try { eval('1'); r.push('eval allowed'); } catch (e) { r.push(e.name); }
  try { new Function('return 1'); r.push('Function allowed'); } catch (e) { r.push(e.name); }
  done(r.join(','));
}, 0); })`;
