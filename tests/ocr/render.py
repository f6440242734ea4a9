"""Label images and PDF artwork rendered from known lists, for the OCR tests.

Each fixture is a known text (what the pack says) drawn the way packs and photos show it: a
font and size, wrapped to a panel width, then optionally rotated a little and blurred, or set
in two columns beside other pack text. The text is the truth the recognized list is compared
with. Fonts are Debian's (fonts-dejavu-core, fonts-liberation, fonts-noto-cjk), which
scripts/test.sh installs.
"""

from __future__ import annotations

import dataclasses
import pathlib

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONTS = {
    "dejavu-sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "dejavu-serif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "liberation-sans": "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "liberation-serif": "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "liberation-narrow": "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
    "noto-cjk": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
}

RETINOL = (
    "INGREDIENTS: AQUA/WATER/EAU, GLYCERIN, DIMETHICONE, SQUALANE, CETEARYL ALCOHOL, "
    "NIACINAMIDE, RETINOL, TOCOPHEROL, ACRYLATES/C10-30 ALKYL ACRYLATE CROSSPOLYMER, "
    "SODIUM HYALURONATE, PANTHENOL, ALLANTOIN, CERAMIDE NP, CHOLESTEROL, PHENOXYETHANOL, "
    "ETHYLHEXYLGLYCERIN, SODIUM HYDROXIDE, DISODIUM EDTA, BHT, CITRIC ACID."
)
FLAGSHIP = (
    "Ingredients: Aqua/Water/Eau, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned "
    "Media, Isopropyl Myristate, Butyrospermum Parkii (Shea) Butter, 1,2-Hexanediol, "
    "Niacinamide 5%, Parfum (Fragrance), Linalool, Titanium Dioxide (nano)."
)
CREAM = (
    "Ingredients: Aqua, Caprylic/Capric Triglyceride, Glycerin, Cetearyl Alcohol, Butylene "
    "Glycol, Simmondsia Chinensis Seed Oil, Glyceryl Stearate, PEG-100 Stearate, Tocopheryl "
    "Acetate, Xanthan Gum, Sodium Benzoate, Potassium Sorbate, Citric Acid, Parfum, Limonene."
)
FRENCH = (
    "Crème hydratante. Ingrédients : Aqua (Eau), Glycerin, Cetearyl Alcohol, Simmondsia "
    "Chinensis (Jojoba) Seed Oil, Butyrospermum Parkii (Shea) Butter, Tocopherol, Xanthan Gum, "
    "Parfum (Fragrance), Linalool. Mode d'emploi : appliquer matin et soir sur le visage et le "
    "cou. Éviter le contour des yeux. Fabriqué en France."
)
KOREAN = (
    "전성분: 정제수, 부틸렌글라이콜, 글리세린, 인체지방줄기세포배양액, 나이아신아마이드, "
    "판테놀, 아데노신, 향료"
)
DIRECTIONS = (
    "Directions: after cleansing, apply two drops to the face and neck, morning and evening. "
    "Avoid contact with eyes. For external use only. Keep out of reach of children. "
    "Made in Korea. 30 ml e 1.01 fl. oz."
)


@dataclasses.dataclass(frozen=True)
class Fixture:
    """One rendered label: its name, the text drawn, and how it was drawn."""

    name: str
    text: str
    font: str
    size: int
    width: int = 1000
    rotate: float = 0.0
    blur: float = 0.0
    columns: bool = False
    # Ink and paper greys: a faded print or a dim photo (0 black, 255 white).
    ink: int = 20
    paper: int = 255
    degraded: bool = False
    # Lines may break after a hyphen inside a name (`PEG-` / `100 Stearate`), as artwork does.
    hyphens: bool = False
    lang: str = "en"


FIXTURES = [
    Fixture("retinol-dejavu-28", RETINOL, "dejavu-sans", 28),
    Fixture("flagship-liberation-serif-24", FLAGSHIP, "liberation-serif", 24),
    Fixture("cream-liberation-sans-20", CREAM, "liberation-sans", 20, width=900),
    Fixture("cream-narrow-14", CREAM, "liberation-narrow", 14, width=520),
    Fixture("retinol-hyphenated", RETINOL, "liberation-sans", 24, width=520, hyphens=True),
    Fixture("flagship-two-columns", FLAGSHIP, "dejavu-sans", 22, width=1400, columns=True),
    Fixture("french-dejavu-serif-24", FRENCH, "dejavu-serif", 24, lang="en,fr"),
    Fixture("korean-noto-28", KOREAN, "noto-cjk", 28, width=900, lang="ko"),
    Fixture("retinol-rotated-blurred", RETINOL, "dejavu-sans", 26, rotate=2.0, blur=1.2, degraded=True),
    Fixture("cream-small-blurred", CREAM, "liberation-sans", 13, width=560, blur=0.8, degraded=True),
    Fixture(
        "flagship-dim-tilted", FLAGSHIP, "liberation-sans", 18, width=700, rotate=4.0, blur=1.0,
        ink=110, paper=185, degraded=True,
    ),
]


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, hyphens: bool = False) -> list[str]:
    """Greedy word wrap to `width` pixels; with `hyphens`, a line may also end after a hyphen
    inside a word (`PEG-` / `100`)."""
    lines: list[str] = []
    line = ""
    words = text.split(" ")
    if hyphens:
        words = [part for w in words for part in hyphen_parts(w)]
    for word in words:
        if word.startswith("\0"):
            # The rest of a word broken at a hyphen: no space before it on the same line.
            rest = word[1:]
            if font.getlength(line + rest) <= width:
                line += rest
            else:
                lines.append(line)
                line = rest
            continue
        candidate = f"{line} {word}".strip()
        if font.getlength(candidate) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def hyphen_parts(word: str) -> list[str]:
    """`C10-30` -> [`C10-`, `\\030`]: a hyphen inside a word may end a line; `\\0` marks a part
    that continues the word before it."""
    parts = word.split("-")
    out = [parts[0] + ("-" if len(parts) > 1 else "")]
    for k, p in enumerate(parts[1:], start=1):
        out.append("\0" + p + ("-" if k < len(parts) - 1 else ""))
    return out


def draw_block(
    text: str, font: ImageFont.FreeTypeFont, width: int, hyphens: bool = False, ink: int = 20, paper: int = 255
) -> Image.Image:
    lines = wrap(text, font, width, hyphens)
    ascent, descent = font.getmetrics()
    step = int((ascent + descent) * 1.25)
    image = Image.new("L", (width + 40, step * len(lines) + 40), paper)
    pen = ImageDraw.Draw(image)
    for k, line in enumerate(lines):
        pen.text((20, 20 + k * step), line, font=font, fill=ink)
    return image


def render(f: Fixture) -> Image.Image:
    font = ImageFont.truetype(FONTS[f.font], f.size)
    if f.columns:
        # Two columns: the directions on the left, the ingredient list on the right.
        half = f.width // 2 - 40
        left = draw_block(DIRECTIONS, font, half)
        right = draw_block(f.text, font, half)
        image = Image.new("L", (f.width + 80, max(left.height, right.height)), 255)
        image.paste(left, (0, 0))
        image.paste(right, (half + 80, 0))
    else:
        image = draw_block(f.text, font, f.width, f.hyphens, f.ink, f.paper)
    if f.rotate:
        image = image.rotate(f.rotate, resample=Image.BICUBIC, expand=True, fillcolor=f.paper)
    if f.blur:
        image = image.filter(ImageFilter.GaussianBlur(f.blur))
    return image.convert("RGB")


def write_all(folder: pathlib.Path) -> dict[str, pathlib.Path]:
    """Every fixture as a PNG in `folder` (JPEG for the degraded ones: a photo's format)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for f in FIXTURES:
        path = folder / (f"{f.name}.jpg" if f.degraded else f"{f.name}.png")
        image = render(f)
        if f.degraded:
            image.save(path, quality=70)
        else:
            image.save(path)
        out[f.name] = path
    return out


def write_pdf(path: pathlib.Path) -> None:
    """PDF artwork with its text as text, written by reportlab: a front page (brand, claims)
    and a back page whose ingredient list is wrapped over several lines."""
    from reportlab.lib.pagesizes import A6
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", FONTS["dejavu-sans"]))
    c = canvas.Canvas(str(path), pagesize=A6)
    width, height = A6
    c.setFont("DejaVu", 16)
    c.drawString(30, height - 60, "Stem Cell Renewal Ampoule")
    c.setFont("DejaVu", 9)
    c.drawString(30, height - 80, "30 ml / 1.01 fl. oz.")
    c.showPage()
    c.setFont("DejaVu", 7)
    font = ImageFont.truetype(FONTS["dejavu-sans"], 7)
    y = height - 40
    for line in wrap(FLAGSHIP, font, int(width - 60)):
        c.drawString(30, y, line)
        y -= 10
    y -= 10
    for line in wrap(DIRECTIONS, font, int(width - 60)):
        c.drawString(30, y, line)
        y -= 10
    c.showPage()
    c.save()


def write_image_pdf(path: pathlib.Path) -> None:
    """PDF artwork whose list has no text, only pixels (as when fonts are outlined): a
    rendered label saved as a PDF page by Pillow."""
    render(FIXTURES[1]).save(path, resolution=150)
