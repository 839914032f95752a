// End to end: a leader sends the report back with edits; the author merges
// them section by section, and the .txt export options (GBK, CRLF, BOM) work
// through the UI and read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { waitForApp, freshApp, ROOT, OUT, useBrowser, launch } from './harness.mjs';

const SEED = path.join(ROOT, 'tests', 'fixtures', 'seed', '000_7470bc842f3634e7.txt');
const seed = fs.readFileSync(SEED, 'utf8');
const app = useBrowser();

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
  const page = await freshApp(app.context, app.server.url);
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
  // An added plan has nothing of mine beside it: 用对方的 takes it (都保留 is
  // offered only where both versions have the item).
  await parts.filter({ hasText: '四、' }).getByRole('radio', { name: /^用对方的/ }).check();
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

  await page.goto(app.server.url + '#/');
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
  assert.match(now.name, /^merge-choice-1-/, 'first stop: the choices for 一、');
  assert.notEqual(now.outline, 'none', 'visible focus');
  await page.keyboard.press('ArrowRight'); // 用我的 → 用对方的, selected
  await page.keyboard.press('Tab');
  now = await active();
  assert.match(now.name, /^merge-choice-4-/, 'next stop: the choices for 四、');
  await page.keyboard.press('ArrowRight'); // 用我的 → 用对方的: the added plan
  await page.keyboard.press('Tab');
  now = await active();
  assert.equal(now.text, '合并');
  await page.keyboard.press('Enter');
  await page.getByTestId('notice').filter({ hasText: '已合并' }).waitFor();
  assert.equal((await exportTxt(page)).toString('utf8'), leadersVersion().replaceAll('\r\n', '\n'));
  await page.close();
});

// ---- Two users on two PCs: A sends, both edit, A merges three-way. ----

/** Export from the check page with `button`; saved under OUT as `name`. */
async function exportAs(page, button, name) {
  await page.getByRole('button', { name: '检查并导出' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).first().click()]);
  const file = path.join(OUT, name);
  await download.saveAs(file);
  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  return file;
}

/** Edit item `n`'s body of the part whose link starts with `part`, then back to the task list (which saves). */
async function editItem(page, part, n, from, to) {
  await page.getByRole('link', { name: new RegExp(`^${part}`) }).click();
  const box = page.getByRole('textbox', { name: `第 ${n} 条正文` });
  const text = await box.inputValue();
  assert.ok(text.includes(from), `${part} 第 ${n} 条: ${from}`);
  await box.fill(text.replace(from, to));
  await page.getByRole('button', { name: '← 返回任务列表' }).first().click();
  await page.getByTestId('task-row').first().waitFor();
}

const lines = seed.split('\n');
const item1 = lines.find((l) => l.startsWith('1. 强化理论学习'));
const A_ITEM = ['考试通过率达到100%', '考试通过率达到100%，优秀率达到85%'];
const B_ITEM = ['考试通过率达到100%', '考试参考率和通过率均达到100%'];
const B_PART = ['实际成效不够理想。', '实际成效不够理想，群众获得感不强。'];
const A_PART = ['不少于2次', '不少于3次'];

test('two PCs: only the colleague\'s changes are offered, mine are kept, a conflict shows all three, 都保留 keeps both labelled', async () => {
  const pageA = await seedDraft();
  const sent = await exportAs(pageA, '导出分享文件', 'a-sent.fzbg.json');

  // B, on another PC (another browser profile), opens the file and edits.
  const contextB = await launch();
  try {
    const pageB = await freshApp(contextB, app.server.url);
    await pageB.getByRole('link', { name: '草稿库' }).first().click();
    await pageB.getByLabel(/导入文件/).setInputFiles(sent);
    await pageB.getByTestId('task-row').first().waitFor();
    await editItem(pageB, '一、', 1, ...B_ITEM);
    await editItem(pageB, '二、', 3, ...B_PART);
    // …and deletes the last item of 三.
    await pageB.getByRole('link', { name: /^三、/ }).click();
    await pageB.getByRole('button', { name: '删除第 4 条' }).click();
    await pageB.getByRole('button', { name: '删除第 4 条' }).waitFor({ state: 'detached' });
    await pageB.getByRole('button', { name: '← 返回任务列表' }).first().click();
    await pageB.getByTestId('task-row').first().waitFor();
    await exportAs(pageB, '导出分享文件', 'b-reply.fzbg.json');
  } finally {
    await contextB.close();
  }
  const reply = path.join(OUT, 'b-reply.fzbg.json');

  // A edits meanwhile: the same item, and part 四 alone.
  await editItem(pageA, '一、', 1, ...A_ITEM);
  await editItem(pageA, '四、', 1, ...A_PART);

  await pageA.getByRole('button', { name: '合并同事的修改' }).click();
  const pick = pageA.getByLabel('选择对方的文件');
  await pick.setInputFiles(reply);
  await pageA.getByRole('heading', { name: '与发出时的版本相比，对方在“b-reply.fzbg.json”中修改了 3 个部分。其中 1 处双方都作了修改。请逐一选择是否采纳。' }).waitFor();

  // Only B's changes are offered; A's own edit is shown as kept, with no choice.
  const theirs = pageA.getByTestId('merge-theirs');
  assert.equal(await theirs.count(), 2);
  assert.equal(await theirs.nth(0).getByRole('radio').count(), 2);
  assert.equal(await theirs.nth(0).locator('mark.diff-ins').innerText(), '，群众获得感不强');
  // The item B deleted: named as deleted, not an empty cell.
  assert.match(await theirs.nth(1).innerText(), /对方删除了这一条/);
  assert.match(await theirs.nth(1).locator('.diff-cell').nth(1).innerText(), /（已删除）/);
  const mine = pageA.getByTestId('merge-mine');
  assert.equal(await mine.count(), 1);
  assert.match(await mine.innerText(), /我修改了这一条（保留）/);
  assert.match(await mine.innerText(), /不少于3次/);
  assert.equal(await mine.getByRole('radio').count(), 0, 'my own edit is never offered for undoing');
  assert.equal(await pageA.getByRole('radiogroup').count(), 3, 'nothing else asks');

  // The conflict: the version sent, mine and theirs side by side.
  const conflict = pageA.getByTestId('merge-conflict');
  assert.equal(await conflict.count(), 1);
  const cells = conflict.locator('.diff-cell');
  assert.equal(await cells.count(), 3);
  const cell = async (i) => (await cells.nth(i).innerText()).replace(/\s+/g, ' ');
  assert.match(await cell(0), /^发出时 .*考试通过率达到100%。/);
  assert.match(await cell(1), /^我的 .*优秀率达到85%/);
  assert.match(await cell(2), /^对方的：b-reply\.fzbg\.json .*考试参考率和通过率均达到100%/);
  assert.equal(await conflict.getByRole('radio').count(), 3);
  await pageA.screenshot({ path: path.join(OUT, 'merge-three-way.png'), fullPage: true });
  await pageA.setViewportSize({ width: 683, height: 384 });
  assert.equal(await pageA.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  await conflict.scrollIntoViewIfNeeded();
  await pageA.screenshot({ path: path.join(OUT, 'merge-three-way-200-percent.png') });
  await pageA.setViewportSize({ width: 1366, height: 768 });

  // A damaged file clears the comparison: nothing left to merge by mistake.
  const cut = path.join(OUT, 'b-reply-cut.fzbg.json');
  const bytes = fs.readFileSync(reply);
  fs.writeFileSync(cut, bytes.subarray(0, bytes.length >> 1));
  await pick.setInputFiles(cut);
  await pageA.getByTestId('storage-warning').filter({ hasText: '分享文件不完整或已损坏，可能没有下载完' }).waitFor();
  assert.equal(await pageA.getByTestId('merge-part').count(), 0);
  assert.equal(await pageA.getByRole('button', { name: '合并', exact: true }).count(), 0);

  await pick.setInputFiles(reply);
  await pageA.getByTestId('merge-conflict').waitFor();
  const merge = pageA.getByRole('button', { name: '合并', exact: true });
  for (const row of await pageA.getByTestId('merge-theirs').all()) await row.getByRole('radio', { name: /^采纳/ }).check();
  assert.equal(await merge.isDisabled(), true, 'the conflict is still open');
  await pageA.getByTestId('merge-conflict').getByRole('radio', { name: /^都保留/ }).check();
  await merge.click();
  await pageA.getByTestId('notice').filter({ hasText: '已合并“b-reply.fzbg.json”' }).waitFor();

  const mineItem = item1.replace(...A_ITEM);
  const theirsItem = item1.replace(...B_ITEM).replace(/^1\. /, '2. （对方的版本）');
  const expected = seed
    .replace('2. 强化普法教育', '3. 强化普法教育')
    .replace('3. 落实工作制度', '4. 落实工作制度')
    .replace(item1, `${mineItem}\n${theirsItem}`)
    .replace(...B_PART)
    .replace(...A_PART)
    .replace(/\n4\. 带头深入学习[^\n]*/, '');
  assert.equal((await exportTxt(pageA)).toString('utf8'), expected, 'the merged text, byte for byte');
  await pageA.getByRole('button', { name: '← 返回任务列表' }).click();

  // Another unit's report: refused, both named, A's draft unchanged.
  const other = path.join(OUT, 'other-unit.txt');
  fs.writeFileSync(other, '某县市场监管局2022年度法治政府建设情况报告\n' + seed.replaceAll('区国资委', '某县市场监管局').replaceAll('2023', '2022'));
  await pageA.getByRole('button', { name: '合并同事的修改' }).click();
  await pick.setInputFiles(other);
  await pageA.getByRole('heading', { name: '“other-unit.txt”不是当前草稿的报告，没有合并。' }).waitFor();
  const refused = pageA.getByTestId('merge-mismatch');
  assert.match(await refused.innerText(), /这是某县市场监管局 2022 年度的报告，当前草稿是区国资委 2023 年度。/);
  assert.equal(await pageA.getByTestId('merge-part').count(), 0, 'nothing compared before an explicit choice');
  assert.equal(await pageA.getByRole('button', { name: '合并', exact: true }).count(), 0);
  await pageA.screenshot({ path: path.join(OUT, 'merge-other-unit.png'), fullPage: true });
  await pageA.getByRole('button', { name: '返回任务列表' }).click();
  assert.equal((await exportTxt(pageA)).toString('utf8'), expected, 'A\'s draft unchanged');
  await pageA.getByRole('button', { name: '← 返回任务列表' }).click();

  // Offered instead: the file as a new draft of its own.
  await pageA.getByRole('button', { name: '合并同事的修改' }).click();
  await pick.setInputFiles(other);
  await pageA.getByRole('button', { name: '作为新草稿导入' }).click();
  await pageA.getByTestId('notice').filter({ hasText: '已将“other-unit.txt”作为新草稿导入' }).waitFor();
  assert.equal((await exportTxt(pageA)).toString('utf8'), fs.readFileSync(other, 'utf8'));
  await pageA.close();
});

test('a .docx for a colleague names its version: edited in Word with 修订, it merges three-way with the notice', async () => {
  const page = await seedDraft();
  const sent = await exportAs(page, '导出 Word（.docx）', 'a-sent.docx');
  const files = unzipSync(new Uint8Array(fs.readFileSync(sent)));
  assert.ok(files['docProps/custom.xml'], 'the version sent is in the custom properties');
  // The colleague's tracked insertion at the end of 二、's third item.
  const xml = strFromU8(files['word/document.xml']);
  const at = xml.indexOf('</w:p>', xml.indexOf('实际成效不够理想'));
  assert.ok(at > 0);
  files['word/document.xml'] = strToU8(`${xml.slice(0, at)}<w:ins w:id="9001" w:author="同事" w:date="2024-01-05T09:00:00Z"><w:r><w:t>群众获得感不强。</w:t></w:r></w:ins>${xml.slice(at)}`);
  const edited = path.join(OUT, 'colleague-tracked.docx');
  fs.writeFileSync(edited, zipSync(files));

  await editItem(page, '四、', 1, ...A_PART);
  await page.getByRole('button', { name: '合并同事的修改' }).click();
  await page.getByLabel('选择对方的文件').setInputFiles(edited);
  await page.getByRole('heading', { name: /^与发出时的版本相比，对方在“colleague-tracked\.docx”中修改了 1 个部分。/ }).waitFor();
  await page.getByTestId('merge-note').filter({ hasText: '对方的文件：文档含有修订痕迹，已按“接受全部修订”后的文字导入，请核对。' }).waitFor();
  assert.equal(await page.getByTestId('merge-theirs').count(), 1);
  assert.equal(await page.getByTestId('merge-mine').count(), 1, 'my edit since sending is mine');
  await page.getByTestId('merge-theirs').getByRole('radio', { name: /^采纳/ }).check();
  await page.getByRole('button', { name: '合并', exact: true }).click();
  await page.getByTestId('notice').filter({ hasText: '已合并' }).waitFor();
  assert.equal((await exportTxt(page)).toString('utf8'), seed.replace(...A_PART).replace('实际成效不够理想。', '实际成效不够理想。群众获得感不强。'));
  await page.close();
});
