#!/bin/sh
# Regenerate the translation sources from reader/gui, then compile them to .qm.
#   resources/translations/update.sh
# jiaokan_zh_CN.ts holds every string (translate the new ones, e.g. with pyside6-linguist);
# jiaokan_en.ts holds only the plural forms English needs ("1 file" / "2 files").
set -eu
cd "$(dirname "$0")/../.."
BIN=${PYSIDE6_BIN:-.venv/bin}
OUT=resources/translations
SOURCES=$(find reader/gui -name '*.py' | sort)
# shellcheck disable=SC2086  # one argument per source file
"$BIN/pyside6-lupdate" -locations relative -no-obsolete -source-language en -target-language zh_CN \
    $SOURCES -ts "$OUT/jiaokan_zh_CN.ts"
# shellcheck disable=SC2086
"$BIN/pyside6-lupdate" -locations relative -no-obsolete -pluralonly -source-language en -target-language en \
    $SOURCES -ts "$OUT/jiaokan_en.ts"
"$BIN/pyside6-lrelease" -silent "$OUT/jiaokan_zh_CN.ts" "$OUT/jiaokan_en.ts"
