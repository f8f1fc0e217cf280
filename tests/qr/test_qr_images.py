"""QR images: what a phone reads from them, and how they are cached."""

import io

import pytest
import segno
from PIL import Image
from qr_decoding import BASE, decode_png, decode_svg


@pytest.mark.parametrize("query", ["", "?ec=H", "?ec=l&size=300", "?size=2048&ec=q"])
def test_every_svg_reads_back_as_exactly_the_short_link(client, codes, query):
    for code in codes.values():
        response = client.get(f"/q/{code}.svg{query}")
        assert response.status_code == 200
        assert response["Content-Type"] == "image/svg+xml"
        assert decode_svg(response.content) == [f"{BASE}/q/{code}"]


@pytest.mark.parametrize("query", ["", "?ec=H", "?size=200", "?size=1024&ec=H"])
def test_every_png_reads_back_as_exactly_the_short_link(client, codes, query):
    for code in codes.values():
        response = client.get(f"/q/{code}.png{query}")
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert decode_png(response.content) == [f"{BASE}/q/{code}"]


def test_the_error_correction_is_the_one_asked_for(client, badut_code):
    from plaques.images import qr_for_code

    assert qr_for_code(badut_code).error == "M"
    assert qr_for_code(badut_code, "H").error == "H"
    # The SVG endpoint encodes the same symbol as segno would for the short link at that level.
    expected = segno.make_qr(f"{BASE}/q/{badut_code}", error="h", boost_error=False)
    svg = client.get(f"/q/{badut_code}.svg?ec=H").content.decode()
    assert f'viewBox="0 0 {expected.symbol_size()[0]} {expected.symbol_size()[1]}"' in svg


def test_the_png_fits_the_requested_size(client, badut_code):
    for size in (64, 300, 512, 2048):
        image = Image.open(io.BytesIO(client.get(f"/q/{badut_code}.png?size={size}").content))
        assert image.width == image.height <= size
        assert image.width > size * 0.5 or size == 64
    svg = client.get(f"/q/{badut_code}.svg?size=300").content.decode()
    assert 'width="300" height="300"' in svg


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("size=abc", b"size"),
        ("size=99999", b"size"),
        ("size=10", b"size"),
        ("size=-5", b"size"),
        ("size=1e3", b"size"),
        ("size=" + "9" * 4000, b"size"),
        ("ec=X", b"ec"),
        ("ec=%00", b"ec"),
        ("ec=HH", b"ec"),
    ],
)
def test_a_bad_image_parameter_answers_400_naming_it(client, badut_code, query, parameter):
    for kind in ("svg", "png"):
        response = client.get(f"/q/{badut_code}.{kind}?{query}")
        assert response.status_code == 400
        assert parameter in response.content


def test_an_unknown_code_has_no_image(client, sample_site):
    assert client.get("/q/ZZZZZ.svg").status_code == 404
    assert client.get("/q/ZZZZZ.png").status_code == 404


def test_images_are_deterministic_and_cacheable_with_an_etag(client, badut_code):
    first = client.get(f"/q/{badut_code}.svg?ec=H")
    second = client.get(f"/q/{badut_code}.svg?ec=H")
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]
    assert "public" in first["Cache-Control"] and "max-age=2592000" in first["Cache-Control"]
    revalidated = client.get(f"/q/{badut_code}.svg?ec=H", headers={"if-none-match": first["ETag"]})
    assert revalidated.status_code == 304
    other = client.get(f"/q/{badut_code}.svg?ec=M")
    assert other["ETag"] != first["ETag"]
    png = client.get(f"/q/{badut_code}.png")
    assert png["ETag"] and client.get(f"/q/{badut_code}.png").content == png.content


def test_images_are_served_for_lower_case_codes_and_as_downloads(client, badut_code):
    response = client.get(f"/q/{badut_code.lower()}.png?download=1")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="qr-{badut_code}.png"'
    assert decode_png(response.content) == [f"{BASE}/q/{badut_code}"]


def test_fetching_an_image_is_not_a_scan(client, badut_code):
    from plaques.models import ScanCount

    client.get(f"/q/{badut_code}.svg")
    client.get(f"/q/{badut_code}.png")
    assert not ScanCount.objects.exists()
