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
//   - one <script type="module"> with wasm-bindgen's --target web glue, the
//     wasm as base64, and a call that instantiates it from those bytes;
//   - a strict Content-Security-Policy: nothing may load from anywhere, only
//     these two scripts (by sha256) and this style (by sha256) may run.
//
// Names of the hashed files are read from trunk's dist/index.html.
// Usage: node scripts/pack-single.mjs [distDir]   (default: dist)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';

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

// The glue's one use of optional chaining (Chromium 80+) in wasm-bindgen's
// debug formatter; written out so that the module parses on older cores.
glue = glue.replace(
  '/\\[object ([^\\]]+)\\]/.exec(toStringOutput)?.[1]',
  '(/\\[object ([^\\]]+)\\]/.exec(toStringOutput) || [])[1]',
);
if (!/\basync function __wbg_init\b/.test(glue)) die(`${jsName} has no __wbg_init: not wasm-bindgen --target web output?`);

// 2. The scripts. The guard (ES5, in index.html, kept where it is) says why
// when the browser cannot run the app and puts up a message if the app
// traps later; it is allowed by its hash like the loader below.
const guardTag = must(/<script id="fazhi-guard">([\s\S]*?)<\/script>/, html, 'the guard script');
const guard = guardTag[1];

// The wasm is embedded gzip-compressed (base64 of about a third of the size)
// and inflated with the browser's DecompressionStream — no request involved.
// DecompressionStream needs Chromium 80 / Firefox 113, below the strict CSP's
// own floor (Chromium 97); the old-core variant embeds it uncompressed.
const oldChromiumBuild = process.env.FAZHI_CSP_OLD_CHROMIUM === '1';
const gzipped = !oldChromiumBuild;
const b64 = (gzipped ? zlib.gzipSync(wasm, { level: 9 }) : wasm).toString('base64');
const start = `
${glue}
;(function () {
  var boot = window.fazhiBoot;
  if (typeof WebAssembly !== 'object') return; // the guard has said why
  // User Timing marks for each start-up phase (read by scripts/bench.mjs).
  var mark = function (n) { try { performance.mark('fzbg:boot-' + n); } catch (e) { /* no User Timing */ } };
  mark('script');
  var bytes;
  try {
    var s = atob(${JSON.stringify(b64)});
    bytes = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    mark('decoded');
  } catch (e) {
    boot.fail('程序数据无法读取，文件可能已损坏，请重新复制本文件。', String(e));
    return;
  }
  var module;
  if (${gzipped}) {
    if (typeof DecompressionStream !== 'function') {
      boot.fail('浏览器版本过旧（不支持 DecompressionStream），无法解压程序模块。');
      return;
    }
    // The inflated bytes are handed to the glue as a Response with the wasm
    // MIME type, so it compiles them with instantiateStreaming while they are
    // still being inflated (measured: about 3x faster than inflating to an
    // ArrayBuffer first). Response(bytes).body, not Blob.stream(): a Blob's
    // bytes go to the browser process and back in chunks.
    var inflating = new Response(bytes).body.pipeThrough(new DecompressionStream('gzip'));
    module = new Response(inflating, { headers: { 'Content-Type': 'application/wasm' } });
  } else {
    module = bytes;
  }
  // Asynchronous instantiation (no fetch): unlike initSync, it is not subject
  // to the main-thread size limit of synchronous compilation that older
  // Chromium cores impose.
  __wbg_init({ module_or_path: module }).then(function () {
    mark('mounted');
  }, function (e) {
    // The app removes #boot when it starts: a failure after that is the
    // app's own (a trap while building the first screen), not the browser's.
    if (!document.getElementById('boot')) {
      boot.crashed(String(e && e.message || e));
      return;
    }
    var reason = e instanceof WebAssembly.CompileError
      ? '程序模块无法编译：浏览器内核过旧，或安全策略禁止运行 WebAssembly。'
      : '程序启动失败。';
    boot.fail(reason, String(e && e.message || e));
  });
})();
`;
if (start.includes('</script')) die('the inline script contains "</script": cannot inline it');

const style = `\n${css}\n`;

// Chromium before 97 knows no 'wasm-unsafe-eval' and compiles WebAssembly
// under a CSP only with 'unsafe-eval' (which also allows eval()). Strict by
// default; FAZHI_CSP_OLD_CHROMIUM=1 trades that for Chromium 57-96 cores.
const oldChromium = process.env.FAZHI_CSP_OLD_CHROMIUM === '1';
const csp = [
  "default-src 'none'",
  `script-src ${sha256(guard)} ${sha256(start)} 'wasm-unsafe-eval'${oldChromium ? " 'unsafe-eval'" : ''}`,
  `style-src ${sha256(style)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// 3. Assemble: trunk's page minus its loader and links, plus the inline parts.
html = html
  .replace(loader[0], '')
  .replace(cssLink[0], '')
  .replace(iconLink[0], '')
  .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
const headInsert = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
html = html.replace(/(<meta charset="utf-8">)/i, `$1\n  ${headInsert}`);
if (!html.includes(headInsert)) die('index.html has no <meta charset="utf-8"> to put the CSP after');
html = html.replace('</head>', `  <style>${style}</style>\n  <link rel="icon" href="data:${iconType};base64,${icon.toString('base64')}">\n</head>`);
html = html.replace('</body>', `<script type="module">${start}</script>\n</body>`);
if (/(?:src|href)="\/|https?:\/\//.test(html.replace(/<script type="module">[\s\S]*<\/script>/, ''))) {
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
if (oldChromium) console.log("single file: CSP allows 'unsafe-eval' (FAZHI_CSP_OLD_CHROMIUM=1) for Chromium < 97");
if (raw > 1024 * 1024) console.log('single file: WARNING: larger than the 1 MB target');
