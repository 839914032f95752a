// The single file in the old Chromium cores of 360/QQ 浏览器's 极速模式
// (headless Chromium 69, 78 and 88 from the npm registry, see
// tests/old-cores/cores.mjs), driven over the DevTools protocol as a person
// would use it: start a report, type, reload and find the text, import a
// GBK .txt and a .docx, export .txt and .docx and read the downloaded bytes,
// the check page, a share file there and back; and `eval` refused once the
// app has started. Each step is printed as it passes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { ensureCores } from '../old-cores/cores.mjs';
import { launch, sleep } from '../old-cores/cdp.mjs';
import { ROOT, DIST, OUT, SINGLE_FILE, singleFileUrl, EVAL_PROBE } from './harness.mjs';

const SEED = path.join(ROOT, 'tests', 'fixtures', 'seed', '000_7470bc842f3634e7.txt');
const GBK = path.join(ROOT, 'tests', 'corpus', '11_gbk_crlf.txt');
const DOCX = path.join(ROOT, 'tests', 'corpus', 'docx', '01_lo_five_parts_nested.docx');
const SECTION_ONE = '一、2025年度推进法治政府建设的主要举措和成效';
const TYPED = '1. 健全依法行政制度。一是审查规范性文件12件。';

// Only the WebAssembly-MVP build runs in these cores (no reference types
// before 96, no bulk memory or sign-ext before 75); scripts/build.sh makes
// it when a nightly toolchain with rust-src is present, and says so.
const variant = fs.existsSync(path.join(DIST, 'wasm-variant.txt'))
  ? fs.readFileSync(path.join(DIST, 'wasm-variant.txt'), 'utf8').trim() : 'missing';
const skip = variant !== 'mvp'
  && `the wasm is the ${variant} build, which needs Chromium 96+: build with a nightly toolchain and rust-src (see scripts/build.sh)`;

let cores = [];
before(() => {
  if (skip) return;
  assert.ok(fs.existsSync(SINGLE_FILE), `${SINGLE_FILE} is missing: run scripts/build.sh`);
  cores = ensureCores();
});

// In-page helpers, sent with every call (the page's own policy forbids
// defining them once with eval). Written for Chromium 69's JavaScript: no
// optional chaining or nullish coalescing.
const LIB = `
  var norm = function (s) { return (s || '').replace(/\\s+/g, ' ').trim(); };
  var visible = function (e) { return !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length); };
  var named = function (sel, name) {
    return Array.prototype.slice.call(document.querySelectorAll(sel)).filter(function (e) {
      return visible(e) && (norm(e.getAttribute('aria-label')) === name || norm(e.textContent) === name);
    })[0];
  };
  var field = function (name) {
    var labels = document.querySelectorAll('label');
    for (var i = 0; i < labels.length; i++) {
      var l = labels[i];
      var c = l.control || (l.htmlFor && document.getElementById(l.htmlFor));
      if (c && (norm(l.textContent) === name || norm(l.textContent).indexOf(name) === 0 && c.type === 'file')) return c;
    }
    return Array.prototype.slice.call(document.querySelectorAll('input, textarea')).filter(function (e) {
      return e.getAttribute('aria-label') === name;
    })[0];
  };
`;

function helpers(page) {
  const run = (body, ...args) => page.eval(`(function () { ${LIB}\n return (${body}).apply(null, ${JSON.stringify(args)}); })()`);
  const until = async (body, args, what, timeout = 20000) => {
    const end = Date.now() + timeout;
    for (;;) {
      const v = await run(body, ...args).catch(() => undefined);
      if (v) return v;
      if (Date.now() > end) {
        const text = await page.eval('document.body.innerText.slice(0, 500)').catch(() => '?');
        throw new Error(`${page.core.name}: timed out waiting for ${what}\npage: ${text}\nerrors: ${page.errors.join(' | ')}`);
      }
      await sleep(50);
    }
  };
  return {
    run,
    until,
    click: async (name) => {
      await until('function (n) { return !!named("button, a", n); }', [name], `a button or link named ${name}`);
      await run('function (n) { named("button, a", n).click(); return true; }', name);
    },
    /** Focuses the field labelled `name`, selects its text and types over it. */
    fill: async (name, text) => {
      await until('function (n) { return !!field(n); }', [name], `the field ${name}`);
      // A new screen moves focus to its heading once it is built; take it
      // back until it stays on the field, as a person clicking it would.
      const focus = 'function (n) { var f = field(n); if (document.activeElement === f) return true; f.focus(); f.select(); return false; }';
      await until(focus, [name], `focus on ${name}`);
      await sleep(100);
      await until(focus, [name], `focus on ${name}`);
      await page.type(text);
    },
    value: (name) => run('function (n) { return field(n).value; }', name),
    text: (selector) => run('function (s) { var e = document.querySelector(s); return e ? e.textContent : ""; }', selector),
    waitText: (selector, text) => until(
      'function (s, t) { var e = document.querySelectorAll(s); for (var i = 0; i < e.length; i++) if (e[i].textContent.indexOf(t) >= 0) return true; return false; }',
      [selector, text], `${selector} containing ${text}`),
    /** Puts a file into the file input labelled starting with `label`. */
    pick: async (label, file) => {
      await until('function (n) { var f = field(n); if (!f) return false; f.setAttribute("data-pick", "1"); return true; }', [label], `the file input ${label}`);
      await page.setFiles('[data-pick="1"]', [file]);
      // The import may already have replaced the screen, input and all.
      await run('function () { var f = document.querySelector("[data-pick]"); if (f) f.removeAttribute("data-pick"); return true; }');
    },
  };
}

async function started(page) {
  await page.waitFor(() => performance.getEntriesByName('fzbg:boot-mounted').length > 0, [], { what: 'the app to start', timeout: 30000 });
}

/** Clicks `name` and waits for the one file it downloads into `dir`. */
async function download(h, dir, name) {
  // An empty folder first: a core may overwrite or rename a file of the
  // same name.
  for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { force: true });
  await h.click(name);
  const end = Date.now() + 20000;
  for (;;) {
    const fresh = fs.readdirSync(dir).filter((f) => !f.endsWith('.crdownload'));
    if (fresh.length) {
      const file = path.join(dir, fresh[0]);
      await sleep(200); // let the file be closed
      return { name: fresh[0], bytes: fs.readFileSync(file) };
    }
    if (Date.now() > end) throw new Error(`no download after ${name}`);
    await sleep(50);
  }
}

for (const [i, label] of ['Chromium 69', 'Chromium 78', 'Chromium 88'].entries()) {
  test(`${label}: the single file starts and works end to end`, { timeout: 240000, skip }, async (t) => {
    const core = cores[i];
    assert.equal(core.name, label);
    const page = await launch(core);
    const step = (s) => t.diagnostic(`${label}: ${s}`);
    const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'fzbg-oldcore-dl-'));
    try {
      const version = await page.eval('navigator.userAgent');
      assert.match(version, new RegExp(`Chrome/${core.major}\\.`), version);
      await page.downloadsTo(downloads);
      const h = helpers(page);

      await page.goto(singleFileUrl());
      await started(page);
      const open = await page.eval("Math.round(performance.getEntriesByName('fzbg:boot-mounted')[0].startTime)");
      step(`started (${open} ms from navigation to the first screen)`);

      assert.equal(await page.eval(EVAL_PROBE), 'EvalError,EvalError');
      step('eval and new Function refused after start');

      // Fields filled by the app show their value (before Chromium 71 they
      // stayed empty until queueMicrotask was provided: Leptos queues its
      // property writes through it).
      await h.until('function () { return !!field("报告年度"); }', [], 'the year field');
      assert.match(await h.value('报告年度'), /^20\d\d$/);
      await h.fill('单位名称', '旧内核测试局');
      await h.fill('报告年度', '2025');
      await h.click('开始撰写');
      await h.waitText('[data-testid="doc-title"]', '旧内核测试局2025年度');
      step('a new report started');

      await h.click(SECTION_ONE);
      await h.fill('本部分内容', TYPED);
      assert.equal(await h.value('本部分内容'), TYPED);
      // Saved: in the draft's stored entry, and the status says so.
      await h.until(`function (t) { return Object.keys(localStorage).some(function (k) {
        return k.indexOf('fazhi-report/draft/') === 0 && localStorage.getItem(k).indexOf(t) >= 0; }); }`,
        ['审查规范性文件12件'], 'the typed text in localStorage');
      await h.waitText('[data-testid="save-status"]', '已保存');
      step('typed into part one, saved');
      await page.conn.send('Page.captureScreenshot', { format: 'png' }).then(({ data }) => {
        fs.writeFileSync(path.join(OUT, `old-core-${core.major}.png`), Buffer.from(data, 'base64'));
      });

      await page.reload();
      await started(page);
      await h.until('function () { return !!field("本部分内容"); }', [], 'the section after reload');
      assert.equal(await h.value('本部分内容'), TYPED);
      step('reloaded: the text is still there');

      await h.click('← 返回任务列表');
      const txt = await download(h, downloads, '导出文本文件（.txt）');
      assert.equal(txt.name, '旧内核测试局2025年度法治政府建设情况报告.txt');
      const text = txt.bytes.toString('utf8');
      assert.ok(text.startsWith('旧内核测试局2025年度法治政府建设情况报告\n'), text.slice(0, 60));
      assert.ok(text.includes(`${SECTION_ONE}\n${TYPED}\n`), 'the typed text is in the .txt');
      step(`exported .txt (${txt.bytes.length} bytes, the typed text in place)`);

      await h.click('检查并导出');
      await h.until('function () { var h = document.querySelector("h1"); return h && norm(h.textContent) === "检查并导出"; }', [], 'the check page');
      // The same findings as in today's Chromium: four empty parts and the
      // half-filled first one (the wasm is the same; the core is not), and
      // the 成文日期 the quick start's 公文 frame still lacks (issue #24).
      await h.waitText('[data-testid="findings-summary"] h2', '检查结果：6 个错误，2 个提醒');
      assert.equal(await h.run('function () { return document.querySelectorAll(\'[data-testid="finding"]\').length; }'), 8);
      step('the check page lists its findings (6 errors, 1 warning)');

      const docx = await download(h, downloads, '导出 Word（.docx）');
      assert.equal(docx.name, '旧内核测试局2025年度法治政府建设情况报告.docx');
      const xml = strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml']);
      assert.ok(xml.includes('旧内核测试局2025年度法治政府建设情况报告'), 'the title is in the .docx');
      assert.ok(xml.includes('审查规范性文件12件'), 'the typed text is in the .docx');
      step(`exported .docx (${docx.bytes.length} bytes, a zip with the title and the typed text)`);

      const share = await download(h, downloads, '导出分享文件');
      assert.match(share.name, /\.fzbg\.json$/);
      const shareFile = path.join(os.tmpdir(), `fzbg-oldcore-${core.major}-${share.name}`);
      fs.writeFileSync(shareFile, share.bytes);
      step(`exported a share file (${share.bytes.length} bytes)`);

      // Imports, from the library: a share file back, a GBK .txt, a .docx
      // made by LibreOffice, the seed report; each exported again as .txt.
      const imports = [
        [shareFile, '分享文件', null],
        [GBK, 'GBK/GB18030', /某镇人民政府2024年度/],
        [DOCX, 'Word 文档', null],
        [SEED, 'UTF-8', /区国资委2023年度/],
      ];
      for (const [file, how, title] of imports) {
        await h.click('草稿库');
        await h.until('function () { var h = document.querySelector("h1"); return h && norm(h.textContent) === "草稿库"; }', [], 'the library');
        await h.pick('导入文件', file);
        await h.waitText('[data-testid="notice"]', how);
        if (title) assert.match(await h.text('[data-testid="doc-title"]'), title);
        if (file === SEED) {
          const again = await download(h, downloads, '导出文本文件（.txt）');
          assert.deepEqual(again.bytes, fs.readFileSync(SEED), 'the seed comes back byte for byte');
        }
        if (how === '分享文件') {
          const again = await download(h, downloads, '导出文本文件（.txt）');
          assert.deepEqual(again.bytes, txt.bytes, 'the share file holds the same text');
        }
        step(`imported ${path.basename(file)} (${how})`);
      }
      assert.deepEqual(page.errors, [], 'no uncaught error in the page');
    } finally {
      await page.close();
      fs.rmSync(downloads, { recursive: true, force: true });
    }
  });
}
