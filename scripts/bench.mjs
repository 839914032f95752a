// Browser benchmarks of the release app in headless Chromium, each figure with
// a baseline measured in the same run (see BENCHMARKS.md, which this writes).
//
//   node scripts/bench.mjs            full run (several runs each), writes BENCHMARKS.md
//   node scripts/bench.mjs --quick    one or two runs each, writes tests/e2e/out/BENCHMARKS.quick.md
//   node scripts/bench.mjs --review   only the reviewer's desk (7.), printed, nothing written; also
//                                     prints each long task with the app's User Timing measures
//                                     inside it, every measure's count and longest, and the desk
//                                     reopened after a reload
//
// Nothing here fails on timing: figures are printed and written, never asserted.
// Expects dist/ from scripts/build.sh (the MVP build where nightly is there).
//
// The stable fallback build (no nightly toolchain) in the same table: build it
// first into another folder, then name its single file —
//   FAZHI_WASM=stable bash scripts/build.sh && rm -rf /tmp/dist-stable && cp -r dist /tmp/dist-stable
//   bash scripts/build.sh
//   FAZHI_BENCH_STABLE=/tmp/dist-stable/fazhi-report.html node scripts/bench.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { launch, waitForApp, DIST, ROOT, OUT, singleFileUrl } from '../tests/e2e/harness.mjs';
import { ensureCores } from '../tests/old-cores/cores.mjs';
import { launch as launchCore } from '../tests/old-cores/cdp.mjs';

const QUICK = process.argv.includes('--quick');
const ONLY_REVIEW = process.argv.includes('--review');
const RUNS = QUICK ? 2 : 15;
const STABLE = process.env.FAZHI_BENCH_STABLE;
const KEYS = QUICK ? 20 : 150;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
const ms = (x) => (x === undefined || Number.isNaN(x) ? '–' : `${x.toFixed(2)} ms`);

// A realistic 30,000-character report body, six items per section.
const ITEM = '健全依法行政制度体系。一是全年审查规范性文件12件，提出修改意见35条，备案审查率达到100%；二是清理涉及营商环境的文件46件，废止3件、修改5件；三是组织执法人员专题培训4期，参训320人次，考试合格率98%。';
function sectionText(chars) {
  const lines = [];
  let n = 0;
  while (lines.join('\n').length < chars) lines.push(`${++n}. ${ITEM}`);
  return lines.join('\n');
}
const SECTION = sectionText(6000);
const REPORT_TEXT = Array.from({ length: 5 }, () => SECTION).join('\n');

const results = [];

// The verdict on a target: 'met', 'missed by …' (how far over), or '—' when
// the figure has no target. Targets read '≤ 200 ms', '≤ 3.0× baseline',
// '≤ 350 KB' (1 KB = 1,000 bytes), '≤ 30 MB'.
function verdict(value, ratio, target) {
  const m = /^≤ ([\d.]+)\s*(ms|× baseline|KB|MB)$/.exec(target ?? '');
  if (!m || value == null) return '—';
  const limit = +m[1];
  const [got, unit] = m[2] === '× baseline' ? [ratio, '×'] : m[2] === 'KB' ? [value / 1000, ' KB'] : m[2] === 'MB' ? [value / 1e6, ' MB'] : [value, ' ms'];
  if (got == null) return '—';
  return got <= limit ? 'met' : `missed by ${(got - limit).toFixed(2)}${unit} (${((got / limit - 1) * 100).toFixed(0)} %)`;
}

function record(figure, value, baseline, target, unit = 'ms') {
  const ratio = baseline ? value / baseline : undefined;
  results.push({ figure, value, baseline, ratio, target, unit });
  const fmt = (v) => (unit === 'ms' ? ms(v) : v === undefined ? '–' : `${v.toLocaleString('en')} ${unit}`);
  console.log(`bench: ${figure}: ${fmt(value)}${baseline ? `  baseline ${fmt(baseline)}  ratio ${ratio.toFixed(2)}` : ''}  (target ${target}: ${verdict(value, ratio, target)})`);
}

async function freshPage(context, url) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    // When the app removes its loading notice it is mounted and interactive.
    new MutationObserver((_, obs) => {
      if (document.readyState !== 'loading' && !document.getElementById('boot') && window.__ready === undefined) {
        window.__ready = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  await page.goto(url);
  await waitForApp(page);
  return page;
}

/** A draft whose five sections hold 30,000 characters, made through the app's own paste box. */
async function makeLongDraft(page, base) {
  await page.evaluate(() => localStorage.clear());
  await page.goto(base + '#/new');
  await page.reload();
  await waitForApp(page);
  await page.getByRole('textbox', { name: '单位名称', exact: true }).fill('基准测试局');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('task-row').first().waitFor();
  const id = page.url().match(/#\/draft\/([^/]+)/)[1];
  for (let n = 0; n < 5; n++) {
    await page.goto(`${base}#/draft/${id}/section/${n}`);
    // Wait for this section's page: the previous one may still be showing.
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${'一二三四五'[n]}、`) }).waitFor();
    await page.getByRole('button', { name: /粘贴整段文字/ }).click();
    await page.getByRole('textbox', { name: '粘贴的文字' }).fill(SECTION);
    await page.getByRole('button', { name: '拆分并替换本部分' }).click();
    await page.getByRole('textbox', { name: '第 1 条标题' }).waitFor();
  }
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  return id;
}

/** Keystroke → next frame, as the user feels it: keydown time to the next animation frame. */
async function typingLatency(page, selector) {
  await page.evaluate(() => {
    window.__lat = [];
    document.addEventListener('keydown', () => {
      const t0 = performance.now();
      requestAnimationFrame(() => window.__lat.push(performance.now() - t0));
    }, true);
  });
  await page.click(selector);
  await page.keyboard.press('End');
  for (let i = 0; i < KEYS; i++) {
    // An ASCII key: CJK text is inserted without keydown events to time.
    await page.keyboard.press('a');
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(50);
  return page.evaluate(() => window.__lat);
}

async function main() {
  if (ONLY_REVIEW) {
    const context = await launch();
    try {
      await reviewBench(context, singleFileUrl());
    } finally {
      await context.close();
    }
    return;
  }
  // Everything from file://, as users open the app: the single file, and
  // baseline pages written beside it.
  const base = singleFileUrl();
  const fileUrl = (name) => singleFileUrl(path.join(DIST, '__bench', name));
  const baselineDir = path.join(DIST, '__bench');
  fs.mkdirSync(baselineDir, { recursive: true });
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  fs.writeFileSync(path.join(baselineDir, 'static.html'), `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>baseline</title><body><pre id="t">${esc(REPORT_TEXT)}</pre></body></html>`);
  fs.writeFileSync(path.join(baselineDir, 'empty.html'), `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>baseline</title><body><p>法治报告助手</p></body></html>`);
  fs.writeFileSync(path.join(baselineDir, 'textarea.html'), `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>baseline</title><body><textarea id="t" rows="20" cols="80">${esc(REPORT_TEXT)}</textarea></body></html>`);

  const context = await launch();
  try {
    // 1. Open to interactive: empty, and with a 30,000-character draft.
    const setup = await freshPage(context, base);
    const id = await makeLongDraft(setup, base);
    const chars = await setup.evaluate(() => 0);
    void chars;
    await setup.close();

    const openTimes = async (url, readyExpr) => {
      const xs = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await context.newPage();
        await page.addInitScript(() => {
          new MutationObserver((_, obs) => {
            // Not before the parser has reached #boot: <body> may exist
            // while the rest of the page is still being parsed.
            if (document.readyState !== 'loading' && !document.getElementById('boot') && document.body && window.__ready === undefined) {
              window.__ready = performance.now();
              obs.disconnect();
            }
          }).observe(document, { childList: true, subtree: true });
        });
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForFunction(readyExpr);
        xs.push(await page.evaluate(readyExpr));
        await page.close();
      }
      return xs;
    };
    // Functions, not strings: the app's CSP forbids evaluating strings.
    const baselineReady = () => performance.getEntriesByType('navigation')[0].loadEventEnd || undefined;
    const appReady = () => window.__ready;
    const emptyBase = await openTimes(fileUrl('empty.html'), baselineReady);
    await (async () => { const p = await context.newPage(); await p.goto(base); await p.evaluate(() => localStorage.clear()); await p.close(); })();
    const emptyApp = await openTimes(`${base}#/new`, appReady);
    // file:// pages share one localStorage: the stable build opens the same (empty) storage.
    const stableEmpty = STABLE ? await openTimes(`${singleFileUrl(STABLE)}#/new`, appReady) : null;
    // Restore the long draft (the clear above removed it) by making it again.
    const p2 = await freshPage(context, base);
    const longId = await makeLongDraft(p2, base);
    await p2.close();
    void id;
    const longBase = await openTimes(fileUrl('static.html'), baselineReady);
    const longApp = await openTimes(`${base}#/draft/${longId}/section/0`, appReady);
    const stableLong = STABLE ? await openTimes(`${singleFileUrl(STABLE)}#/draft/${longId}/section/0`, appReady) : null;
    // Where the start-up time goes: the single file's loader marks each phase.
    const phases = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage();
      await page.goto(`${base}#/draft/${longId}/section/0`, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('fzbg:boot-mounted').length > 0);
      phases.push(await page.evaluate(() => ({
        ...Object.fromEntries(['script', 'decoded', 'main', 'mounted']
          .map((n) => [n, performance.getEntriesByName(`fzbg:boot-${n}`)[0].startTime])),
        check: performance.getEntriesByName('fzbg:check')[0]?.duration ?? 0,
      })));
      await page.close();
    }
    const phase = (from, to) => median(phases.map((p) => (from ? p[to] - p[from] : p[to])));
    record('open to interactive, empty (median)', median(emptyApp), median(emptyBase), '≤ 2.5× baseline');
    record('open to interactive, 30,000-character draft (median)', median(longApp), median(longBase), '≤ 3.0× baseline');
    record('open to interactive, 30,000-character draft (p95)', p95(longApp), p95(longBase), '≤ 3.0× baseline');
    if (STABLE) {
      record('open to interactive, empty, stable fallback build (median)', median(stableEmpty), median(emptyBase), '≤ 2.5× baseline');
      record('open to interactive, 30,000-character draft, stable fallback build (median)', median(stableLong), median(longBase), '≤ 3.0× baseline');
      record('open to interactive, 30,000-character draft, stable fallback build (p95)', p95(stableLong), p95(longBase), '≤ 3.0× baseline');
    }
    record('  of which: navigation start to the loader script (HTML and JS glue parsed) (median)', phase(null, 'script'), median(longBase), '—');
    record('  of which: base64 decode of the embedded wasm (median)', phase('script', 'decoded'), null, '—');
    record('  of which: gzip inflate (DecompressionStream) streamed into compile and instantiate (median)', phase('decoded', 'main'), null, '—');
    record('  of which: open storage, load the draft, build the first screen (median)', phase('main', 'mounted'), null, '—');
    record('  then: the checker on the opened draft, run just after the first screen (median)', median(phases.map((p) => p.check)), null, '—');

    // 2. Typing into the long report with autosave on, against a bare textarea.
    const bare = await context.newPage();
    await bare.goto(fileUrl('textarea.html'));
    const bareLat = await typingLatency(bare, '#t');
    await bare.close();
    const app = await freshPage(context, `${base}#/draft/${longId}/section/0`);
    const appLat = await typingLatency(app, '#item-0-body');
    record('keystroke to next frame, 30,000-character report (median)', median(appLat), median(bareLat), '—');
    record('keystroke to next frame, 30,000-character report (p95)', p95(appLat), p95(bareLat), '≤ 1.2× baseline');

    // 3. One autosave of the long report with 20 snapshots in its history.
    await app.evaluate(({ id, text }) => {
      const snaps = Array.from({ length: 20 }, (_, i) => ({ at: Date.now() - i * 1000, reason: 'interval', revision: 1, text }));
      localStorage.setItem(`fazhi-report/history/${id}`, JSON.stringify(snaps.reverse()));
      performance.clearMeasures('fzbg:save');
    }, { id: longId, text: REPORT_TEXT.slice(0, 27000) });
    for (let i = 0; i < RUNS; i++) {
      await app.keyboard.type('。');
      await app.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
    }
    const saves = await app.evaluate(() => performance.getEntriesByName('fzbg:save').map((e) => e.duration));
    const lsBaseline = await app.evaluate((text) => {
      const xs = [];
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        localStorage.setItem('bench/baseline', JSON.stringify({ text: text + i }));
        xs.push(performance.now() - t0);
      }
      localStorage.removeItem('bench/baseline');
      return xs.sort((a, b) => a - b)[4];
    }, REPORT_TEXT);
    record('one autosave, 30,000 characters + 20 snapshots (median)', median(saves), lsBaseline, '≤ 1 ms');
    record('one autosave (p95)', p95(saves), lsBaseline, '≤ 2 ms');

    // 4. Import a 100,000-character .txt and export it again (User Timing
    // measures fzbg:import and fzbg:export recorded by the app).
    const big = path.join(OUT, 'bench-100k.txt');
    let bigText = '';
    while (bigText.length < 100_000) bigText += (bigText ? '\n' : '') + REPORT_TEXT.replace(/^/, '');
    const headings = ['一、主要举措和成效', '二、存在的不足和原因', '三、主要负责人履行职责情况', '四、下一年度主要安排', '五、其他需要报告的情况'];
    const chunk = Math.ceil(bigText.length / 5);
    fs.writeFileSync(big, headings.map((h, i) => `${h}\n${bigText.slice(i * chunk, (i + 1) * chunk).replace(/^\n+|\n+$/g, '')}`).join('\n'));
    const readBaseline = [];
    for (let i = 0; i < RUNS; i++) {
      await app.goto(`${base}#/`);
      await app.getByRole('heading', { name: '草稿库' }).waitFor();
      await app.evaluate(() => performance.clearMeasures());
      await app.getByLabel(/导入文件/).setInputFiles(big);
      await app.getByTestId('task-row').first().waitFor();
      // Baseline: the browser reading and decoding the same file by itself.
      readBaseline.push(await app.evaluate(async (bytes) => {
        const t0 = performance.now();
        new TextDecoder('utf-8').decode(new Uint8Array(bytes)).split('\n');
        return performance.now() - t0;
      }, [...fs.readFileSync(big)]));
      await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: '导出文本文件（.txt）' }).click()]);
      // Drop the imported copy so repeated runs do not fill the quota.
      const imported = app.url().match(/#\/draft\/([^/]+)/)[1];
      await app.evaluate((id) => localStorage.removeItem(`fazhi-report/draft/${id}`), imported);
    }
    const imports = await app.evaluate(() => performance.getEntriesByName('fzbg:import').map((e) => e.duration));
    const exports = await app.evaluate(() => performance.getEntriesByName('fzbg:export').map((e) => e.duration));
    record(`import a ${fs.statSync(big).size.toLocaleString('en')}-byte (${[...fs.readFileSync(big, 'utf8')].length.toLocaleString('en')}-character) .txt: decode, parse, save (median)`, median(imports), median(readBaseline), '≤ 60 ms');
    record('export it as .txt: render and hand to the browser (median)', median(exports), median(readBaseline), '—');

    // 5. .docx: export the 30,000-character report (User Timing fzbg:export-docx)
    // and import that file again (fzbg:import). Baseline: the browser's own
    // deflate (CompressionStream) of the same text, the bulk of a .docx's work.
    await app.evaluate(() => performance.clearMeasures());
    const docxPath = path.join(OUT, 'bench-30k.docx');
    const deflateBaseline = [];
    for (let i = 0; i < RUNS; i++) {
      await app.goto(`${base}#/draft/${longId}/check`);
      await app.getByRole('heading', { name: '检查并导出' }).waitFor();
      const [dl] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: '导出 Word（.docx）' }).click()]);
      await dl.saveAs(docxPath);
      await app.goto(`${base}#/`);
      await app.getByRole('heading', { name: '草稿库' }).waitFor();
      await app.getByLabel(/导入文件/).setInputFiles(docxPath);
      await app.getByTestId('task-row').first().waitFor();
      const imported = app.url().match(/#\/draft\/([^/]+)/)[1];
      await app.evaluate((id) => localStorage.removeItem(`fazhi-report/draft/${id}`), imported);
      deflateBaseline.push(await app.evaluate(async (text) => {
        const t0 = performance.now();
        const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
        await new Response(stream).arrayBuffer();
        return performance.now() - t0;
      }, REPORT_TEXT));
    }
    const docxExports = await app.evaluate(() => performance.getEntriesByName('fzbg:export-docx').map((e) => e.duration));
    const docxImports = await app.evaluate(() => performance.getEntriesByName('fzbg:import').map((e) => e.duration));
    record(`export the 30,000-character report as .docx (${fs.statSync(docxPath).size.toLocaleString('en')} bytes) (median)`, median(docxExports), median(deflateBaseline), '≤ 100 ms');
    record('import that .docx: unzip, read paragraphs, parse, save (median)', median(docxImports), median(deflateBaseline), '—');

    // 6. JS heap after opening 20 drafts.
    await app.goto(`${base}#/`);
    for (let i = 0; i < 19; i++) {
      await app.getByTestId('draft-row').first().getByRole('button', { name: '复制' }).click();
      await app.getByTestId('draft-row').nth(i + 1).waitFor();
    }
    const rows = await app.getByTestId('draft-row').count();
    for (let i = 0; i < rows; i++) {
      await app.getByTestId('draft-row').nth(i).getByRole('button', { name: '打开' }).click();
      await app.getByTestId('task-row').first().waitFor();
      await app.getByRole('button', { name: '← 草稿库' }).click();
      await app.getByTestId('draft-row').first().waitFor();
    }
    const cdp = await context.newCDPSession(app);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasmMem = await app.evaluate(() => window.__wasm?.memory?.buffer?.byteLength);
    const blank = await context.newPage();
    await blank.goto(fileUrl('empty.html'));
    const cdp2 = await context.newCDPSession(blank);
    await cdp2.send('HeapProfiler.collectGarbage');
    const blankHeap = await cdp2.send('Runtime.getHeapUsage');
    record(`JS heap after opening ${rows} drafts`, heap.usedSize, blankHeap.usedSize, '≤ 30 MB', 'bytes');
    // The single file does not expose the wasm instance (trunk's page does).
    if (wasmMem !== undefined) record('wasm linear memory after opening them', wasmMem, undefined, '(with the JS heap) ≤ 30 MB', 'bytes');
    await blank.close();
    await app.close();

    // 7. The reviewer's desk.
    await reviewBench(context, base);
  } finally {
    await context.close();
    fs.rmSync(baselineDir, { recursive: true, force: true });
  }

  // 5. The same single file in the old Chromium cores of 360/QQ 极速模式
  // (tests/old-cores), and in this machine's Chromium driven the same way
  // (DevTools protocol, --single-process) as the control; each against a
  // static page with the report's text opened in the same core.
  const variant = fs.readFileSync(path.join(DIST, 'wasm-variant.txt'), 'utf8').trim();
  if (variant === 'mvp') {
    fs.mkdirSync(baselineDir, { recursive: true });
    const staticPage = path.join(baselineDir, 'static.html');
    fs.writeFileSync(staticPage, `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>baseline</title><body><pre id="t">${esc(REPORT_TEXT)}</pre></body></html>`);
    const cores = [...ensureCores(), { name: `Chromium ${execFileSync('chromium', ['--version'], { encoding: 'utf8' }).match(/\d+/)[0]} (this machine's, the control)`, bin: 'chromium', env: process.env }];
    for (const core of cores) {
      const page = await launchCore(core);
      try {
        const app = [];
        const baseline = [];
        for (let i = 0; i < RUNS; i++) {
          await page.goto(singleFileUrl(staticPage));
          baseline.push(await page.eval("performance.getEntriesByType('navigation').length ? performance.getEntriesByType('navigation')[0].loadEventEnd : performance.timing.loadEventEnd - performance.timing.navigationStart"));
          await page.goto(`${base}#/new`);
          await page.waitFor(() => performance.getEntriesByName('fzbg:boot-mounted').length > 0, [], { timeout: 30000 });
          app.push(await page.eval("performance.getEntriesByName('fzbg:boot-mounted')[0].startTime"));
        }
        record(`open to the first screen in ${core.name}, empty (median)`, median(app), median(baseline), '—');
      } finally {
        await page.close();
      }
    }
    fs.rmSync(baselineDir, { recursive: true, force: true });
  }

  // 6. Size.
  const wasmFile = fs.readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));
  const wasm = fs.readFileSync(path.join(DIST, wasmFile));
  const built = variant === 'mvp' ? ', MVP build (old cores)' : variant === 'stable' ? ', stable build' : '';
  record(`wasm size raw${built}`, wasm.length, undefined, '—', 'bytes');
  record(`wasm size gzip -9${built}`, zlib.gzipSync(wasm, { level: 9 }).length, undefined, '≤ 350 KB', 'bytes');
  if (STABLE) {
    const dir = path.dirname(STABLE);
    const stableWasm = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('_bg.wasm'))));
    record('wasm size raw, stable fallback build', stableWasm.length, undefined, '—', 'bytes');
    record('wasm size gzip -9, stable fallback build', zlib.gzipSync(stableWasm, { level: 9 }).length, undefined, '≤ 350 KB', 'bytes');
  }

  nativeBenches();
  writeReport();
}

/**
 * 300 reports of about 10,000 characters, picked at once on 审阅多份报告
 * (read, checked and compared in slices that yield, with the progress bar),
 * and, for comparison, the first 60 of them picked one by one, each waited
 * for, as a reviewer without the batch would (each pick compares the whole
 * desk again, so all 300 would take minutes).
 * Also printed: the tasks over 50 ms during the batch (from the pick until
 * the table holds every row), and the cross-report comparison
 * (`fzbg:review-compare`).
 */
async function reviewBench(context, base) {
  const COUNT = 300;
  const dir = path.join(OUT, 'bench-review');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // Each unit writes its own paragraphs: phrases of the trade drawn in its
  // own order with its own figures (as real reports differ), and units 2k
  // and 2k+1 of the first ten share one paragraph, as copied reports do.
  const PHRASES = ['深入贯彻习近平法治思想', '严格落实重大行政决策程序', '全面推行行政执法三项制度', '加强规范性文件备案审查', '推进政务公开标准化规范化',
    '健全行政复议应诉工作机制', '深化法治宣传教育', '组织领导干部集中学法', '开展执法案卷评查', '完善公共法律服务体系',
    '推进矛盾纠纷多元化解', '加强行政执法人员培训', '落实法律顾问制度', '规范涉企行政检查', '优化法治化营商环境',
    '推进综合行政执法改革', '健全行政裁量权基准', '加强数字法治政府建设', '落实谁执法谁普法责任制', '开展合法性审查'];
  let seed = 12345;
  // MINSTD: the product stays below 2^53, so exact in a JS number.
  const rand = (n) => { seed = (seed * 48271) % 2147483647; return seed % n; };
  const para = (i, s, k) => {
    const parts = [];
    for (let m = 0; m < 9; m++) parts.push(`${PHRASES[rand(PHRASES.length)]}，全年${['办理', '审查', '培训', '走访', '整改'][rand(5)]}${rand(900) + 10}${['件', '人次', '次', '家', '项'][rand(5)]}`);
    return `${k}. ${parts.join('；')}。`;
  };
  const files = [];
  let copied = '';
  for (let i = 0; i < COUNT; i++) {
    const unit = `第${i + 1}号单位`;
    const lines = [`${unit}2025年度法治政府建设情况报告`];
    const heads = ['一、2025年度推进法治政府建设的主要举措和成效', '二、2025年度推进法治政府建设存在的不足和原因', '三、2025年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况', '四、2026年度推进法治政府建设的主要安排', '五、其他需要报告的情况'];
    heads.forEach((h, s) => {
      lines.push(h);
      for (let k = 1; k <= 14; k++) lines.push(para(i, s, k));
    });
    if (i < 10 && i % 2 === 1) lines[3] = copied;
    if (i < 10 && i % 2 === 0) copied = lines[3];
    const f = path.join(dir, `${String(i + 1).padStart(3, '0')}.txt`);
    fs.writeFileSync(f, lines.join('\n'));
    files.push(f);
  }
  const chars = Math.round(files.reduce((n, f) => n + fs.readFileSync(f, 'utf8').length, 0) / COUNT);
  const open = async () => {
    const page = await freshPage(context, base);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${base}#/review`);
    await page.reload();
    await waitForApp(page);
    await page.evaluate(() => {
      window.__long = [];
      window.__longAt = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__long.push(e.duration); window.__longAt.push([e.startTime, e.duration]); })).observe({ entryTypes: ['longtask'] });
    });
    return page;
  };
  const input = (page) => page.getByLabel('选择报告文件（可多选）');
  // Done: the notice says so and the table holds every row (it fills in
  // chunks of rows, one per turn of the page).
  const done = async (page, n) => {
    await page.getByTestId('notice').filter({ hasText: `已读取 ${n} 个文件` }).waitFor({ timeout: 600000 });
    await page.locator('.review-table tbody tr').nth(n - 1).waitFor({ timeout: 600000 });
  };

  const batch = await open();
  const pickedAt = await batch.evaluate(() => performance.now());
  let t = Date.now();
  await input(batch).setInputFiles(files);
  await done(batch, COUNT);
  const batchMs = Date.now() - t;
  const long = await batch.evaluate(() => window.__long);
  const compare = await batch.evaluate(() => performance.getEntriesByName('fzbg:review-compare').map((e) => e.duration));
  const pairs = await batch.locator('.pair-list li').count();
  if (ONLY_REVIEW) {
    // Which work each long task held: the app's User Timing measures inside it.
    const trace = await batch.evaluate(() => window.__longAt.map(([start, d]) => {
      const inside = performance.getEntriesByType('measure').filter((m) => m.startTime < start + d && m.startTime + m.duration > start);
      const by = {};
      for (const m of inside) by[`${m.name} (from +${(m.startTime - start).toFixed(0)})`] = (by[m.name] ?? 0) + m.duration;
      return `${d.toFixed(0)} ms at ${start.toFixed(0)}: ${Object.entries(by).map(([n, t]) => `${n} ${t.toFixed(1)} ms`).join(', ') || 'no measure'}`;
    }));
    console.log(`bench: files picked at ${pickedAt.toFixed(0)} ms`);
    const slow = await batch.evaluate(() => {
      const by = {};
      for (const m of performance.getEntriesByType('measure')) (by[m.name] ??= []).push(m.duration);
      return Object.entries(by).map(([n, ds]) => `${n}: ${ds.length}×, longest ${Math.max(...ds).toFixed(1)} ms, median ${[...ds].sort((a, b) => a - b)[Math.floor(ds.length / 2)].toFixed(1)} ms`);
    });
    slow.forEach((l) => console.log(`bench: measure ${l}`));
    trace.forEach((t) => console.log(`bench: long task ${t}`));
    // The desk opened again after a reload (kept texts checked again, the
    // batch compared again): not sliced yet, printed for the record.
    await batch.addInitScript(() => {
      window.__long = [];
      window.__longAt = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__long.push(e.duration); window.__longAt.push([e.startTime, e.duration]); })).observe({ type: 'longtask', buffered: true });
    });
    await batch.reload();
    await batch.locator('.review-table tbody tr').nth(COUNT - 1).waitFor({ timeout: 600000 });
    const kept = await batch.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fazhi-report/review-text/')).length);
    const reopened = await batch.evaluate(() => window.__long);
    const opened = await batch.evaluate(() => performance.getEntriesByName('fzbg:review-open').map((m) => m.startTime));
    console.log(`bench: reopened after a reload (${kept} texts kept, read back from ${Math.min(...opened).toFixed(0)} ms): ${reopened.length} tasks over 50 ms, longest ${Math.max(0, ...reopened).toFixed(0)} ms`);
    const reTrace = await batch.evaluate(() => window.__longAt.map(([start, d]) => {
      const inside = performance.getEntriesByType('measure').filter((m) => m.startTime < start + d && m.startTime + m.duration > start);
      const by = {};
      for (const m of inside) by[m.name] = (by[m.name] ?? 0) + m.duration;
      return `${d.toFixed(0)} ms at ${start.toFixed(0)}: ${Object.entries(by).map(([n, t]) => `${n} ${t.toFixed(1)} ms`).join(', ') || 'no measure'}`;
    }));
    reTrace.forEach((t) => console.log(`bench: long task after the reload ${t}`));
  }
  await batch.close();

  // One by one, each pick compares the whole desk again: the first 60
  // (all 300 take minutes).
  const ONE_BY_ONE = 60;
  const single = await open();
  t = Date.now();
  for (let i = 0; i < ONE_BY_ONE; i++) {
    await input(single).setInputFiles(files[i]);
    await single.getByTestId('notice').filter({ hasText: `当前共 ${i + 1} 份` }).waitFor({ timeout: 600000 });
  }
  const oneByOneMs = Date.now() - t;
  await single.close();
  fs.rmSync(dir, { recursive: true, force: true });

  record(`审阅多份报告: ${COUNT} reports of ~${chars.toLocaleString('en')} characters picked at once, to the full table`, batchMs, undefined, '≤ 3000 ms');
  record(`审阅多份报告: the first ${ONE_BY_ONE} of them picked one by one, each waited for`, oneByOneMs, undefined, '—');
  record(`审阅多份报告: tasks over 50 ms while reading the ${COUNT}`, long.length, undefined, '0', 'tasks');
  record(`审阅多份报告: longest task while reading the ${COUNT}`, Math.max(0, ...long), undefined, '≤ 50 ms');
  record(`审阅多份报告: comparing the ${COUNT} reports with each other (fzbg:review-compare; ${pairs} copied pairs found of the 5 planted)`, compare.at(-1) ?? NaN, undefined, '—');
}

/**
 * The native benchmarks (benches/*.rs, the same core compiled for this
 * machine), run by cargo; their "bench: …" lines — median, p95, baseline,
 * ratio, target — go into BENCHMARKS.md's second table.
 */
const native = [];
function nativeBenches() {
  const line = /^bench: (.+?): median ([\d.]+) ms, p95 ([\d.]+) ms; baseline median ([\d.]+) ms; ratio [\d.]+; target (.+?)(?: \(quick run\))?$/;
  for (const file of fs.readdirSync(path.join(ROOT, 'benches')).filter((f) => f.endsWith('.rs')).sort()) {
    const name = file.replace(/\.rs$/, '');
    const out = execFileSync('cargo', ['bench', '--offline', '--quiet', '--bench', name, '--', ...(QUICK ? ['--quick'] : [])],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const rows = out.split('\n').map((l) => line.exec(l)).filter(Boolean);
    if (rows.length === 0) throw new Error(`cargo bench --bench ${name} printed no figures:\n${out}`);
    for (const [, figure, median, p95, baseline, target] of rows) {
      native.push({ bench: name, figure, median: +median, p95: +p95, baseline: +baseline, target });
      console.log(`bench: native ${name}: ${figure}: ${median} ms (p95 ${p95} ms)  baseline ${baseline} ms  ratio ${(median / baseline).toFixed(1)}  (target ${target})`);
    }
  }
}

function writeReport() {
  const fmt = (r, v) => (v == null ? '–' : r.unit === 'ms' ? `${v.toFixed(2)} ms` : `${Math.round(v).toLocaleString('en')} ${r.unit === 'bytes' ? 'B' : r.unit}`);
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`node scripts/bench.mjs\`${QUICK ? ' --quick' : ''} on ${new Date().toISOString().slice(0, 10)} (${RUNS} runs each, ${KEYS} keystrokes; release build in headless Chromium on this project's 2-core machine). Each figure has a baseline measured in the same run; ratio = figure / baseline; the verdict says whether the target (issue #20) is met and, if not, by how much. Nothing is asserted on these figures.`,
    '',
    '## In the browser (the release single file, from file://)',
    '',
    '| figure | value | baseline | ratio | target | verdict |',
    '|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.figure} | ${fmt(r, r.value)} | ${fmt(r, r.baseline)} | ${r.ratio ? r.ratio.toFixed(2) : '–'} | ${r.target} | ${verdict(r.value, r.ratio, r.target)} |`),
    '',
    'Baselines: open — a static HTML page holding the same text, time to its load event; typing — a bare `<textarea>` page holding the same 30,000 characters; autosave — one `localStorage.setItem` of the same text as JSON; heap — a blank page.',
    '',
    'How figures are taken: open-to-interactive is the time from navigation start until the app has removed its loading notice (it mounts synchronously, so the first screen is then in the DOM); typing latency is keydown to the next animation frame, per key, typing into an item of a report whose five sections hold 30,000 characters; autosave is the User Timing measure `fzbg:save` the app records around each write (draft JSON, index, interval-snapshot check) with 20 snapshots in the draft\'s history.',
    '',
    '## Native (the same core on this machine: `cargo bench`)',
    '',
    '| bench | figure | median | p95 | baseline | ratio | target | verdict (median) |',
    '|---|---|---|---|---|---|---|---|',
    ...native.map((r) => `| ${r.bench} | ${r.figure} | ${r.median.toFixed(3)} ms | ${r.p95.toFixed(3)} ms | ${r.baseline.toFixed(3)} ms | ${(r.median / r.baseline).toFixed(1)} | ${r.target} | ${verdict(r.median, r.median / r.baseline, r.target)} |`),
    '',
    'Native baselines, each measured in the same run on text of the same size: engine and check — splitting the text into owned lines; formats — deflating (.docx export) or inflating (.docx import) the report text with the same deflate code, the plain UTF-8 export (GBK export), the text alone as one JSON string written and read (share file).',
    '',
  ];
  const notes = path.join(ROOT, 'docs', 'benchmark-notes.md');
  if (fs.existsSync(notes)) lines.push(fs.readFileSync(notes, 'utf8'));
  const target = QUICK ? path.join(OUT, 'BENCHMARKS.quick.md') : path.join(ROOT, 'BENCHMARKS.md');
  fs.writeFileSync(target, lines.join('\n'));
  console.log(`bench: wrote ${path.relative(ROOT, target)}`);
}

await main();
