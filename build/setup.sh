#!/usr/bin/env bash
# Installs what Edition needs on a fresh Debian machine (run as root, or with sudo available).
# Idempotent: packages already present are skipped quickly.
set -euo pipefail

packages=(
  wbritish          # /usr/share/dict/british-english: the word list behind hyphenation and split-word evidence
  hyphen-en-gb      # /usr/share/hyphen/hyph_en_GB.dic: Liang patterns for the typesetter
  pandoc            # tests check that the Markdown edition reads without warnings
  poppler-utils     # pdftotext/pdffonts/pdfimages for the PDF and scan paths
  fonts-ebgaramond-extra
  chromium
  jing              # validates the TEI edition against the TEI P5 schema (tests)
  epubcheck         # validates the EPUB edition (tests)
  tesseract-ocr tesseract-ocr-eng libtesseract5 liblept5   # in-process OCR of page images (libtesseract.so.5, liblept.so.5)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET SDK (10.0) is required: install the 'dotnet-sdk-10.0' package, then run this again." >&2
  exit 1
fi
