#!/usr/bin/env node
// Pack trunk's dist/ into one self-contained HTML file, dist/fazhi-report.html,
// that runs when opened by double-click (file://) with no network at all.
//
// Why: on file:// a browser refuses ES module imports and fetch() of the
// .wasm, so trunk's dist/index.html shows nothing. Here everything is inline:
//   - the CSS as one <style>, the icon as a data: URL;
//   - a small classic "guard" script that replaces the #boot notice with a
//     clear Chinese message when the browser cannot run the app (no
//     WebAssembly, no ES modules, a script error before the app mounts);
//   - one <script type="module">: the loader (scripts/boot/start.js) bundled
//     with wasm-bindgen's --target web glue and fflate, lowered for Chromium 69;
//   - the wasm gzip-compressed as base64 in a data block the browser never
//     runs (<script type="application/octet-stream" id="fazhi-wasm">, the
//     body's last element), read by the loader and instantiated from those
//     bytes;
//   - a strict Content-Security-Policy: nothing may load from anywhere, only
//     these two scripts (by sha256) and this style (by sha256) may run.
//
// Names of the hashed files are read from trunk's dist/index.html.
// Usage: node scripts/pack-single.mjs [distDir]   (default: dist)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import os from 'node:os';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DIST = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
const OUT_NAME = 'fazhi-report.html';

function die(msg) {
  console.error(`pack-single: ${msg}`);
  process.exit(1);
}

function must(re, text, what) {
  const m = re.exec(text);
  if (!m) die(`cannot find ${what} in ${path.join(DIST, 'index.html')} (pattern ${re})`);
  return m;
}

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const indexPath = path.join(DIST, 'index.html');
if (!fs.existsSync(indexPath)) die(`${indexPath} is missing: run trunk build first`);
let html = fs.readFileSync(indexPath, 'utf8');

// 1. Find trunk's hashed assets.
const loader = must(/<script type="module">[\s\S]*?<\/script>\s*/, html, "trunk's loader script");
const jsName = must(/from '\/([^']+\.js)'/, loader[0], 'the glue .js')[1];
const wasmName = must(/module_or_path: '\/([^']+\.wasm)'/, loader[0], 'the .wasm')[1];
const cssLink = must(/<link rel="stylesheet" href="\/([^"]+\.css)"[^>]*>\s*/, html, 'the stylesheet');
const iconLink = must(/<link rel="icon" href="\/([^"]+)"[^>]*>\s*/, html, 'the icon');
const read = (name) => fs.readFileSync(path.join(DIST, name));

let glue = read(jsName).toString('utf8');
const wasm = read(wasmName);
const css = read(cssLink[1]).toString('utf8');
const icon = read(iconLink[1]);
const iconType = iconLink[1].endsWith('.svg') ? 'image/svg+xml' : iconLink[1].endsWith('.png') ? 'image/png' : 'image/x-icon';

if (!/\basync function __wbg_init\b/.test(glue)) die(`${jsName} has no __wbg_init: not wasm-bindgen --target web output?`);

// 2. The scripts. The guard (ES5, in index.html, kept where it is) says why
// when the browser cannot run the app and puts up a message if the app
// traps later; it is allowed by its hash like the loader below.
const guardTag = must(/<script id="fazhi-guard">([\s\S]*?)<\/script>/, html, 'the guard script');

// The loader (scripts/boot/start.js) bundled with the glue and fflate's
// gunzip by esbuild, lowered for Chromium 69 — the oldest core the app runs
// in (360/QQ 极速模式 on older office PCs): no optional chaining, nullish
// coalescing, class fields or top-level await survive. Minified: less for
// the browser to parse before the app starts.
const CORE_TARGET = 'chrome69';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fzbg-pack-'));
let start;
try {
  fs.writeFileSync(path.join(work, 'glue.js'), glue);
  fs.copyFileSync(path.join(ROOT, 'scripts', 'boot', 'start.js'), path.join(work, 'start.js'));
  fs.copyFileSync(path.join(ROOT, 'scripts', 'boot', 'gunzip.js'), path.join(work, 'gunzip.js'));
  const built = esbuild.buildSync({
    entryPoints: [path.join(work, 'start.js')],
    bundle: true,
    format: 'esm',
    target: CORE_TARGET,
    minify: true,
    legalComments: 'none',
    nodePaths: [path.join(ROOT, 'node_modules')],
    write: false,
    logLevel: 'error',
  });
  start = built.outputFiles[0].text;
} catch (e) {
  die(`esbuild could not bundle the loader: ${e.message}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
// The wasm is embedded gzip-compressed (base64 of about a third of the
// size) and inflated by the loader — no request involved. Not inside the
// loader: a string literal of 780 KB there is scanned by the JavaScript
// parser and hashed for the CSP (once per policy) before the loader can
// run. It is the text of a data block the browser never executes,
// <script type="application/octet-stream" id="fazhi-wasm">, the last
// element of <body>; the loader (a module, so it runs once the page is
// parsed) reads it by its id. (Cut into blocks of 16 KB it parsed no
// faster in this page.)
const DATA_ID = 'fazhi-wasm';
const wasmBase64 = zlib.gzipSync(wasm, { level: 9 }).toString('base64');
const dataBlock = `<script type="application/octet-stream" id="${DATA_ID}">${wasmBase64}</script>`;
if (start.split(JSON.stringify(DATA_ID)).length !== 2) die(`the bundled loader does not name the data block "${DATA_ID}" exactly once`);
if (start.includes('</script')) die('the inline script contains "</script": cannot inline it');
start = `\n${start}`;

// The CSP in two stages (see the guard's comment): the page's own policy
// lets only these two scripts and this style run and nothing load; it
// includes 'unsafe-eval' because Chromium before 97 knows no
// 'wasm-unsafe-eval' and compiles WebAssembly under a CSP only with it. The
// guard drops it at once in cores that know better (EARLY_POLICY), and the
// loader in every core as soon as the module is instantiated.
const EARLY = /var EARLY_POLICY = '';/;
if (!EARLY.test(guardTag[1])) die("the guard has no `var EARLY_POLICY = '';` to fill");
const earlyPolicy = `script-src ${sha256(start)} 'wasm-unsafe-eval'`;
// Filled, then minified (ES5 in, ES5 out: esbuild only shortens names and
// spacing), then hashed: the hash is of the text the page holds.
let guard = guardTag[1].replace(EARLY, () => `var EARLY_POLICY = ${JSON.stringify(earlyPolicy)};`);
try {
  guard = esbuild.transformSync(guard, { loader: 'js', target: 'es5', minify: true, legalComments: 'none', logLevel: 'error' }).code.trim();
} catch (e) {
  die(`esbuild could not minify the guard: ${e.message}`);
}
if (!guard.includes(JSON.stringify(earlyPolicy))) die('the minified guard lost its early policy');
html = html.replace(guardTag[0], () => `<script id="fazhi-guard">${guard}</script>`);

// The CSS minified by esbuild, and lowered where a core the app supports
// lacks a property (Chromium 69 has no `inset`: top/right/bottom/left).
let style;
try {
  style = esbuild.transformSync(css, { loader: 'css', target: [CORE_TARGET, 'firefox102'], minify: true, legalComments: 'none', logLevel: 'error' }).code.trim();
} catch (e) {
  die(`esbuild could not minify the CSS: ${e.message}`);
}
if (style.includes('</style')) die('the CSS contains "</style": cannot inline it');

const csp = [
  "default-src 'none'",
  `script-src ${sha256(guard)} ${sha256(start)} 'unsafe-eval'`,
  `style-src ${sha256(style)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// 3. Assemble: trunk's page minus its loader, links and comments (notes for
// developers, in the source index.html), plus the inline parts.
html = html
  .replace(/<!--[\s\S]*?-->\s*/g, '')
  .replace(loader[0], '')
  .replace(cssLink[0], '')
  .replace(iconLink[0], '')
  .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
// The whole page is ASCII: Chinese text as character references here, and
// as \u escapes in the scripts and the style (esbuild's default). With one
// non-ASCII character near it, Chromium decodes the 780 KB of base64 into
// UTF-16 text (5 ms of CPU); all ASCII, into Latin-1 (1.3 ms).
if (/[^\x00-\x7f]/.test(guard)) die('the minified guard is not ASCII');
html = html.replace(/[^\x00-\x7f]/gu, (c) => `&#x${c.codePointAt(0).toString(16)};`);
const headInsert = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
html = html.replace(/(<meta charset="utf-8">)/i, `$1\n  ${headInsert}`);
if (!html.includes(headInsert)) die('index.html has no <meta charset="utf-8"> to put the CSP after');
html = html.replace('</head>', () => `  <style>${style}</style>\n  <link rel="icon" href="data:${iconType};base64,${icon.toString('base64')}">\n</head>`);
html = html.replace('</body>', () => `<script type="module">${start}</script>\n${dataBlock}\n</body>`);
if (/[^\x00-\x7f]/.test(html)) die('the page is not ASCII (a script or the style holds a character esbuild did not escape)');
if (/(?:src|href)="\/|https?:\/\//.test(html.replace(/<script type="module">[\s\S]*?<\/script>/, '').replace(dataBlock, ''))) {
  die('an external reference is left in the page');
}

const out = path.join(DIST, OUT_NAME);
fs.writeFileSync(out, html);
const raw = fs.statSync(out).size;
const gz = zlib.gzipSync(fs.readFileSync(out), { level: 9 }).length;
console.log(
  `single file: ${path.relative(ROOT, out)} — ${raw} bytes raw (${Math.round(raw / 1024)} KiB), ` +
  `${gz} bytes gzip -9 (${Math.round(gz / 1024)} KiB)`,
);
if (raw > 1024 * 1024) console.log('single file: WARNING: larger than the 1 MB target');
