#!/usr/bin/env bash
# Render the reference report's .docx export with LibreOffice and save page 1
# as a PNG, to check the GB/T 9704 layout by eye.
# Needs: apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk
# Usage: scripts/docx-preview.sh [OUT_DIR]   (default /tmp/fzbg-docx-preview)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/fzbg-docx-preview}"
mkdir -p "$out"
cargo run -q --example seed_docx -- "$out/seed.docx" --title
# The 公文 fonts are not on Linux; map them to Noto CJK for the preview.
export FONTCONFIG_FILE="$PWD/scripts/docx-preview-fonts.conf"
soffice --headless --convert-to pdf --outdir "$out" "$out/seed.docx" >/dev/null
pdfinfo "$out/seed.pdf" | grep -E '^(Pages|Page size)'
pdffonts "$out/seed.pdf"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$out/seed.pdf" "$out/seed-page1"
echo "page 1: $out/seed-page1.png"
