"""Printable plaques: what a phone reads from the printed page, what a passer-by reads on it, who may print.

Every plaque is rasterised with pypdfium2 and decoded with zxing-cpp, as a phone at the wall would.
"""

import csv
import io
import zipfile

import pytest
from qr_decoding import BASE, decode_image, decode_svg, pdf_page_sizes_mm, pdf_pages, pdf_texts

INVITE_ID = "Pindai untuk kisah tempat ini"
INVITE_EN = "Scan for this place's story"
PAPER_MM = {"A5": (148, 210), "A6": (105, 148)}


def short_address(code):
    return f"{BASE.split('://', 1)[1]}/q/{code}"


def assert_plaque_pages(pdf: bytes, codes: list[str], paper: str) -> None:
    """One page per code, in order: the right paper, the QR reading back the short link, and the short
    address and the invitation in both languages printed in text."""
    assert pdf.startswith(b"%PDF-")
    assert pdf_page_sizes_mm(pdf) == [PAPER_MM[paper]] * len(codes)
    for image, text, code in zip(pdf_pages(pdf), pdf_texts(pdf), codes, strict=True):
        assert decode_image(image) == [f"{BASE}/q/{code}"]
        flat = " ".join(text.split())
        assert short_address(code) in flat
        assert INVITE_ID in flat
        assert INVITE_EN in flat
        assert "Malang Heritage" in flat


@pytest.mark.parametrize("paper", ["A5", "A6"])
def test_an_editor_prints_a_plaque_that_reads_back_as_the_short_link(editor_client, codes, paper):
    for code in codes.values():
        response = editor_client.get(f"/q/{code}/plaque.pdf?size={paper}")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("inline;")
        assert_plaque_pages(response.content, [code], paper)


def test_the_plaque_carries_the_place_name_in_both_languages(editor_client, place, place_en, badut_code):
    pdf = editor_client.get(f"/q/{badut_code}/plaque.pdf").content
    [text] = pdf_texts(pdf)
    assert place.title in text
    assert place_en.title in text
    assert pdf_page_sizes_mm(pdf) == [PAPER_MM["A5"]]  # A5 when no size is asked for


def test_paper_and_code_are_read_case_insensitively_and_a_download_is_offered(editor_client, badut_code):
    response = editor_client.get(f"/q/{badut_code.lower()}/plaque.pdf?size=a6&download=1")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="plaque-{badut_code}-a6.pdf"'
    assert_plaque_pages(response.content, [badut_code], "A6")


def test_a_printed_plaque_still_lands_on_its_place_after_the_page_is_moved_and_renamed(
    client, editor_client, place, badut_code
):
    from heritage.models import PlaceIndexPage

    [read] = decode_image(pdf_pages(editor_client.get(f"/q/{badut_code}/plaque.pdf").content)[0])
    home = place.get_parent().get_parent()
    archive = PlaceIndexPage(title="Arsip situs", slug="arsip")
    home.add_child(instance=archive)
    archive.save_revision().publish()
    place.move(archive, pos="last-child")
    place = type(place).objects.get(pk=place.pk)
    place.slug = "candi-badut-dinoyo"
    place.save_revision().publish()

    client.logout()
    response = client.get(read.removeprefix(BASE))
    assert response.status_code == 302
    assert response["Location"] == "/id/arsip/candi-badut-dinoyo/"


def test_an_anonymous_visitor_is_sent_to_the_login_page_for_a_plaque(client, badut_code):
    response = client.get(f"/q/{badut_code}/plaque.pdf?size=A5")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")
    assert badut_code in response["Location"]


def test_a_logged_in_visitor_without_admin_access_is_refused_a_plaque(client, sample_site, badut_code):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_user("tamu", password="pw-for-tests-only"))
    response = client.get(f"/q/{badut_code}/plaque.pdf")
    assert response.status_code == 403
    assert "editor dinas pariwisata" in response.content.decode()  # Indonesian, the default language


@pytest.mark.parametrize("query", ["size=A4", "size=a55", "size=%00", "size=" + "A" * 3000, "format=letter"])
def test_a_bad_paper_size_answers_400_naming_the_parameter(editor_client, badut_code, query):
    response = editor_client.get(f"/q/{badut_code}/plaque.pdf?{query}")
    assert response.status_code == 400
    assert query.split("=")[0].encode() in response.content
    assert b"A5 or A6" in response.content


@pytest.mark.parametrize("code", ["ZZZZZ", "0OIL1", "A" * 5000, "%00"])
def test_a_plaque_for_an_unknown_code_answers_404(editor_client, sample_site, code):
    response = editor_client.get(f"/q/{code}/plaque.pdf")
    assert response.status_code == 404


def test_a_deleted_place_has_no_plaque(editor_client, place, place_en, badut_code):
    place_en.delete()
    place.delete()
    assert editor_client.get(f"/q/{badut_code}/plaque.pdf").status_code == 404


# --- in bulk, from the admin --------------------------------------------------------------------------------


def _titles_order(codes):
    from plaques.models import ShortCode

    rows = ShortCode.objects.filter(code__in=codes).order_by("page__title")
    return [row.code for row in rows]


def test_the_office_prints_every_plaque_in_one_pdf_one_page_per_place(admin_client_, codes):
    chosen = sorted(codes.values())
    query = "&".join(f"codes={code}" for code in chosen)
    response = admin_client_.get(f"/admin/qr/plaques/?{query}&paper=a6&output=pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="malang-heritage-plaques-{len(chosen)}-a6.pdf"'
    )
    assert_plaque_pages(response.content, _titles_order(chosen), "A6")


def test_the_print_shop_gets_a_zip_of_svgs_that_read_back_as_the_short_links(admin_client_, codes):
    query = "&".join(f"codes={code}" for code in codes.values())
    response = admin_client_.get(f"/admin/qr/plaques/?{query}&paper=a5&output=zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
        svgs = [name for name in names if name.endswith(".svg")]
        assert len(svgs) == len(codes)
        for name in svgs:
            code = name.split("-", 1)[0].removesuffix(".svg")
            assert decode_svg(archive.read(name)) == [f"{BASE}/q/{code}"]
        index = list(csv.DictReader(io.StringIO(archive.read("codes.csv").decode())))
    assert {row["code"] for row in index} == set(codes.values())
    assert {row["short_url"] for row in index} == {f"{BASE}/q/{code}" for code in codes.values()}


def test_the_bulk_plaque_page_lists_the_places_and_marks_a_bad_choice(admin_client_, codes, place):
    form = admin_client_.get("/admin/qr/plaques/")
    assert form.status_code == 200
    assert f"{place.title} ({codes['candi-badut']})" in form.content.decode()
    good = codes["candi-badut"]
    for query, bad_field in [
        ("codes=ZZZZZ&paper=a5&output=pdf", "codes"),
        ("codes=%00&paper=a5&output=pdf", "codes"),
        (f"codes={good}&paper=a3&output=pdf", "paper"),
        (f"codes={good}&paper=a5&output=exe", "output"),
    ]:
        response = admin_client_.get(f"/admin/qr/plaques/?{query}")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        html = response.content.decode()
        assert f'w-field--error" data-field data-contentpath="{bad_field}"' in html
        assert html.count("w-field--error") == 1


def test_the_bulk_plaque_page_is_for_admin_users_only(client, sample_site, codes):
    response = client.get(f"/admin/qr/plaques/?codes={codes['candi-badut']}")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_page_explorer_bulk_action_prints_the_selected_places(admin_client_, codes):
    from django.urls import reverse

    from heritage.models import PlacePage

    pages = list(PlacePage.objects.filter(locale__language_code="id").order_by("title"))
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "qr_plaques"))
    query = "&".join(f"id={page.pk}" for page in pages)
    confirm = admin_client_.get(f"{url}?{query}")
    assert confirm.status_code == 200
    for page in pages:
        assert codes[page.slug] in confirm.content.decode()

    response = admin_client_.post(f"{url}?{query}", {"paper": "a5", "output": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert_plaque_pages(response.content, [codes[page.slug] for page in pages], "A5")

    zipped = admin_client_.post(f"{url}?{query}", {"paper": "a5", "output": "zip"})
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as archive:
        assert len([name for name in archive.namelist() if name.endswith(".svg")]) == len(pages)
