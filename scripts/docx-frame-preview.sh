#!/usr/bin/env bash
# Render a report with the 公文's frame (examples/framed_docx.rs) with
# LibreOffice, sealed and unsealed, measure where the frame's lines land on
# the page and compare with GB/T 9704-2012 (issue #24): the 主送机关 at the
# text area's left edge (7.3.2) within 1 mm; the 署名 and 成文日期 within
# 2 mm of where 7.3.5.1 (加盖印章) and 7.3.5.2 (不加盖印章) put them; the
# title's lines as broken (7.3.1). Saves the pages with the frame as PNG.
# Exit status 1 when a position is outside its tolerance.
#
# With --fixtures the measurements and the document.xml they were made from
# are written to tests/fixtures/docx-frame-measured/, and page PNGs to
# docs/screenshots/: tests/docx_frame_measured.rs then checks the figures
# without an office suite, and that the writer still makes that document.
#
# Needs: apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-liberation
# (Liberation Serif has Times New Roman's widths; the digits are measured with it.)
# Usage: scripts/docx-frame-preview.sh [--fixtures] [OUT_DIR]   (default /tmp/fzbg-frame-preview)
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=""
if [ "${1:-}" = "--fixtures" ]; then fixtures=tests/fixtures/docx-frame-measured; shift; fi
out="${1:-/tmp/fzbg-frame-preview}"
mkdir -p "$out"
export FONTCONFIG_FILE="$PWD/scripts/docx-preview-fonts.conf"
status=0
for seal in unsealed sealed; do
  cargo run -q --example framed_docx -- "$out/framed-$seal.docx" "--$seal" >/dev/null
  soffice --headless --convert-to pdf --outdir "$out" "$out/framed-$seal.docx" >/dev/null 2>&1
  pdftotext -bbox-layout "$out/framed-$seal.pdf" "$out/framed-$seal.html"
  pages=$(pdfinfo "$out/framed-$seal.pdf" | awk '/^Pages/ {print $2}')
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$out/framed-$seal.pdf" "$out/framed-$seal-page1"
  pdftoppm -png -r 80 -f "$pages" -l "$pages" -singlefile "$out/framed-$seal.pdf" "$out/framed-$seal-last"
  python3 - "$out/framed-$seal.html" "$seal" "$out/framed-$seal.measured.tsv" <<'PY' || status=1
import re, sys
html, seal, tsv = sys.argv[1], sys.argv[2], sys.argv[3]
PT = 25.4 / 72                      # mm per point
LEFT, RIGHT = 28.0, 210.0 - 26.0    # the text area (docx_write.rs): 28 mm and 26 mm margins
CHAR = 15.75 * PT                   # one 三号 character with -0.25 pt spacing, mm
LINE = 28.95 * PT                   # one line, mm
lines = []                          # (page, text, x_min, x_max, y_min) in mm
page = 0
for block in re.split(r'(?=<page )|(?=<line )', open(html, encoding='utf-8').read()):
    if block.startswith('<page '):
        page += 1
        continue
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', block)
    if words:
        text = ''.join(w[3] for w in words)
        lines.append((page, text, float(words[0][0]) * PT, float(words[-1][2]) * PT, float(words[0][1]) * PT))
def find(pred, what):
    hits = [l for l in lines if pred(l[1])]
    if not hits:
        sys.exit(f'{seal}: {what} not found on the rendered pages')
    return hits[-1]
rows, fails = [], []
def check(name, got, want, tol, unit='mm'):
    ok = abs(got - want) <= tol
    print(f'  {name:<44} {got:7.2f} {unit}   standard {want:7.2f} {unit}   {"ok" if ok else "OUT OF TOLERANCE"} (±{tol} {unit})')
    rows.append(f'{name}\t{got:.2f}\t{want:.2f}\t{tol}\t{unit}')
    if not ok:
        fails.append(name)
print(f'{seal}:')
a = find(lambda t: t == '区人民政府：', '主送机关')
number = find(lambda t: t == '临司〔2026〕5号', '发文字号')
title = [l[1] for l in lines if l[0] == 1 and number[4] < l[4] < a[4]]
print('  title lines: ' + ' / '.join(title))
check('主送机关 left edge from the text area (7.3.2)', a[2] - LEFT, 0.0, 1.0)
s = find(lambda t: t == '青石市临溪区司法局', '署名')
d = find(lambda t: t == '2026年2月26日', '成文日期')
print(f'  署名 page {s[0]}, x {s[2]:.2f}–{s[3]:.2f} mm; 成文日期 x {d[2]:.2f}–{d[3]:.2f} mm')
check('成文日期 one line below the 署名', (d[4] - s[4]) / LINE, 1.0, 0.05, 'lines')
if seal == 'unsealed':
    check('署名 right space, 右空二字 (7.3.5.2)', RIGHT - s[3], 2 * CHAR, 2.0)
    check('成文日期 first char right of 署名 first char (7.3.5.2)', d[2] - s[2], 2 * CHAR, 2.0)
    check('blank lines between the text and the 署名 (7.3.5.2)', (s[4] - find(lambda t: t.startswith('2．行政执法'), '附件')[4]) / LINE - 1, 1.0, 0.05, 'lines')
else:
    check('成文日期 right space, 右空四字 (7.3.5.1)', RIGHT - d[3], 4 * CHAR, 2.0)
    check('署名 centre from 成文日期 centre (7.3.5.1)', (s[2] + s[3]) / 2 - (d[2] + d[3]) / 2, 0.0, 2.0)
    check('blank lines between the text and the 署名 (room for the seal)', (s[4] - find(lambda t: t.startswith('2．行政执法'), '附件')[4]) / LINE - 1, 2.0, 0.05, 'lines')
with open(tsv, 'w', encoding='utf-8') as f:
    f.write(f'# {seal}: LibreOffice rendering of examples/framed_docx.rs, scripts/docx-frame-preview.sh --fixtures\n')
    f.write('title lines\t' + ' / '.join(title) + '\n')
    f.write('measure\tgot\tstandard\ttolerance\tunit\n')
    f.write('\n'.join(rows) + '\n')
sys.exit(1 if fails else 0)
PY
  if [ -n "$fixtures" ]; then
    mkdir -p "$fixtures"
    cp "$out/framed-$seal.measured.tsv" "$fixtures/$seal.measured.tsv"
    unzip -p "$out/framed-$seal.docx" word/document.xml > "$fixtures/$seal.document.xml"
  fi
done
if [ -n "$fixtures" ]; then
  cp "$out/framed-sealed-last.png" docs/screenshots/docx-frame-sealed.png
  cp "$out/framed-unsealed-page1.png" docs/screenshots/docx-frame-page1.png
fi
echo "pages: $out/framed-unsealed-page1.png $out/framed-unsealed-last.png $out/framed-sealed-last.png"
exit $status
