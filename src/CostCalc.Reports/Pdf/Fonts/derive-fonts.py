#!/usr/bin/python3
"""Derives the PDF's two font files from Liberation Sans 2.1.5 (SIL OFL 1.1, see OFL.txt).

Skia's PDF backend (SkiaSharp 3.119) embeds whole font files, and Liberation Sans 2.1.5 is
~410 KB per face, which alone would put every PDF over its 300 KB budget and spend most of the
render time deflating glyphs no report uses. So we ship a subset: Latin, the punctuation,
arrows and maths signs the report prints, no TrueType hinting. Under the OFL a subset is a
Modified Version, and "Liberation" is a Reserved Font Name, so the derived family is renamed
"CostCalc Sans"; the copyright notices and the licence stay with it.

Run from this folder after `apt-get install fonts-liberation2 python3-fonttools`:
    /usr/bin/python3 derive-fonts.py
"""
from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = "/usr/share/fonts/truetype/liberation2/LiberationSans-{}.ttf"
FACES = {"Regular": "CostCalcSans-Regular.ttf", "Bold": "CostCalcSans-Bold.ttf"}

UNICODES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x017F),  # Latin-1 Supplement, Latin Extended-A
    (0x0192, 0x0192), (0x02C6, 0x02DC),
    (0x0394, 0x0394), (0x03A3, 0x03A3), (0x03A9, 0x03A9), (0x03BC, 0x03BC),  # Δ Σ Ω μ
    (0x2010, 0x2027), (0x2030, 0x203A), (0x2044, 0x2044),  # dashes, quotes, bullet, ellipsis, per mille
    (0x20AC, 0x20AC), (0x2116, 0x2116), (0x2122, 0x2122),  # € № ™
    (0x2190, 0x2195),  # arrows
    (0x2202, 0x2202), (0x2206, 0x2206), (0x2211, 0x2212), (0x2215, 0x2215), (0x2219, 0x221A), (0x221E, 0x221E),
    (0x2248, 0x2248), (0x2260, 0x2260), (0x2264, 0x2265),  # ≈ ≠ ≤ ≥
    (0x25A0, 0x25A1), (0x25AA, 0x25AB), (0x25CF, 0x25CF),  # squares and dots for legends
]

# Names that carry the family name; copyright (0), trademark (7) and licence (13, 14) are kept as they are.
RENAMED_IDS = {1, 3, 4, 6, 16, 17, 18, 21, 22}


def derive(face, target):
    options = subset.Options()
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk"]
    font = TTFont(SOURCE.format(face))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[u for lo, hi in UNICODES for u in range(lo, hi + 1)])
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in RENAMED_IDS:
            text = record.toUnicode().replace("Liberation Sans", "CostCalc Sans").replace("LiberationSans", "CostCalcSans")
            record.string = text
    font["name"].setName(
        "CostCalc Sans is a subset of Liberation Sans 2.1.5 (SIL OFL 1.1), renamed as the OFL requires.", 10, 3, 1, 0x409)
    font.save(target)


for face, target in FACES.items():
    derive(face, target)
    print(target)
