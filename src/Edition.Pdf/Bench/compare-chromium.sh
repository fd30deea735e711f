#!/usr/bin/env bash
# Times Chromium's print-to-PDF on the same text as the typeset edition, for comparison with
# PdfBench: the Markdown edition through pandoc to HTML (EB Garamond, 5.5 x 8.5 in, justified,
# hyphenated by the browser), printed N times; then the same HTML with its body repeated COPIES
# times (about 1,000 pages). Needs chromium and pandoc (apt-get install chromium pandoc).
# usage: compare-chromium.sh editions/BOOK/BOOK.md [runs] [copies]
set -euo pipefail
md=$1; runs=${2:-3}; copies=${3:-28}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fonts=/usr/share/fonts/truetype/ebgaramond
cat > "$work/style.css" <<CSS
@font-face { font-family: "EB Garamond"; src: url("file://$fonts/EBGaramond12-Regular.ttf"); }
@font-face { font-family: "EB Garamond"; font-style: italic; src: url("file://$fonts/EBGaramond12-Italic.ttf"); }
@page { size: 5.5in 8.5in; margin: 0.78in 0.89in 0.89in 0.69in; }
body { font-family: "EB Garamond"; font-size: 11pt; line-height: 13.5pt; text-align: justify; hyphens: auto;
       font-variant-numeric: oldstyle-nums; font-kerning: normal; orphans: 2; widows: 2; }
p { margin: 0; text-indent: 1em; } h1, h2 { text-align: center; font-weight: normal; break-after: avoid; }
h1 { break-before: page; font-size: 12.5pt; letter-spacing: 0.06em; } h2 { font-style: italic; font-size: 11.5pt; }
.footnotes { font-size: 8.5pt; line-height: 10.5pt; }
CSS
pandoc "$md" -s --metadata lang=en-GB -c "$work/style.css" -o "$work/one.html" 2>/dev/null
python3 - "$work/one.html" "$work/book.html" "$copies" <<'PY'
import sys, re
html = open(sys.argv[1], encoding='utf-8').read()
m = re.search(r'(<body[^>]*>)(.*)(</body>)', html, re.S)
body = m.group(2)
open(sys.argv[2], 'w', encoding='utf-8').write(html[:m.start(2)] + body * int(sys.argv[3]) + html[m.end(2):])
PY
print() {
  local html=$1 out=$2
  local t0=$(date +%s%N)
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out" "file://$html" >/dev/null 2>&1
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
print "$work/one.html" "$work/one.pdf" >/dev/null  # warm the disk cache
one=$(for i in $(seq "$runs"); do print "$work/one.html" "$work/one.pdf"; done | median)
pages=$(pdfinfo "$work/one.pdf" | awk '/^Pages:/ {print $2}')
echo "chromium, one copy: ${one} ms median of $runs, $pages pages"
book=$(print "$work/book.html" "$work/book.pdf")
bpages=$(pdfinfo "$work/book.pdf" | awk '/^Pages:/ {print $2}')
echo "chromium, $copies copies: ${book} ms, $bpages pages, $(( bpages * 1000 / (book > 0 ? book : 1) )) pages/s"
