// End to end (issue #24): a 街道's quick start suggests the 主送机关 from its
// kind, signs with the unit's name and takes a 成文日期; the title card edits
// them (a date that is no date is refused, with what to write, and the draft
// keeps its last good value); the exported .docx carries the 主送机关 顶格
// under the title and the 署名 and 成文日期 in their places, unsealed and
// sealed (GB/T 9704-2012 §7.3.2, §7.3.5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { freshApp, OUT, useBrowser } from './harness.mjs';

const app = useBrowser();

const UNIT = '青石市临溪区东门街道办事处';

/** The pPr of the last paragraph whose whole text is `text` (the title may start with the unit too). */
function pPr(xml, text) {
  const at = xml.lastIndexOf(`>${text}</w:t>`);
  assert.ok(at > 0, `${text} in document.xml`);
  const p = xml.lastIndexOf('<w:p>', at);
  const para = xml.slice(p, at);
  const s = para.indexOf('<w:pPr>');
  return s < 0 ? '' : para.slice(s, para.indexOf('</w:pPr>'));
}

async function exportDocx(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Word（.docx）' }).click(),
  ]);
  const bytes = fs.readFileSync(await download.path());
  return strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']);
}

test('a 街道 quick start suggests the 主送机关, takes a 成文日期, and the .docx carries both in place', async () => {
  const page = await freshApp(app.context, app.server.url);
  await page.getByRole('heading', { name: '开始撰写法治政府建设年度报告' }).waitFor();
  const addressee = page.getByRole('textbox', { name: '主送机关', exact: true });
  await page.getByRole('textbox', { name: '单位名称', exact: true }).fill(UNIT);
  // The suggestion follows the kind: a government reports to the one above
  // it, a 街道 to its district's.
  await page.getByRole('radio', { name: '县级以上地方政府' }).check();
  assert.equal(await addressee.inputValue(), '青石市人民政府');
  await page.getByRole('radio', { name: '乡镇、街道' }).check();
  assert.equal(await addressee.inputValue(), '青石市临溪区人民政府');
  await page.getByRole('textbox', { name: '报告年度', exact: true }).fill('2025');
  // A date that is no date: the field says what to write, nothing is made.
  const date = page.getByRole('textbox', { name: '成文日期（可选）' });
  await date.fill('下周一');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('start-errors').filter({ hasText: '无法识别日期“下周一”' }).waitFor();
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'date');
  await date.fill('2026年2月26日');
  await page.screenshot({ path: path.join(OUT, 'frame-start.png'), fullPage: true });
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('doc-title').filter({ hasText: `${UNIT}2025年度` }).waitFor();

  // The title card holds the frame.
  assert.equal(await page.getByRole('textbox', { name: '主送机关' }).inputValue(), '青石市临溪区人民政府');
  assert.equal(await page.getByRole('textbox', { name: '发文机关署名' }).inputValue(), UNIT);
  const cardDate = page.getByRole('textbox', { name: '成文日期' });
  assert.equal(await cardDate.inputValue(), '2026年2月26日');
  await cardDate.fill('2026年2月30');
  await cardDate.press('Tab');
  await page.locator('#frame-date-error').filter({ hasText: '2026年2月26日' }).waitFor();
  assert.equal(await cardDate.getAttribute('aria-invalid'), 'true');
  await page.screenshot({ path: path.join(OUT, 'frame-title-card.png'), fullPage: true });
  await cardDate.fill('2026年2月27日');
  await cardDate.press('Tab');
  await page.locator('#frame-date-error').waitFor({ state: 'detached' });

  await page.getByRole('link', { name: '五、其他需要报告的情况' }).click();
  await page.getByRole('textbox', { name: '本部分内容', exact: true }).fill('无');
  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  await page.getByRole('button', { name: '检查并导出' }).click();
  await page.getByTestId('findings-summary').waitFor();
  // The preview shows the frame as the document will.
  const closing = page.getByTestId('gw-closing');
  assert.deepEqual((await closing.allInnerTexts()).map((t) => t.trim()).filter(Boolean), [UNIT, '2026年2月27日']);
  // The right indents apply (the page's CSP blocks style attributes, not the style object).
  const pads = await closing.evaluateAll((els) => els.filter((e) => e.textContent.trim()).map((e) => getComputedStyle(e).paddingRight));
  assert.ok(pads.every((p) => parseFloat(p) > 0), pads.join(' '));
  await page.locator('.gongwen').screenshot({ path: path.join(OUT, 'frame-preview.png') });

  // Unsealed (the default): 主送机关 顶格, 署名右空二字, the date placed by its first character.
  let xml = await exportDocx(page);
  const a = pPr(xml, '青石市临溪区人民政府：');
  assert.match(a, /<w:ind w:left="0" w:firstLineChars="0" w:firstLine="0"\/>/);
  assert.ok(xml.indexOf('青石市临溪区人民政府：') < xml.indexOf('现将'), '主送机关 before the preamble');
  const sig = pPr(xml, UNIT);
  assert.match(sig, /<w:ind w:right="630" w:firstLineChars="0" w:firstLine="0"\/><w:jc w:val="right"\/>/);
  assert.match(pPr(xml, '2026年2月27日'), /<w:ind w:left="\d+" w:firstLineChars="0" w:firstLine="0"\/><w:jc w:val="left"\/>/);
  assert.ok(xml.indexOf('>无</w:t>') < xml.lastIndexOf(`>${UNIT}</w:t>`), '署名 after the last part');

  // Sealed: 成文日期右空四字 (1260 twip), room above for the seal.
  await page.getByRole('radio', { name: /^加盖印章/ }).check();
  await page.locator('.seal-picker').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'frame-seal-picker.png') });
  xml = await exportDocx(page);
  assert.match(pPr(xml, '2026年2月27日'), /<w:ind w:right="1260" w:firstLineChars="0" w:firstLine="0"\/><w:jc w:val="right"\/>/);
  // Two lines above the 署名: the blank line in the text and one more.
  assert.match(pPr(xml, UNIT), /<w:spacing w:before="579"\/>/);
  await page.locator('.gongwen').screenshot({ path: path.join(OUT, 'frame-preview-sealed.png') });
  await page.close();
});
