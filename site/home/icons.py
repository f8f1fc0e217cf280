"""The site's mark, drawn from its geometry: Semeru's cone behind the flat-topped caldera rim of Bromo, on the
site's accent colour. One drawing, two outputs: an SVG (the favicon and the manifest's scalable icon) and the
PNG sizes phones and the web app manifest ask for, drawn with Pillow.

The PNGs in `static/site/icons/` are what `write_icons()` draws; a test draws them again and compares, so
the files never drift from this code. Run `python -m home.icons` (from `site/`) after changing the drawing.
"""

from pathlib import Path

ACCENT = "#8a3b12"  # --accent of site.css
PAPER = "#fbfaf7"  # --paper
ASH = "#e8c9a9"  # the far cone, lighter than the near rim
SIZES = (32, 180, 192, 512)
FOLDER = Path(__file__).resolve().parent / "static" / "site" / "icons"

# On a 100 × 100 canvas; everything inside the central 80 % (the "maskable" safe zone).
SEMERU = [(32, 74), (58, 22), (84, 74)]
BROMO = [(14, 76), (32, 48), (46, 48), (52, 56), (58, 48), (70, 48), (88, 76)]
GROUND = (12, 74, 88, 80)  # x0, y0, x1, y1


def svg() -> str:
    def points(shape):
        return " ".join(f"{x},{y}" for x, y in shape)

    x0, y0, x1, y1 = GROUND
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" rx="18" fill="{ACCENT}"/>'
        f'<polygon points="{points(SEMERU)}" fill="{ASH}"/>'
        f'<polygon points="{points(BROMO)}" fill="{PAPER}"/>'
        f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" fill="{PAPER}"/>'
        "</svg>\n"
    )


def png(size: int):
    """The mark as a Pillow image of `size` × `size` pixels (drawn 4× larger, then reduced: smooth edges)."""
    from PIL import Image, ImageDraw

    scale = size * 4 / 100
    image = Image.new("RGB", (size * 4, size * 4), ACCENT)
    draw = ImageDraw.Draw(image)

    def at(shape):
        return [(x * scale, y * scale) for x, y in shape]

    draw.polygon(at(SEMERU), fill=ASH)
    draw.polygon(at(BROMO), fill=PAPER)
    x0, y0, x1, y1 = GROUND
    draw.rectangle([x0 * scale, y0 * scale, x1 * scale, y1 * scale], fill=PAPER)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_icons(folder: Path = FOLDER) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / "mark.svg"]
    written[0].write_text(svg())
    for size in SIZES:
        path = folder / f"icon-{size}.png"
        png(size).save(path, optimize=True)
        written.append(path)
    return written


if __name__ == "__main__":
    import sys

    sys.stdout.writelines(f"{path}\n" for path in write_icons())
