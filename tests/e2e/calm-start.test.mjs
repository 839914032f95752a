// End to end (issue #22, points 3, 4, 7): a fresh draft's task list is calm —
// untouched parts are 未开始, no red badge — until the author runs the check,
// and the 报送 deadline stays in view on the task list and the check page,
// following the unit kind; the start screen offers its two ways in, blank first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { freshApp, OUT, useBrowser } from './harness.mjs';

const app = useBrowser();

test('a fresh task list has no error badge and shows the deadline; the check still lists every empty part', async () => {
  const page = await freshApp(app.context, app.server.url);
  await page.getByRole('link', { name: '新建报告' }).click();
  // Two ways in, the blank report first.
  const ways = await page.locator('.ways-in .btn').allInnerTexts();
  assert.deepEqual(ways, ['新建空白报告（第一次撰写）', '从去年的报告开始（已有上一年度报告）']);
  const blank = await page.locator('#new-blank-title').boundingBox();
  const last = await page.locator('#last-year-title').boundingBox();
  assert.ok(blank.y < last.y, 'the blank form comes first');
  await page.getByLabel('单位名称').fill('某镇人民政府');
  await page.getByLabel('乡镇、街道').check();
  await page.getByLabel('报告年度').fill('2026');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('doc-title').waitFor();
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.waitForTimeout(800); // the checker runs after the debounced save
  assert.equal(await page.locator('.task-row .badge-error').count(), 0, 'no red badge before a word is written');
  assert.equal(await page.locator('.task-row .badge-todo').filter({ hasText: '未开始' }).count(), 5);
  const deadline = page.getByTestId('deadline-line');
  const text = await deadline.innerText();
  assert.match(text, /2027年3月1日之前/);
  assert.match(text, /乡（镇）党委和政府/);
  assert.match(text, /还有 \d+ 天/);
  assert.match(text, /2027年4月1日之前/);
  await page.screenshot({ path: path.join(OUT, 'calm-tasklist.png') });
  // Changing the unit kind changes the deadlines.
  await page.getByLabel('单位类型').selectOption({ label: '其他单位' });
  await deadline.locator('li').filter({ hasText: '公开' }).waitFor();
  assert.equal(await deadline.locator('li').count(), 1);
  await page.getByLabel('单位类型').selectOption({ label: '政府部门' });
  await deadline.locator('li').filter({ hasText: '本级党委和政府' }).waitFor();
  // The check page: every empty part an error, and the deadline in view there too.
  await page.getByRole('button', { name: '检查并导出' }).click();
  const summary = page.getByTestId('findings-summary');
  await summary.waitFor();
  assert.ok(await summary.locator('[data-rule="empty-section"]').count() >= 4);
  assert.match(await page.getByTestId('deadline-line').innerText(), /2027年3月1日之前/);
  // After the check the task list shows the parts' findings.
  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  await page.getByTestId('doc-title').waitFor();
  await page.locator('.task-row .badge-error').first().waitFor();
  await page.close();
});

test('findings are placed as the author sees the draft, and their links take focus to the field', async () => {
  const page = await freshApp(app.context, app.server.url);
  await page.getByRole('link', { name: '草稿库' }).first().click();
  await page.getByLabel(/导入文件/).setInputFiles(path.join(path.dirname(OUT), '..', 'fixtures', 'seed', '000_7470bc842f3634e7.txt'));
  await page.getByTestId('task-row').first().waitFor();
  await page.getByRole('button', { name: '检查并导出' }).click();
  const summary = page.getByTestId('findings-summary');
  await summary.getByTestId('finding').first().waitFor();
  const texts = await summary.getByTestId('finding').locator('a').allInnerTexts();
  assert.ok(texts.some((t) => t.startsWith('开头段：')), texts.join('\n'));
  assert.ok(texts.some((t) => /^第一部分 第\d条/.test(t)), texts.join('\n'));
  assert.ok(texts.some((t) => t.startsWith('第二部分')), texts.join('\n'));
  assert.ok(!texts.some((t) => /第 \d+ 行/.test(t)), 'no line numbers in the app');
  await page.screenshot({ path: path.join(OUT, 'findings-places.png') });
  // 开头段 → the task list with the preamble field focused.
  await summary.getByTestId('finding').locator('a').filter({ hasText: /^开头段：/ }).first().click();
  await page.getByTestId('doc-title').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'preamble');
  await page.goBack();
  // 第一部分 第N条 → the section, that item's title field focused.
  const item = summary.getByTestId('finding').locator('a').filter({ hasText: /^第一部分 第\d条/ }).first();
  const n = Number((await item.innerText()).match(/^第一部分 第(\d)条/)[1]);
  await item.click();
  await page.getByRole('heading', { level: 1, name: /^一、/ }).waitFor();
  await page.waitForFunction((k) => document.activeElement?.id === `item-${k}-title` || document.activeElement?.id === `item-${k}-body`, n - 1);
  await page.close();
});

test('a 乡镇 author gets guidance and a worked example of their own kind', async () => {
  const page = await freshApp(app.context, app.server.url);
  await page.getByRole('link', { name: '新建报告' }).click();
  await page.getByLabel('单位名称').fill('某镇人民政府');
  await page.getByLabel('乡镇、街道').check();
  await page.getByLabel('报告年度').fill('2026');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByRole('link', { name: /^一、/ }).click();
  await page.getByRole('heading', { level: 1, name: /^一、/ }).waitFor();
  const guidance = page.getByTestId('guidance');
  assert.match(await guidance.getByTestId('kind-notes').innerText(), /乡镇、街道还可以写/);
  const summary = guidance.locator('details.example summary');
  assert.match(await summary.innerText(), /虚构单位：青石市临溪区石门镇人民政府/);
  await summary.click();
  const example = await guidance.locator('details.example pre').innerText();
  assert.match(example, /综合行政执法/);
  assert.doesNotMatch(example, /12315|证照分离/, 'not the 市场监管局 example');
  // The report on 2026 (issue #17 point 4): the 条例 in force that year, in
  // the example and in the notes for the year, by title and number only.
  assert.match(example, /贯彻落实《行政执法监督条例》/);
  const period = await guidance.getByTestId('period-notes').innerText();
  assert.match(period, /2026年度报告还要注意/);
  assert.match(period, /《行政执法监督条例》（国务院令第825号）自2026年2月1日起施行/);
  assert.match(period, /实施期已于2025年结束/);
  await guidance.getByTestId('period-notes').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'period-notes.png') });
  await guidance.locator('details.example').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'town-example.png') });
  await page.close();
});
