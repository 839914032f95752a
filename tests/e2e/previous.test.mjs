// End to end: start the 2024 report from last year's (the seed), mark what
// became of last year's plans, link items, reload — everything kept; the
// check page names the plan nothing reports on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { waitForApp, freshApp, ROOT, OUT, useBrowser } from './harness.mjs';

const SEED = path.join(ROOT, 'tests', 'fixtures', 'seed', '000_7470bc842f3634e7.txt');
const app = useBrowser();

test('from last year\'s report: checklist marked and linked, kept after reload, unaddressed plan reported', async () => {
  const page = await freshApp(app.context, app.server.url);
  await page.getByRole('link', { name: '新建报告' }).click();
  await page.getByLabel(/选择去年的报告文件/).setInputFiles(SEED);
  await page.getByTestId('notice').filter({ hasText: '新建 2024 年度报告' }).filter({ hasText: '3 项安排' }).waitFor();
  // Issue #25: the notice says which years changed (the seed's 开头段 names 2023 once).
  assert.match(await page.getByTestId('notice').innerText(), /开头段：2023 → 2024，1 处/);
  assert.match(await page.getByTestId('doc-title').innerText(), /区国资委2024年度/);

  await page.getByRole('link', { name: /^一、/ }).click();
  // The section screen replaces the task list after the hash changes.
  await page.getByRole('heading', { level: 1, name: /^一、/ }).waitFor();
  const plans = page.getByTestId('plan');
  assert.equal(await plans.count(), 3);
  assert.deepEqual(await page.locator('.plan-title').allInnerTexts(), ['统筹推进法治建设工作', '认真抓好普法工作落实', '加大单位制度执行力度']);
  // Last year's text is there to read, not copied into this year's.
  await page.getByTestId('previous-section').locator('summary').click();
  assert.match(await page.getByTestId('previous-section').innerText(), /强化普法教育/);
  assert.equal(await page.getByRole('textbox', { name: '第 1 条标题' }).count(), 0);

  await page.getByRole('button', { name: '＋ 添加一条' }).click();
  await page.getByRole('textbox', { name: '第 1 条标题' }).fill('抓好普法宣传');
  await page.getByRole('textbox', { name: '第 1 条正文' }).fill('全年开展普法宣传活动12场，覆盖干部职工300余人次。');
  const pufa = plans.filter({ hasText: '认真抓好普法工作落实' });
  await pufa.getByRole('radio', { name: '已完成' }).check();
  await pufa.getByRole('checkbox', { name: /抓好普法宣传/ }).check();
  const zhidu = plans.filter({ hasText: '加大单位制度执行力度' });
  await zhidu.getByRole('radio', { name: '未完成' }).check();
  await zhidu.getByRole('button', { name: '在“存在的不足和原因”中添加这一条' }).click();
  await page.getByTestId('notice').filter({ hasText: '已在“存在的不足和原因”末尾添加“加大单位制度执行力度”' }).waitFor();
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.screenshot({ path: path.join(OUT, 'previous-checklist.png'), fullPage: true });

  await page.reload();
  await waitForApp(page);
  const after = page.getByTestId('plan');
  assert.equal(await after.filter({ hasText: '认真抓好普法工作落实' }).getByRole('radio', { name: '已完成' }).isChecked(), true);
  assert.equal(await after.filter({ hasText: '认真抓好普法工作落实' }).getByRole('checkbox', { name: /抓好普法宣传/ }).isChecked(), true);
  assert.equal(await after.filter({ hasText: '加大单位制度执行力度' }).getByRole('radio', { name: '未完成' }).isChecked(), true);
  assert.equal(await after.filter({ hasText: '统筹推进法治建设工作' }).getByRole('radio', { name: '已完成' }).isChecked(), false);

  await page.getByRole('link', { name: '下一部分 →' }).click();
  await page.getByRole('heading', { level: 1, name: /^二、/ }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: '第 1 条标题' }).inputValue(), '加大单位制度执行力度');
  assert.match(await page.getByRole('textbox', { name: '第 1 条正文' }).inputValue(), /原因：$/);

  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  await page.getByRole('button', { name: '检查并导出' }).click();
  const summary = page.getByTestId('findings-summary');
  await summary.filter({ hasText: '统筹推进法治建设工作' }).waitFor();
  const text = await summary.innerText();
  assert.doesNotMatch(text, /“认真抓好普法工作落实”在本年度报告中未见/);
  assert.match(text, /加大单位制度执行力度/, 'the starter still awaits its cause');
  await page.close();
});
