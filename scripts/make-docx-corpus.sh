#!/usr/bin/env bash
# Remake the .docx corpus in tests/corpus/docx/ (see its README.md):
#   1. the LibreOffice-written cases: every src/*.fodt and src/*.html converted to NAME.docx
#      by LibreOffice Writer headless (zip timestamps then fixed, so a rerun is byte-identical);
#   2. the hand-built Word/WPS-shaped cases: scripts/make_docx_corpus.py;
#   3. the oracle NAME.lo.txt beside every .docx: LibreOffice's own text export of it, which
#      renders automatic numbering as text (what the user sees), kept exactly as written.
# The .docx files are committed; the test command never runs this script.
# Idempotent. The NAME.expected files are written by hand and are not touched.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir=tests/corpus/docx

if ! command -v soffice >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui
fi

# A private LibreOffice profile: no clash with a running LibreOffice, no user settings.
profile="$(mktemp -d)"
work="$(mktemp -d)"
trap 'rm -rf "$profile" "$work"' EXIT
lo() { soffice -env:UserInstallation="file://$profile" --headless "$@" >/dev/null 2>&1 || true; }

shopt -s nullglob
made=()
for src in "$dir"/src/*.fodt "$dir"/src/*.html; do
  name="$(basename "${src%.*}")"
  if [[ "$src" == *.html ]]; then
    # Writer itself must open the HTML (not Writer/Web), or the export is refused.
    lo --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" --outdir "$work" "$src"
  else
    lo --convert-to docx:"MS Word 2007 XML" --outdir "$work" "$src"
  fi
  [[ -s "$work/$name.docx" ]] || { echo "LibreOffice did not write $name.docx" >&2; exit 1; }
  mv -f "$work/$name.docx" "$dir/$name.docx"
  made+=("$dir/$name.docx")
done
python3 scripts/make_docx_corpus.py --normalize "${made[@]}"

python3 scripts/make_docx_corpus.py "$dir"

for docx in "$dir"/*.docx; do
  name="$(basename "$docx" .docx)"
  rm -f "$work/$name.txt"
  lo --convert-to "txt:Text (encoded):UTF8" --outdir "$work" "$docx"
  if [[ -f "$work/$name.txt" ]]; then
    mv -f "$work/$name.txt" "$dir/$name.lo.txt"
  elif [[ -e "$dir/src/$name.fodt" || -e "$dir/src/$name.html" ]]; then
    echo "LibreOffice could not read its own $name.docx" >&2; exit 1
  else
    # A deliberately broken hand-built file LibreOffice refuses to open: no oracle.
    rm -f "$dir/$name.lo.txt"
    echo "note: LibreOffice refuses $name.docx; no $name.lo.txt"
  fi
done
echo "docx corpus: $(ls "$dir"/*.docx | wc -l) .docx, $(ls "$dir"/*.lo.txt | wc -l) .lo.txt in $dir"
