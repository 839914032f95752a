// The single-file build, dist/fazhi-report.html, opened the way users open
// it: by double-click, as a file:// page, with no server and no network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import path from 'node:path';
import {
  launch, waitForApp, OUT, SINGLE_FILE, singleFileUrl, recordRequests, recordProblems, EVAL_PROBE,
} from './harness.mjs';

const SECTION_ONE = '一、2025年度推进法治政府建设的主要举措和成效';
const TYPED = '1. 健全依法行政制度。一是审查规范性文件12件。\n2. 严格规范执法。一是开展执法检查36次。';

let context;
// Filled by the end-to-end run, checked by the tests after it.
let requests = [];
let problems = [];
let violations = [];
let ranEndToEnd = false;

before(async () => {
  assert.ok(fs.existsSync(SINGLE_FILE), `${SINGLE_FILE} is missing: run scripts/build.sh`);
  context = await launch();
});

after(async () => {
  await context?.close();
});

test('single file from file://: start, type, reload, the text is still there, export', async () => {
  const page = await context.newPage();
  requests = await recordRequests(context, page);
  const recorder = await recordProblems(page);
  problems = recorder.problems;

  await page.goto(singleFileUrl());
  await waitForApp(page);
  await page.getByRole('textbox', { name: '单位名称', exact: true }).fill('单文件测试局');
  await page.getByRole('textbox', { name: '报告年度', exact: true }).fill('2025');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('doc-title').filter({ hasText: '单文件测试局2025年度' }).waitFor();

  await page.getByRole('link', { name: SECTION_ONE }).click();
  const measures = page.getByRole('textbox', { name: '本部分内容', exact: true });
  await measures.click();
  await page.keyboard.type(TYPED);
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT, 'single-file.png') });
  violations.push(...await recorder.violations());

  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByRole('textbox', { name: '本部分内容', exact: true }).inputValue(), TYPED);

  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出文本文件（.txt）' }).first().click(),
  ]);
  assert.equal(download.suggestedFilename(), '单文件测试局2025年度法治政府建设情况报告.txt');
  const text = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith('单文件测试局2025年度法治政府建设情况报告\n'), text.slice(0, 80));
  assert.ok(text.includes(`${SECTION_ONE}\n${TYPED}\n`), 'the typed text is in the export');
  violations.push(...await recorder.violations());
  ranEndToEnd = true;
  await page.close();
});

test('single file makes no network request: only the file:// page itself is loaded', () => {
  assert.ok(ranEndToEnd, 'the end-to-end run above must pass first');
  const page = singleFileUrl();
  const others = [...new Set(requests)].filter((url) => url !== page);
  assert.deepEqual(others, [], `unexpected requests: ${others.join(', ')}`);
  assert.ok(requests.includes(page), 'the recorder saw the page load itself');
});

test('single file runs under its strict CSP with no console errors or violations', () => {
  assert.ok(ranEndToEnd, 'the end-to-end run above must pass first');
  assert.deepEqual(problems, []);
  assert.deepEqual(violations, []);

  const html = fs.readFileSync(SINGLE_FILE, 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp, 'the page has a CSP meta tag');
  assert.match(csp, /(^|; )default-src 'none'(;|$)/);
  // The page's first policy allows 'unsafe-eval' for cores before Chromium
  // 97 (they compile WebAssembly only under it); the guard adds a policy
  // without it at once in newer cores, and every core drops it once the
  // module is instantiated (the next test, and tests/old-cores).
  assert.match(csp, /script-src 'sha256-[^']+' 'sha256-[^']+' 'unsafe-eval'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:|\*/);
  const guard = /<script id="fazhi-guard">([\s\S]*?)<\/script>/.exec(html)?.[1];
  assert.ok(guard, 'the page has the guard script');
  const early = /"(script-src [^"]*)"/.exec(guard)?.[1];
  assert.ok(early, 'the guard holds the early policy');
  assert.match(early, /^script-src 'sha256-[^']+' 'wasm-unsafe-eval'$/);
  assert.doesNotMatch(early, /'unsafe-eval'/);
  // The early policy allows the loader, and the page's policy allows the
  // guard and the loader: the hashes are of the scripts as the page holds them.
  const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  const loader = scripts.filter((m) => m[1] === ' type="module"');
  assert.equal(loader.length, 1, 'one module script: the loader');
  assert.ok(early.includes(hash(loader[0][2])), 'the early policy names the loader by its hash');
  assert.ok(csp.includes(hash(guard)) && csp.includes(hash(loader[0][2])), 'the page policy names the guard and the loader');
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
  assert.ok(csp.includes(`style-src ${hash(style)}`), 'the page policy names the style by its hash');
  // All ASCII (Chinese as character references and escapes): Chromium then
  // decodes the page, most of it base64, to Latin-1 rather than UTF-16.
  assert.doesNotMatch(html, /[^\x00-\x7f]/, 'the page is ASCII');
  // The style and the guard are minified (less to parse before the loader).
  assert.doesNotMatch(style, /\/\*|\n\s/, 'no comments or indented lines in the style');
  assert.doesNotMatch(guard, /^\s*\/\/|\n\s/m, 'no comments or indented lines in the guard');
  // The wasm is the text of one data block the browser never runs (a type
  // no browser executes), the last element of the body, after the loader;
  // nothing else is a script.
  const data = scripts.filter((m) => m[1] === ' type="application/octet-stream" id="fazhi-wasm"');
  assert.equal(data.length, 1, 'one data block holds the wasm');
  assert.equal(scripts.length, 3, `the guard, the loader and the data block, no other script: ${scripts.map((m) => m[1]).join(' | ')}`);
  assert.match(data[0][2], /^[A-Za-z0-9+/]+=*$/, 'the data block is base64 alone');
  const wasmFile = fs.readdirSync(path.dirname(SINGLE_FILE)).find((f) => f.endsWith('_bg.wasm'));
  assert.ok(zlib.gunzipSync(Buffer.from(data[0][2], 'base64')).equals(fs.readFileSync(path.join(path.dirname(SINGLE_FILE), wasmFile))),
    'the data block is the gzip of the built wasm');
  assert.match(html, /<script type="application\/octet-stream" id="fazhi-wasm">[^<]*<\/script>\s*<\/body>\s*<\/html>\s*$/, 'the data block ends the body');
  assert.ok(html.indexOf('<script type="module">') < html.indexOf('id="fazhi-wasm"'), 'the loader comes before the data block');
  assert.doesNotMatch(loader[0][2], /[A-Za-z0-9+/]{10000}/, 'no embedded data left in the loader');
  // Everything is inline: no file is referenced by URL.
  assert.doesNotMatch(scripts.reduce((h, m) => h.replace(m[0], ''), html), /(src|href)="(?!data:)/);
});

test('a copy whose data block was cut off: a clear message, not a blank page', async () => {
  // A copy truncated in the middle of the wasm's data (an interrupted copy
  // to a USB stick): the block ends early, and its bytes are not a module.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fzbg-cut-'));
  const copy = path.join(dir, 'fazhi-report.html');
  const html = fs.readFileSync(SINGLE_FILE, 'utf8');
  const at = html.indexOf('id="fazhi-wasm">');
  assert.ok(at > 0);
  fs.writeFileSync(copy, html.slice(0, at + 200_000));
  const page = await context.newPage();
  await page.goto(singleFileUrl(copy));
  await expectFallback(page, /程序(数据无法读取|数据无法解压|模块无法编译|启动失败)/);
  await page.close();
});

test('after start the data block is gone from the page: the loader read it once', async () => {
  const page = await openStarted();
  assert.equal(await page.locator('#fazhi-wasm').count(), 0);
  await page.close();
});

/** The single file opened in a new page, once the loader has seen the app mount. */
async function openStarted() {
  const page = await context.newPage();
  await page.goto(singleFileUrl());
  await waitForApp(page);
  await page.waitForFunction(() => performance.getEntriesByName('fzbg:boot-mounted').length > 0);
  return page;
}

async function expectFallback(page, reason) {
  const boot = page.locator('#boot');
  await boot.filter({ hasText: '当前浏览器无法运行本工具' }).waitFor();
  const text = await boot.innerText();
  assert.match(text, reason);
  assert.match(text, /请使用新版 Chrome、Edge、Firefox，或 360\/QQ 浏览器的“极速模式”打开本文件/);
  assert.ok(await boot.isVisible(), 'the message is visible');
  assert.ok((await page.locator('body').innerText()).trim().length > 40, 'the page is not blank');
}

test('no WebAssembly: a clear Chinese message instead of a blank page', async () => {
  const page = await context.newPage();
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(singleFileUrl());
  await expectFallback(page, /不支持 WebAssembly/);
  await page.screenshot({ path: path.join(OUT, 'single-file-no-wasm.png') });
  await page.close();
});

test('WebAssembly blocked by policy (CSP without unsafe-eval, no wasm-unsafe-eval): the message says so', async () => {
  // A copy of the file whose CSP forbids compiling WebAssembly, as some
  // browsers' or organisations' policies do.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fzbg-csp-'));
  const copy = path.join(dir, 'fazhi-report.html');
  const html = fs.readFileSync(SINGLE_FILE, 'utf8');
  assert.ok(html.includes(" 'unsafe-eval'\"") || html.includes(" 'unsafe-eval';"));
  fs.writeFileSync(copy, html.replace(" 'unsafe-eval';", ';'));

  const page = await context.newPage();
  await page.goto(singleFileUrl(copy));
  await expectFallback(page, /程序模块无法编译/);
  await page.close();
});

test('after start, eval and new Function are refused (the policy no longer allows unsafe-eval)', async () => {
  const page = await openStarted();
  assert.equal(await page.evaluate(EVAL_PROBE), 'EvalError,EvalError');
  // The control: the same probe on a page whose policy is the single
  // file's first one, before anything tightened it, finds eval allowed.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fzbg-eval-'));
  const control = path.join(dir, 'control.html');
  fs.writeFileSync(control, `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-eval'"><p>control</p>`);
  await page.goto(singleFileUrl(control));
  assert.equal(await page.evaluate(EVAL_PROBE), 'eval allowed,Function allowed');
  await page.close();
});

test('a trap in the WebAssembly code (a bug) puts up a message saying to reload, not a frozen page', async () => {
  const page = await context.newPage();
  // Keep the instance's exports to make a real trap happen later.
  await page.addInitScript(() => {
    for (const name of ['instantiateStreaming', 'instantiate']) {
      const original = WebAssembly[name];
      WebAssembly[name] = async function (...args) {
        const result = await original.apply(WebAssembly, args);
        window.__exports = (result.instance ?? result).exports;
        return result;
      };
    }
  });
  await page.goto(singleFileUrl());
  await waitForApp(page);
  await page.getByRole('link', { name: '草稿库' }).first().waitFor();
  assert.equal(await page.locator('#fazhi-crash').count(), 0, 'no message while the app runs');
  // An impossible allocation aborts the module: a genuine trap
  // (WebAssembly.RuntimeError), thrown from a timer as from an event handler.
  await page.evaluate(() => setTimeout(() => window.__exports.__wbindgen_malloc(0xfffffff0, 8)));
  const message = page.getByRole('alert').filter({ hasText: '程序运行出错，已停止响应' });
  await message.waitFor();
  const text = await message.innerText();
  assert.match(text, /请刷新页面（按 F5 键）后继续撰写/);
  assert.match(text, /技术信息：.*unreachable/);
  await page.screenshot({ path: path.join(OUT, 'single-file-crash.png') });
  await page.close();
});

test('a failure while the app builds its first screen gets the same message, not a blank page', async () => {
  const page = await context.newPage();
  // Once the app has removed the loading notice (it has started), make the
  // DOM refuse the next element: the first screen cannot be built and the
  // start-up promise rejects.
  await page.addInitScript(() => {
    const remove = Element.prototype.remove;
    Element.prototype.remove = function () {
      remove.call(this);
      if (this.id !== 'boot') return;
      const original = Document.prototype.createElement;
      // Only the app's next element: the message itself needs the DOM.
      Document.prototype.createElement = function () {
        Document.prototype.createElement = original;
        throw new Error('createElement refused by the test');
      };
    };
  });
  await page.goto(singleFileUrl());
  const message = page.getByRole('alert').filter({ hasText: '程序运行出错，已停止响应' });
  await message.waitFor();
  // The app unwraps the refused element: a panic, that is a trap.
  assert.match(await message.innerText(), /技术信息：\S+/);
  assert.equal(await page.locator('#boot').count(), 0);
  await page.close();
});
