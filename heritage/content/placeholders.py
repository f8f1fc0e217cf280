"""Placeholder artwork for places without a photograph: the place's name and kind on a plain colour field.

No photographs can be taken or fetched for the bundled content, and a stock photo of the wrong temple is
worse than none; so every place starts with an honest card that says what it is, for editors to replace.
"""

import io

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from heritage.vocabulary import KIND_COLOURS, Kind

SIZE = (1200, 675)
TITLE_PREFIX = "Placeholder: "  # the image title that marks a placeholder (the library shows it to editors)


def _font(size):
    return ImageFont.load_default(size=size)


def _wrap(draw, text, font, width):
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines


def placeholder_png(title: str, kind: str) -> bytes:
    colour = KIND_COLOURS.get(kind, "#334155")
    image = PILImage.new("RGB", SIZE, colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, SIZE[0] - 40, SIZE[1] - 40), outline="#ffffff", width=4)
    label = Kind(kind).label if kind in Kind.values else kind
    draw.text((90, 100), str(label).upper(), fill="#ffffff", font=_font(40))
    y = 190
    for line in _wrap(draw, title, _font(84), SIZE[0] - 180)[:3]:
        draw.text((90, y), line, fill="#ffffff", font=_font(84))
        y += 100
    draw.text((90, SIZE[1] - 130), "Gambar sementara · Placeholder artwork", fill="#f1f5f9", font=_font(34))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def is_placeholder(image) -> bool:
    return image.title.startswith(TITLE_PREFIX)


def placeholder_image(title: str, kind: str):
    """The placeholder image of a place, made once and reused (found again by its title)."""
    Image = get_image_model()
    image_title = f"{TITLE_PREFIX}{title}"
    existing = Image.objects.filter(title=image_title).first()
    if existing:
        return existing
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:60]
    image = Image(
        title=image_title, file=ImageFile(io.BytesIO(placeholder_png(title, kind)), name=f"{slug}.png")
    )
    image.save()
    return image
