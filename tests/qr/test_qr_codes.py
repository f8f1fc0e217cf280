"""Short codes: given on first publication, one per place, kept for life, never reused."""

import re
from decimal import Decimal

import pytest

from django.core.management import call_command


def test_every_published_place_gets_a_five_character_code_without_look_alikes(codes):
    from plaques.codes import ALPHABET

    assert set(codes) == {"candi-badut", "candi-jago", "kawah-bromo"}
    for code in codes.values():
        assert re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}", code), code
    assert not set("01OIL") & set(ALPHABET)
    assert len(set(codes.values())) == 3


def test_a_place_and_its_translation_share_one_code(place, place_en):
    from plaques.codes import code_for_page
    from plaques.models import ShortCode

    assert code_for_page(place) == code_for_page(place_en)
    assert ShortCode.objects.filter(page__translation_key=place.translation_key).count() == 1


def test_the_code_is_kept_when_the_page_is_renamed_and_republished(place, badut_code):
    from plaques.codes import code_for_page

    place.title, place.slug = "Candi Badut (Liswa)", "candi-badut-liswa"
    place.save_revision().publish()
    place.unpublish()
    place.save_revision().publish()
    assert code_for_page(place).code == badut_code


def test_a_draft_gets_no_code_until_it_is_published(sample_site):
    from heritage.models import HeritageSitePage, PlaceIndexPage
    from plaques.codes import code_for_page

    index = PlaceIndexPage.objects.get(locale__language_code="id")
    draft = HeritageSitePage(
        title="Candi Singosari",
        slug="candi-singosari",
        summary="Candi kerajaan Singhasari.",
        kind="temple",
        region="kab-malang",
        latitude=Decimal("-7.8877"),
        longitude=Decimal("112.6639"),
        live=False,
    )
    index.add_child(instance=draft)
    draft.save_revision()
    assert code_for_page(draft) is None
    draft.save_revision().publish()
    assert code_for_page(draft) is not None


def test_pages_that_are_not_places_get_no_code(sample_site):
    from wagtail.models import Page

    from plaques.models import ShortCode

    home = Page.objects.get(depth=2, locale__language_code="id").specific
    home.save_revision().publish()
    assert not ShortCode.objects.filter(page=home).exists()


def test_other_apps_can_opt_their_pages_in(sample_site):
    from home.models import HomePage
    from plaques import codes

    assert not codes.is_qr_page(HomePage)
    try:
        codes.register_qr_page_type(HomePage)
        assert codes.is_qr_page(HomePage)
        home = HomePage.objects.get(locale__language_code="id")
        home.save_revision().publish()
        assert codes.code_for_page(home) is not None
    finally:
        codes.QR_PAGE_TYPES.remove(HomePage)


def test_a_page_class_can_opt_in_with_qr_enabled():
    from plaques.codes import is_qr_page

    class Itinerary:
        qr_enabled = True

    assert is_qr_page(Itinerary)


def test_a_code_already_taken_is_drawn_again(sample_site, place, monkeypatch):
    from plaques import codes
    from plaques.models import ShortCode

    taken = ShortCode.objects.exclude(page__translation_key=place.translation_key).first().code
    draws = iter([taken, taken, "ZZZZZ"])
    monkeypatch.setattr(codes, "generate_code", lambda length=5: next(draws))
    ShortCode.objects.filter(page__translation_key=place.translation_key).update(page=None)
    assert codes.assign_code(place).code == "ZZZZZ"


def test_a_crowded_five_character_space_moves_on_to_six(sample_site, place, monkeypatch):
    from plaques import codes
    from plaques.models import ShortCode

    taken = ShortCode.objects.exclude(page__translation_key=place.translation_key).first().code
    monkeypatch.setattr(codes, "generate_code", lambda length=5: taken if length == 5 else "ABCDEF")
    ShortCode.objects.filter(page__translation_key=place.translation_key).update(page=None)
    assert codes.assign_code(place).code == "ABCDEF"


def test_a_deleted_page_keeps_its_code_row_and_the_code_is_never_reused(
    place, place_en, badut_code, monkeypatch
):
    from heritage.models import HeritageSitePage, PlaceIndexPage
    from plaques import codes
    from plaques.models import ShortCode

    place_en.delete()
    place.delete()
    assert ShortCode.objects.filter(code=badut_code, page=None).exists()
    # A new place whose first draw happens to be the old code gets another one.
    draws = iter([badut_code, "XYZ23"])
    monkeypatch.setattr(codes, "generate_code", lambda length=5: next(draws))
    index = PlaceIndexPage.objects.get(locale__language_code="id")
    newcomer = HeritageSitePage(
        title="Candi Badut baru",
        slug="candi-badut-baru",
        summary="-",
        kind="temple",
        region="kota-malang",
        latitude=Decimal("-7.9577"),
        longitude=Decimal("112.5981"),
    )
    index.add_child(instance=newcomer)
    newcomer.save_revision().publish()
    assert codes.code_for_page(newcomer).code == "XYZ23"


def test_assign_short_codes_gives_codes_to_places_published_before_codes_existed(sample_site):
    from heritage.models import PlacePage
    from plaques.models import ShortCode

    ShortCode.objects.all().delete()  # as on a database that predates issue 4
    call_command("assign_short_codes", verbosity=0)
    live_places = PlacePage.objects.live()
    groups = {page.translation_key for page in live_places}
    assert ShortCode.objects.count() == len(groups) == 3
    before = set(ShortCode.objects.values_list("code", flat=True))
    call_command("assign_short_codes", verbosity=0)  # idempotent
    assert set(ShortCode.objects.values_list("code", flat=True)) == before


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ab3cd", "AB3CD"),
        ("AB3CD", "AB3CD"),
        ("ab3cde", "AB3CDE"),
        ("AB0CD", None),
        ("ABCD", None),
        ("ABCDEFG", None),
        ("", None),
        ("AB CD", None),
        ("ab3c\x00", None),
        ("A" * 5000, None),
    ],
)
def test_codes_are_read_case_insensitively_and_junk_is_refused(raw, expected):
    from plaques.codes import normalize_code

    assert normalize_code(raw) == expected


def test_the_short_link_is_the_qr_base_url_and_the_code(settings):
    from plaques.codes import short_address, short_url

    assert short_url("AB3CD") == "https://heritage.example.id/q/AB3CD"
    assert short_address("AB3CD") == "heritage.example.id/q/AB3CD"
