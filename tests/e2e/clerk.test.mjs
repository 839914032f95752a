// End to end: what an exploratory session as the clerk found (stop 34) —
// the skip link, deleting an item, and a finding about a missing 成文日期.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { freshApp, OUT, ROOT, useBrowser } from './harness.mjs';

const app = useBrowser();
const box = (page, name) => page.getByRole('textbox', { name, exact: true });

async function createDraft(page, unit) {
  await page.goto(app.server.url + '#/new');
  await box(page, '单位名称').fill(unit);
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('doc-title').filter({ hasText: unit }).waitFor();
  return page.url().match(/#\/draft\/([^/]+)/)[1];
}

test('跳到主要内容 moves the focus to the page\'s content and stays on the screen', async () => {
  const page = await freshApp(app.context, app.server.url);
  const id = await createDraft(page, '某区市场监督管理局');
  await page.goto(`${app.server.url}#/draft/${id}/section/1`);
  await page.getByRole('heading', { level: 1, name: /^二、/ }).waitFor();
  const url = page.url();
  // The first thing Tab reaches after a (re)load.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /^二、/ }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '跳到主要内容');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.equal(page.url(), url, 'the same screen');
  await page.getByRole('heading', { level: 1, name: /^二、/ }).waitFor();
  await page.close();
});

test('deleting an item with text: kept in the history, and 撤销删除 puts it back where it was', async () => {
  const page = await freshApp(app.context, app.server.url);
  const id = await createDraft(page, '某区市场监督管理局');
  await page.goto(`${app.server.url}#/draft/${id}/section/4`);
  await page.getByRole('button', { name: '＋ 添加一条' }).click();
  await box(page, '第 1 条标题').fill('深化政务公开');
  await box(page, '第 1 条正文').fill('全年主动公开政府信息320条，办理依申请公开14件，均按期答复。');
  await page.getByRole('button', { name: '＋ 添加一条' }).click();
  await box(page, '第 2 条标题').fill('加强普法宣传');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.getByRole('button', { name: '删除第 1 条' }).click();
  const notice = page.getByTestId('notice').filter({ hasText: '已删除第 1 条“深化政务公开”。删除前的内容已存入“历史版本”。' });
  await notice.waitFor();
  assert.equal(await box(page, '第 1 条标题').inputValue(), '加强普法宣传');
  await page.screenshot({ path: path.join(OUT, 'item-deleted.png') });
  await notice.getByRole('button', { name: '撤销删除' }).click();
  await page.getByTestId('notice').filter({ hasText: '已恢复第 1 条。' }).waitFor();
  assert.equal(await box(page, '第 1 条标题').inputValue(), '深化政务公开');
  assert.match(await box(page, '第 1 条正文').inputValue(), /主动公开政府信息320条/);
  assert.equal(await box(page, '第 2 条标题').inputValue(), '加强普法宣传');
  await page.waitForFunction(() => document.activeElement?.id === 'item-0-title');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  // The version before the delete is in the history.
  await page.goto(`${app.server.url}#/draft/${id}/history`);
  await page.getByText('删除前').first().waitFor();
  // An empty item goes without a notice.
  await page.goto(`${app.server.url}#/draft/${id}/section/4`);
  await page.getByRole('button', { name: '＋ 添加一条' }).click();
  await page.getByRole('button', { name: '删除第 3 条' }).click();
  await page.getByRole('button', { name: '删除第 3 条' }).waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('notice').filter({ hasText: '已删除第 3 条' }).count(), 0);
  await page.close();
});

test('a finding that the 成文日期 is missing leads to the 成文日期 field', async () => {
  const page = await freshApp(app.context, app.server.url);
  const id = await createDraft(page, '某区市场监督管理局');
  await box(page, '发文机关署名').fill('某区市场监督管理局');
  await box(page, '发文机关署名').press('Tab');
  await page.goto(`${app.server.url}#/draft/${id}/check`);
  const finding = page.getByTestId('finding').filter({ hasText: '缺少成文日期' });
  await finding.waitFor();
  assert.match(await finding.innerText(), /成文日期：作为公文报送/);
  await finding.getByRole('link').click();
  await page.waitForFunction(() => document.activeElement?.id === 'frame-date');
  await page.close();
});

test('草稿库: Escape cancels a rename; after saving a name or deleting, the focus stays in the list', async () => {
  const page = await freshApp(app.context, app.server.url);
  const id = await createDraft(page, '某区市场监督管理局');
  await page.goto(`${app.server.url}#/`);
  const row = page.getByTestId('draft-row').first();
  await row.getByRole('button', { name: '重命名' }).click();
  await box(page, '新名称').fill('不要的名称');
  await box(page, '新名称').press('Escape');
  await page.waitForFunction((i) => document.activeElement?.id === `rename-button-${i}`, id);
  await row.getByRole('button', { name: '重命名' }).click();
  assert.notEqual(await box(page, '新名称').inputValue(), '不要的名称', 'the cancelled text is gone');
  await box(page, '新名称').fill('2026年度报告（初稿）');
  await box(page, '新名称').press('Enter');
  await page.waitForFunction((i) => document.activeElement?.id === `draft-link-${i}`, id);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '2026年度报告（初稿）');
  await row.getByRole('button', { name: '删除' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'notice-undo');
  await page.close();
});

test('the bands at the bottom of the window never hide the end of the page, however tall', async () => {
  // The reviewer picks a batch twice: the notice names every file not added again.
  const dir = path.join(ROOT, 'tests', 'fixtures', 'review', 'reports');
  const files = fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
  const page = await freshApp(app.context, app.server.url);
  await page.setViewportSize({ width: 683, height: 384 });
  await page.goto(`${app.server.url}#/review`);
  await page.getByLabel('选择报告文件（可多选）').setInputFiles(files);
  await page.getByTestId('notice').filter({ hasText: `已读取 ${files.length} 个文件` }).waitFor({ timeout: 60000 });
  await page.getByLabel('选择报告文件（可多选）').setInputFiles(files);
  await page.getByTestId('notice').filter({ hasText: '未重复添加' }).waitFor({ timeout: 60000 });
  assert.ok(await page.locator('.alerts').evaluate((e) => e.clientHeight) > 120, 'a tall notice');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const [footer, alerts] = await page.evaluate(() => [document.querySelector('footer').getBoundingClientRect().bottom, document.querySelector('.alerts').getBoundingClientRect().top]);
  assert.ok(footer <= alerts, `footer ends at ${footer}, the bands start at ${alerts}`);
  await page.close();
});
