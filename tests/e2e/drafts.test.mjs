// End to end: the drafts library and everything that must never lose a draft —
// two tabs on one draft, a corrupted entry, data from a newer version, a full quota.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { waitForApp, freshApp, OUT, useBrowser } from './harness.mjs';

const app = useBrowser();

const box = (page, name) => page.getByRole('textbox', { name, exact: true });
// On the first section's page with no items yet, its text box is 本部分内容.
const MEASURES = '本部分内容';

const freshPage = () => freshApp(app.context, app.server.url);

async function createDraft(page, unit, year = '2025') {
  await page.goto(app.server.url + '#/new');
  await box(page, '单位名称').waitFor();
  await box(page, '单位名称').fill(unit);
  await box(page, '报告年度').fill(year);
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('doc-title').filter({ hasText: unit }).waitFor();
}

async function openMeasures(page) {
  const url = page.url();
  const draft = url.match(/#\/draft\/([^/]+)/)[1];
  const target = `${app.server.url}#/draft/${draft}/section/0`;
  if (page.url() !== target) {
    await page.goto(target);
  }
  await page.getByRole('textbox', { name: MEASURES, exact: true }).waitFor();
}

async function typeMeasures(page, text) {
  await openMeasures(page);
  const field = page.getByRole('textbox', { name: MEASURES, exact: true });
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

test('library: several drafts, newest first; rename, duplicate, delete and undo survive reload', async () => {
  const page = await freshPage();
  await createDraft(page, '甲区司法局');
  await typeMeasures(page, '1. 甲的做法。');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await createDraft(page, '乙区应急管理局');
  await page.getByRole('button', { name: '← 草稿库' }).click();

  const rows = page.getByTestId('draft-row');
  await rows.nth(1).waitFor();
  assert.match(await rows.nth(0).innerText(), /乙区应急管理局/);
  assert.match(await rows.nth(1).innerText(), /甲区司法局/);

  // Rename the first, duplicate the second.
  await rows.nth(0).getByRole('button', { name: '重命名' }).click();
  await rows.nth(0).getByRole('textbox', { name: '新名称' }).fill('乙局年度报告（初稿）');
  await rows.nth(0).getByRole('button', { name: '保存名称' }).click();
  await page.getByText('乙局年度报告（初稿）').waitFor();
  await rows.filter({ hasText: '甲区司法局' }).first().getByRole('button', { name: '复制' }).click();
  await page.getByText('（副本）').waitFor();
  assert.equal(await rows.count(), 3);

  // Delete with undo, then delete again and find it in 最近删除 after a reload.
  await rows.filter({ hasText: '乙局年度报告（初稿）' }).getByRole('button', { name: '删除' }).click();
  await page.getByTestId('notice').getByRole('button', { name: '撤销删除' }).click();
  await page.getByText('乙局年度报告（初稿）').waitFor();
  await rows.filter({ hasText: '乙局年度报告（初稿）' }).getByRole('button', { name: '删除' }).click();
  await page.reload();
  await waitForApp(page);
  assert.equal(await rows.count(), 2);
  const trash = page.getByRole('region', { name: '最近删除' });
  await trash.getByText('乙局年度报告（初稿）').waitFor();
  await page.screenshot({ path: path.join(OUT, 'library.png'), fullPage: true });
  await trash.getByRole('button', { name: '恢复' }).click();
  await rows.nth(2).waitFor();

  // The copy has the original's text.
  await rows.filter({ hasText: '（副本）' }).getByRole('button', { name: '打开' }).click();
  await page.getByTestId('doc-title').waitFor();
  await openMeasures(page);
  assert.equal(await page.getByRole('textbox', { name: MEASURES, exact: true }).inputValue(), '1. 甲的做法。');
  await page.close();
});

test('two tabs on one draft: one edits, the other follows and can take over; a write from outside the hand-over still asks', async () => {
  const a = await freshPage();
  await createDraft(a, '两页测试局');
  await openMeasures(a);
  const url = a.url();
  const id = url.match(/#\/draft\/([^/]+)/)[1];
  const b = await app.context.newPage();
  await b.goto(url);
  await waitForApp(b);
  await openMeasures(b);

  // B opened it last: B edits, A follows read-only and says so.
  const bandA = a.getByTestId('follow-band').filter({ hasText: '另一个标签页中打开编辑' });
  await bandA.waitFor();
  assert.equal(await box(a, MEASURES).getAttribute('readonly'), '');
  await typeMeasures(b, '乙页第一句。');
  await b.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await a.waitForFunction(() => document.getElementById('section-intro')?.value === '乙页第一句。');
  await a.screenshot({ path: path.join(OUT, 'follow-band.png') });

  // A takes over: B follows, A types and B shows it.
  await bandA.getByRole('button', { name: '在此标签页编辑' }).click();
  await b.getByTestId('follow-band').filter({ hasText: '另一个标签页中打开编辑' }).waitFor();
  await a.getByTestId('follow-band').waitFor({ state: 'detached' });
  await typeMeasures(a, '甲页第二句。');
  await a.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await b.waitForFunction(() => document.getElementById('section-intro')?.value === '乙页第一句。甲页第二句。');

  // A write that does not go through the hand-over (an older copy of the
  // app, say) while A has unsaved edits: A is stopped and asked.
  await typeMeasures(a, '甲页第三句。');
  await b.evaluate((key) => {
    const d = JSON.parse(localStorage.getItem(key));
    d.revision += 1;
    d.name = '外部写入的版本';
    localStorage.setItem(key, JSON.stringify(d));
  }, `fazhi-report/draft/${id}`);
  await a.getByTestId('conflict').waitFor();
  await a.screenshot({ path: path.join(OUT, 'conflict.png') });
  await a.getByRole('button', { name: /保留本页内容/ }).click();
  await a.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();

  // After a reload, the draft has the kept text and the other version is a copy.
  await a.reload();
  await waitForApp(a);
  await openMeasures(a);
  assert.equal(await box(a, MEASURES).inputValue(), '乙页第一句。甲页第二句。甲页第三句。');
  await a.goto(app.server.url + '#/');
  await a.getByTestId('draft-row').filter({ hasText: '另一标签页的版本' }).waitFor();
  await a.close();
  await b.close();
});

test('a corrupted entry is set aside, offered for download, and the other drafts open', async () => {
  const page = await freshPage();
  await createDraft(page, '完好草稿局');
  await page.evaluate(() => localStorage.setItem('fazhi-report/draft/broken', '{"id":"broken","unit":"半截'));
  await page.goto(app.server.url + '#/');
  await page.reload();
  await waitForApp(page);
  const section = page.getByRole('region', { name: '无法读取的数据' });
  await section.waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: '下载原始内容' }).click(),
  ]);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), '{"id":"broken","unit":"半截');
  // Deleting it asks once more, in place, with the focus on the question;
  // 取消 keeps it, 确认删除 removes that entry and nothing else.
  await section.getByRole('button', { name: '删除 fazhi-report/draft/broken' }).click();
  const confirm = section.getByRole('button', { name: '确认删除' });
  await page.waitForFunction(() => document.activeElement?.textContent === '确认删除');
  await section.screenshot({ path: path.join(OUT, 'unreadable-confirm.png') });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // 取消
  assert.equal(await confirm.count(), 0);
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '删除 fazhi-report/draft/broken');
  assert.ok(await page.evaluate(() => localStorage.getItem('fazhi-report/draft/broken') !== null), 'kept after 取消');
  await section.getByRole('button', { name: '删除 fazhi-report/draft/broken' }).click();
  await page.waitForFunction(() => document.activeElement?.textContent === '确认删除');
  await page.keyboard.press('Enter');
  await page.getByTestId('notice').filter({ hasText: '已删除这条无法读取的数据' }).waitFor();
  await section.waitFor({ state: 'detached' });
  // The list is gone with its one entry: the focus is on the page's heading, not lost.
  await page.waitForFunction(() => document.activeElement?.id === 'library-title');
  assert.equal(await page.evaluate(() => localStorage.getItem('fazhi-report/draft/broken')), null);
  await page.getByTestId('draft-row').filter({ hasText: '完好草稿局' }).getByRole('button', { name: '打开' }).click();
  await page.getByTestId('doc-title').filter({ hasText: '完好草稿局' }).waitFor();
  await page.close();
});

test('data from a newer version is never overwritten', async () => {
  const page = await freshPage();
  await createDraft(page, '新版本数据局');
  await page.evaluate(() => localStorage.setItem('fazhi-report/schema', '99'));
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.reload();
  await waitForApp(page);
  await page.getByTestId('storage-warning').filter({ hasText: '更新版本' }).waitFor();
  await typeMeasures(page, '不应写入。');
  await page.getByTestId('save-status').filter({ hasText: '未能保存' }).waitFor();
  const afterEdit = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  assert.equal(afterEdit, before);
  await page.close();
});

test('a full quota: the user is told, the text stays, space can be freed, nothing saved is damaged', async () => {
  const page = await freshPage();
  await createDraft(page, '空间已满局');
  await typeMeasures(page, '已保存的内容。');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  const saved = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('fazhi-report/draft/')));

  // Fill the rest of the origin's quota.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; ; i++) {
      try { localStorage.setItem('filler/' + i, chunk); } catch { break; }
    }
    for (let size = 16 * 1024; size >= 16; size /= 2) {
      for (let i = 0; ; i++) {
        try { localStorage.setItem(`filler/s${size}/${i}`, 'x'.repeat(size)); } catch { break; }
      }
    }
  });
  await typeMeasures(page, '空间满时输入的新内容，较长较长较长较长较长较长较长较长较长较长较长较长较长较长较长较长较长较长。');
  const warning = page.getByTestId('storage-warning').filter({ hasText: '存储空间已满' });
  await warning.waitFor();
  await page.getByTestId('save-status').filter({ hasText: '未能保存' }).waitFor();
  await page.screenshot({ path: path.join(OUT, 'quota-full.png') });
  assert.match(await page.getByRole('textbox', { name: MEASURES, exact: true }).inputValue(), /空间满时输入的新内容/);
  const stillSaved = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('fazhi-report/draft/')));
  assert.deepEqual(stillSaved, saved, 'the stored draft is untouched by the failed write');

  // Export still works while storage is full.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    warning.getByRole('button', { name: '导出文本文件（.txt）' }).click(),
  ]);
  assert.match(fs.readFileSync(await download.path(), 'utf8'), /空间满时输入的新内容/);

  // Free other space (as the user would by deleting other things), then retry via the offer.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler/')).forEach((k) => localStorage.removeItem(k)));
  await warning.getByRole('button', { name: '清理历史版本以释放空间' }).click();
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.reload();
  await waitForApp(page);
  assert.match(await page.getByRole('textbox', { name: MEASURES, exact: true }).inputValue(), /空间满时输入的新内容/);
  await page.close();
});

test('history: restore an earlier version; the replaced text is kept as a version too', async () => {
  const page = await freshPage();
  await createDraft(page, '历史版本局');
  await typeMeasures(page, '第一稿。');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await typeMeasures(page, '第二稿。');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();

  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  await page.getByRole('button', { name: '历史版本' }).click();
  const snaps = page.getByTestId('snapshot');
  await snaps.first().waitFor();
  await snaps.last().getByRole('button', { name: '预览' }).click();
  await page.locator('.preview-text').filter({ hasText: '第一稿。' }).waitFor();
  await page.screenshot({ path: path.join(OUT, 'history.png') });
  await snaps.last().getByRole('button', { name: '恢复此版本' }).click();
  await page.getByTestId('doc-title').waitFor();
  await openMeasures(page);
  assert.equal(await page.getByRole('textbox', { name: MEASURES, exact: true }).inputValue(), '第一稿。');

  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByRole('textbox', { name: MEASURES, exact: true }).inputValue(), '第一稿。');
  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  await page.getByRole('button', { name: '历史版本' }).click();
  await snaps.filter({ hasText: '恢复前' }).waitFor();
  await page.close();
});

test('backup all, lose the browser data, restore from the file: every draft is back', async () => {
  const page = await freshPage();
  await createDraft(page, '备份甲局');
  await typeMeasures(page, '甲的内容。');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await createDraft(page, '备份乙局');
  await page.goto(app.server.url + '#/');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '备份全部' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^法治报告助手备份-.*\.json$/);
  const backupFile = path.join(OUT, 'backup.json');
  await download.saveAs(backupFile);

  // A new computer: nothing stored. A wrong file is refused without change.
  await page.evaluate(() => localStorage.clear());
  await page.goto(app.server.url + '#/');
  await page.reload();
  await waitForApp(page);
  const wrongFile = path.join(OUT, 'not-a-backup.json');
  fs.writeFileSync(wrongFile, '{"hello": "world"}');
  // With no drafts the app opens on the start screen, which points to the library.
  await box(page, '单位名称').waitFor();
  await page.getByRole('link', { name: '草稿库' }).last().click();
  await page.getByRole('heading', { name: '备份与迁移' }).waitFor();
  await page.getByLabel('从备份恢复').setInputFiles(wrongFile);
  await page.getByTestId('storage-warning').filter({ hasText: '不是法治报告助手的备份文件' }).waitFor();

  await page.getByLabel('从备份恢复').setInputFiles(backupFile);
  await page.getByTestId('notice').filter({ hasText: '新增 2 份' }).waitFor();
  const rows = page.getByTestId('draft-row');
  assert.equal(await rows.count(), 2);
  await rows.filter({ hasText: '备份甲局' }).getByRole('button', { name: '打开' }).click();
  await page.getByTestId('doc-title').waitFor();
  await openMeasures(page);
  assert.equal(await page.getByRole('textbox', { name: MEASURES, exact: true }).inputValue(), '甲的内容。');
  await page.close();
});
