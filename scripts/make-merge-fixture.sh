#!/usr/bin/env bash
# Remake tests/fixtures/merge/ (see tests/fixtures/README.md): a .docx the app
# exported for a colleague, edited and saved again by LibreOffice Writer, which
# must still name the draft and revision it was made from (issue #28).
#   1. sent.fzbg.json: the seed report as a share file (`fzbg export --to share`);
#      its `base` names the draft and revision the .docx is made from.
#   2. sent.docx: that share file exported as .docx (`fzbg export --to docx`), with
#      the base in its custom properties (docProps/custom.xml, FzbgBase*).
#   3. the colleague's edit, made in the document's XML (营造良好氛围 → 营造浓厚氛围,
#      专题法治培训3次 → 5次), then opened and saved by LibreOffice headless:
#      colleague-libreoffice.docx (zip timestamps fixed, so a rerun is byte-identical).
# The files are committed; the test command never runs this script.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir=tests/fixtures/merge
mkdir -p "$dir"

if ! command -v soffice >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui
fi

cargo build --offline --bin fzbg
fzbg="${CARGO_TARGET_DIR:-target}/debug/fzbg"
"$fzbg" export tests/fixtures/seed/000_7470bc842f3634e7.txt --to share -o "$dir/sent.fzbg.json"
"$fzbg" export "$dir/sent.fzbg.json" --to docx -o "$dir/sent.docx"

profile="$(mktemp -d)"
work="$(mktemp -d)"
trap 'rm -rf "$profile" "$work"' EXIT
python3 - "$dir/sent.docx" "$work/colleague-libreoffice.docx" <<'PY'
import sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as z:
    entries = [(i, z.read(i.filename)) for i in z.infolist()]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for info, data in entries:
        if info.filename == "word/document.xml":
            text = data.decode("utf-8")
            for old, new in [("营造良好氛围", "营造浓厚氛围"), ("全年共开展专题法治培训3次", "全年共开展专题法治培训5次")]:
                assert text.count(old) == 1, old
                text = text.replace(old, new)
            data = text.encode("utf-8")
        z.writestr(info, data)
PY
mkdir "$work/out"
soffice -env:UserInstallation="file://$profile" --headless --convert-to docx:"MS Word 2007 XML" \
  --outdir "$work/out" "$work/colleague-libreoffice.docx" >/dev/null 2>&1 || true
[[ -s "$work/out/colleague-libreoffice.docx" ]] || { echo "LibreOffice did not write the .docx" >&2; exit 1; }
mv -f "$work/out/colleague-libreoffice.docx" "$dir/colleague-libreoffice.docx"
python3 scripts/make_docx_corpus.py --normalize "$dir/colleague-libreoffice.docx"
unzip -p "$dir/colleague-libreoffice.docx" docProps/custom.xml | grep -q FzbgBaseRevision \
  || { echo "LibreOffice dropped the custom properties" >&2; exit 1; }
echo "merge fixture: $(ls "$dir" | tr '\n' ' ')"
