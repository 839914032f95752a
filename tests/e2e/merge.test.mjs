// End to end: a leader sends the report back with edits; the author merges
// them section by section, and the .txt export options (GBK, CRLF, BOM) work
// through the UI and read back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, waitForApp, freshApp, ROOT, OUT } from './harness.mjs';

const SEED = path.join(ROOT, 'tests', 'fixtures', 'seed', '000_7470bc842f3634e7.txt');
const seed = fs.readFileSync(SEED, 'utf8');
let server;
let context;
before(async () => { server = await serveDist(); context = await launch(); });
after(async () => { await context?.close(); await server?.close(); });

/** The seed as the leader returns it: one word changed in 一、, a plan added
 *  to 四、, saved on Windows (CRLF). */
function leadersVersion() {
  const measures = seed.split('\n').find((l) => l.startsWith('2. 强化普法教育'));
  const plans = seed.split('\n').filter((l) => l.startsWith('3. ')).at(-1);
  return seed
    .replace(measures, measures.replace('营造良好氛围', '营造浓厚氛围'))
    .replace(plans, `${plans}\n4. 加强执法监督。完善行政执法监督机制。`)
    .replaceAll('\n', '\r\n');
}

async function seedDraft() {
  const page = await freshApp(context, server.url);
  await page.getByRole('link', { name: '草稿库' }).first().click();
  await page.getByLabel(/导入文件/).setInputFiles(SEED);
  await page.getByTestId('task-row').first().waitFor();
  return page;
}

async function exportTxt(page) {
  await page.getByRole('button', { name: '检查并导出' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出文本文件（.txt）' }).first().click(),
  ]);
  return fs.readFileSync(await download.path());
}

test('merge a colleague\'s version: choose per section, a snapshot first, kept after reload', async () => {
  const page = await seedDraft();
  const theirs = path.join(OUT, 'leader-version.txt');
  fs.writeFileSync(theirs, leadersVersion());

  await page.getByRole('button', { name: '合并同事的修改' }).click();
  await page.getByRole('heading', { name: '合并同事修改的版本' }).waitFor();
  assert.equal(await page.getByTestId('notice').count(), 0, 'the import notice does not follow to another screen');
  await page.getByLabel('选择对方的文件').setInputFiles(theirs);
  await page.getByRole('heading', { name: /有 2 个部分不同/ }).waitFor();
  const parts = page.getByTestId('merge-part');
  assert.equal(await parts.count(), 2);
  const measures = parts.filter({ hasText: '一、' });
  assert.equal(await measures.locator('mark.diff-ins').innerText(), '浓厚');
  assert.equal(await measures.locator('mark.diff-del').innerText(), '良好');
  const merge = page.getByRole('button', { name: '合并', exact: true });
  assert.equal(await merge.isDisabled(), true, 'nothing merges before every part is chosen');
  await page.screenshot({ path: path.join(OUT, 'merge.png'), fullPage: true });
  // 200% zoom on a 1366×768 screen: the two versions stack, nothing runs off the side.
  await page.setViewportSize({ width: 683, height: 384 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  await page.screenshot({ path: path.join(OUT, 'merge-200-percent.png') });
  await page.setViewportSize({ width: 1366, height: 768 });

  await measures.getByRole('radio', { name: /^用对方的/ }).check();
  await page.getByText('还有 1 个部分没有选择。').waitFor();
  await parts.filter({ hasText: '四、' }).getByRole('radio', { name: /^都保留/ }).check();
  await merge.click();
  await page.getByTestId('notice').filter({ hasText: '已合并“leader-version.txt”' }).waitFor();

  const expected = leadersVersion().replaceAll('\r\n', '\n');
  assert.equal((await exportTxt(page)).toString('utf8'), expected);
  await page.reload();
  await waitForApp(page);
  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  assert.equal((await exportTxt(page)).toString('utf8'), expected, 'kept after reload');

  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  await page.getByRole('button', { name: '历史版本' }).click();
  const before = page.getByTestId('snapshot').filter({ hasText: '合并前' });
  await before.waitFor();
  await before.getByRole('button', { name: '预览' }).click();
  assert.equal(await page.locator('pre.preview-text').innerText(), seed.replace(/\n$/, ''));
  await page.close();
});

test('merging: an unreadable file is refused and the draft is unchanged; the same text needs no merge', async () => {
  const page = await seedDraft();
  await page.getByRole('button', { name: '合并同事的修改' }).click();
  const corrupt = path.join(OUT, 'merge-corrupt.docx');
  fs.writeFileSync(corrupt, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(300, 9)]));
  await page.getByLabel('选择对方的文件').setInputFiles(corrupt);
  await page.getByTestId('storage-warning').filter({ hasText: 'merge-corrupt.docx' }).waitFor();
  assert.equal(await page.getByTestId('merge-part').count(), 0);

  await page.getByLabel('选择对方的文件').setInputFiles(SEED);
  await page.getByRole('heading', { name: /内容相同，无需合并/ }).waitFor();
  await page.getByRole('button', { name: '返回任务列表' }).click();
  assert.deepEqual(await exportTxt(page), fs.readFileSync(SEED));
  await page.close();
});

test('.txt options: GBK with CRLF and UTF-8 with a BOM export, and the GBK file imports back', async () => {
  const page = await seedDraft();
  await page.getByRole('button', { name: '检查并导出' }).click();
  await page.getByText('文本文件格式选项').click();
  await page.getByRole('radio', { name: /^GBK/ }).check();
  await page.getByRole('checkbox', { name: /CRLF/ }).check();
  const [gbk] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出文本文件（.txt）' }).first().click()]);
  assert.equal(gbk.suggestedFilename(), '区国资委2023年度法治政府建设情况报告.txt');
  const gbkBytes = fs.readFileSync(await gbk.path());
  assert.equal(new TextDecoder('gbk', { fatal: true }).decode(gbkBytes), seed.replaceAll('\n', '\r\n'));
  const gbkFile = path.join(OUT, 'export-gbk.txt');
  fs.writeFileSync(gbkFile, gbkBytes);

  await page.getByRole('radio', { name: /^UTF-8 带签名/ }).check();
  await page.getByRole('checkbox', { name: /CRLF/ }).uncheck();
  const [bom] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出文本文件（.txt）' }).first().click()]);
  const bomBytes = fs.readFileSync(await bom.path());
  assert.deepEqual(bomBytes, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fs.readFileSync(SEED)]));

  await page.goto(server.url + '#/');
  await page.getByLabel(/导入文件/).setInputFiles(gbkFile);
  await page.getByTestId('notice').filter({ hasText: 'GBK/GB18030' }).waitFor();
  await page.getByRole('button', { name: '检查并导出' }).click();
  await page.getByText('文本文件格式选项').click();
  await page.getByRole('radio', { name: /^UTF-8（推荐）/ }).check();
  const [back] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出文本文件（.txt）' }).first().click()]);
  assert.equal(fs.readFileSync(await back.path()).toString('utf8'), seed.replaceAll('\n', '\r\n'), 'no character lost through GBK');
  await page.close();
});

test('merging by keyboard only: Tab to each choice, arrows to pick, Enter to merge', async () => {
  const page = await seedDraft();
  const theirs = path.join(OUT, 'leader-version-keyboard.txt');
  fs.writeFileSync(theirs, leadersVersion());
  await page.getByRole('button', { name: '合并同事的修改' }).click();
  await page.getByLabel('选择对方的文件').setInputFiles(theirs);
  // Focus goes to the result so a screen reader hears what was found.
  await page.waitForFunction(() => document.activeElement?.id === 'merge-result');

  const active = () => page.evaluate(() => ({
    name: document.activeElement?.getAttribute('name'),
    value: document.activeElement?.value,
    text: document.activeElement?.textContent,
    outline: getComputedStyle(document.activeElement).outlineStyle,
  }));
  await page.keyboard.press('Tab');
  let now = await active();
  assert.equal(now.name, 'merge-choice-1', 'first stop: the choices for 一、');
  assert.notEqual(now.outline, 'none', 'visible focus');
  await page.keyboard.press('ArrowRight'); // 用我的 → 用对方的, selected
  await page.keyboard.press('Tab');
  now = await active();
  assert.equal(now.name, 'merge-choice-4', 'next stop: the choices for 四、');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight'); // → 都保留
  await page.keyboard.press('Tab');
  now = await active();
  assert.equal(now.text, '合并');
  await page.keyboard.press('Enter');
  await page.getByTestId('notice').filter({ hasText: '已合并' }).waitFor();
  assert.equal((await exportTxt(page)).toString('utf8'), leadersVersion().replaceAll('\r\n', '\n'));
  await page.close();
});
