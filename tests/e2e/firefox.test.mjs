// The single file in Firefox ESR (Debian's firefox-esr), opened from file://.
// playwright-core cannot drive a stock Firefox (it needs Playwright's patched
// build, a download); puppeteer-core drives it over WebDriver BiDi.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OUT, SINGLE_FILE, singleFileUrl, EVAL_PROBE } from './harness.mjs';

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const SECTION_ONE = '一、2025年度推进法治政府建设的主要举措和成效';
const TYPED = '1. 健全依法行政制度。\n2. 严格规范执法。';

/** The form control labelled exactly `name` (by <label> or aria-label). */
async function control(page, name) {
  const handle = await page.waitForFunction((name) => {
    for (const label of document.querySelectorAll('label')) {
      if (label.textContent.trim() === name && label.control) return label.control;
    }
    return [...document.querySelectorAll('input, textarea')]
      .find((el) => el.getAttribute('aria-label') === name) ?? null;
  }, { timeout: 30000 }, name);
  return handle.asElement();
}

const textOf = (page, selector, text) => page.waitForFunction(
  (selector, text) => document.querySelector(selector)?.textContent.includes(text),
  { timeout: 30000 }, selector, text,
);

test('Firefox ESR, file://: start, type, reload, the text is still there', {
  skip: !fs.existsSync(FIREFOX) && `${FIREFOX} is not installed (scripts/setup.sh installs firefox-esr)`,
}, async (t) => {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'fzbg-firefox-')),
  });
  try {
    t.diagnostic(await browser.version());
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));

    await page.goto(singleFileUrl(SINGLE_FILE));
    await page.waitForSelector('#boot', { hidden: true, timeout: 30000 });
    const unit = await control(page, '单位名称');
    await unit.type('火狐测试局');
    const year = await control(page, '报告年度');
    await year.click({ count: 3 });
    await year.type('2025');
    const startButton = await page.waitForFunction(
      () => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === '开始撰写'),
    );
    await startButton.asElement().click();
    await textOf(page, '[data-testid="doc-title"]', '火狐测试局2025年度');

    // The task list links to each section; its text box is 本部分内容 until items are added.
    const link = await page.waitForFunction(
      (name) => [...document.querySelectorAll('a')].find((a) => a.textContent.trim() === name),
      { timeout: 30000 }, SECTION_ONE,
    );
    await link.asElement().click();
    const section = await control(page, '本部分内容');
    await section.type(TYPED);
    await textOf(page, '[data-testid="save-status"]', '已保存');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUT, 'single-file-firefox.png') });

    await page.reload();
    await page.waitForSelector('#boot', { hidden: true, timeout: 30000 });
    const again = await control(page, '本部分内容');
    assert.equal(await again.evaluate((el) => el.value), TYPED);
    assert.deepEqual(errors, []);
    // The policy tightened once the module was instantiated.
    await page.waitForFunction(() => performance.getEntriesByName('fzbg:boot-mounted').length > 0);
    assert.equal(await page.evaluate(EVAL_PROBE), 'EvalError,EvalError');
  } finally {
    await browser.close();
  }
});
