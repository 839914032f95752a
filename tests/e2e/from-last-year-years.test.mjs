// End to end (issue #25): starting the 2026 report from last year's changes
// only the report's own year — never a cited document's title, a range or a
// past date — and says what it changed and what it left; a report whose parts
// are not found gets a generated title and 开头段 and stays available,
// unchanged, for reference; 撤销新建 undoes the whole start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { freshApp, ROOT, OUT, useBrowser } from './harness.mjs';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'previous');
const app = useBrowser();

async function startFrom(file) {
  const page = await freshApp(app.context, app.server.url);
  await page.getByRole('link', { name: '新建报告' }).click();
  await page.getByLabel(/选择去年的报告文件/).setInputFiles(file);
  await page.getByTestId('notice').filter({ hasText: '新建 2026 年度报告' }).waitFor();
  return page;
}

test('only the report\'s own year moves; cited titles, ranges and past dates stay and are listed', async () => {
  const page = await startFrom(path.join(FIXTURES, '2025-with-citations.txt'));
  assert.equal(await page.locator('#report-title').inputValue(), '青石市临溪区司法局2026年度法治政府建设情况报告');
  const preamble = await page.locator('#preamble').inputValue();
  assert.equal(preamble,
    '2026年，区司法局以《法治政府建设实施纲要（2021—2025年）》和《法治社会建设实施纲要（2020—2025年）》为遵循，落实2024年12月区委全面依法治区工作会议部署，较2024年新增行政执法监督案件12件。现将2026年度法治政府建设情况报告如下。');
  const details = page.getByTestId('notice-details');
  const lines = await details.locator('li').allInnerTexts();
  assert.ok(lines.includes('标题：2025 → 2026，1 处'), lines.join('\n'));
  assert.ok(lines.includes('开头段：2025 → 2026，2 处'), lines.join('\n'));
  for (const left of ['“2021—2025年”为文件名称中的年份', '“2020—2025年”为文件名称中的年份', '“2024年12月”为具体月份', '“2024年”用于与其他年份比较']) {
    assert.ok(lines.some((l) => l.includes(left) && l.includes('未改动')), `${left} listed as left:\n${lines.join('\n')}`);
  }
  await page.screenshot({ path: path.join(OUT, 'from-last-year-years.png') });
  // Each line takes the author to its field.
  await details.getByRole('button', { name: /^标题：/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'report-title');
  await details.getByRole('button', { name: /2024年12月/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'preamble');
  await page.close();
});

test('last year\'s parts not found: said plainly, a generated 开头段, last year\'s text kept unchanged', async () => {
  const page = await startFrom(path.join(FIXTURES, '2025-no-parts.txt'));
  const notice = await page.getByTestId('notice').innerText();
  assert.match(notice, /未能识别去年报告的各个部分，因此无法生成“去年的安排”清单/);
  assert.equal(await page.locator('#report-title').inputValue(), '青石市临溪区司法局2026年度法治政府建设情况报告');
  const preamble = await page.locator('#preamble').inputValue();
  assert.match(preamble, /现将青石市临溪区司法局2026年度法治政府建设工作情况报告如下。$/);
  assert.doesNotMatch(preamble, /2027|案卷评查|纠错率/, 'last year\'s body never goes into the new 开头段');
  // Last year's text, as written, years and all.
  await page.getByRole('link', { name: /^一、/ }).click();
  await page.getByRole('heading', { level: 1, name: /^一、/ }).waitFor();
  const previous = page.getByTestId('previous-section');
  await previous.locator('summary').click();
  const text = await previous.innerText();
  for (const kept of ['2025年，区司法局', '（2021—2025年）', '2024年12月', '2026年6月底前']) {
    assert.ok(text.includes(kept), `${kept} kept in last year's text`);
  }
  await page.close();
});

test('撤销新建 undoes the whole start: the draft goes to 最近删除 and the start screen is back', async () => {
  const page = await startFrom(path.join(FIXTURES, '2025-with-citations.txt'));
  await page.getByRole('button', { name: '撤销新建' }).click();
  await page.getByTestId('notice').filter({ hasText: '已撤销' }).waitFor();
  await page.getByLabel(/选择去年的报告文件/).waitFor();
  await page.getByRole('link', { name: '草稿库' }).first().click();
  await page.getByRole('heading', { name: '草稿库' }).waitFor();
  assert.match(await page.locator('main').innerText(), /最近删除/);
  await page.close();
});
