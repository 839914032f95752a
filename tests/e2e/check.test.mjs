// End to end: checking a report in the app — the summary on the check page,
// links to each place, badges in the task list, the one-click punctuation
// fix, and findings that follow the author's typing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, freshApp, ROOT, OUT } from './harness.mjs';

const SEED = path.join(ROOT, 'tests', 'fixtures', 'seed', '000_7470bc842f3634e7.txt');
let server;
let context;
before(async () => { server = await serveDist(); context = await launch(); });
after(async () => { await context?.close(); await server?.close(); });

test('the seed: findings listed and linked, fixed in one click, and the missing causes resolved by typing', async () => {
  const page = await freshApp(context, server.url);
  await page.getByRole('link', { name: '草稿库' }).first().click();
  await page.getByLabel(/导入文件/).setInputFiles(SEED);
  await page.getByTestId('task-row').first().waitFor();

  // Badges in the task list: section 二 has the error.
  const row2 = page.getByTestId('task-row').nth(1);
  await row2.getByText('1 个错误').waitFor();

  await page.getByRole('button', { name: '检查并导出' }).click();
  const summary = page.getByTestId('findings-summary');
  await summary.getByRole('heading', { name: '检查结果：1 个错误，14 个提醒' }).waitFor();
  assert.equal(await summary.getByTestId('finding').count(), 15);
  await page.screenshot({ path: path.join(OUT, 'check-findings.png') });

  // Each finding links to its place.
  await summary.locator('[data-rule="shortcomings-without-causes"] a').click();
  await page.getByRole('heading', { level: 1, name: /^二、/ }).waitFor();
  await page.getByTestId('section-findings').getByText('没有分析原因').waitFor();
  await page.goBack();

  // One click fixes the half-width punctuation everywhere.
  await page.getByRole('button', { name: /一键改为全角标点/ }).click();
  await summary.getByRole('heading', { name: '检查结果：1 个错误，0 个提醒' }).waitFor();

  // Typing a cause into section 二 clears the error, off the keystroke path.
  await page.goto(page.url().replace(/\/check$/, '/section/1'));
  await page.getByRole('textbox', { name: '第 1 条正文' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('产生上述问题的主要原因是对理论学习重视不够。');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.getByTestId('section-findings').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  await page.getByRole('button', { name: '检查并导出' }).click();
  await summary.getByRole('heading', { name: '检查结果：未发现问题' }).waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出文本文件（.txt）' }).first().click(),
  ]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith('为推进法治政府建设，按照《法治政府建设与责任落实督察工作规定》文件要求，'), text.slice(0, 60));
  assert.match(text, /主要原因是对理论学习重视不够。/);
  await page.close();
});
