"""A plaque printed before the page goes live (issue 13: "a moderator can print a plaque before publishing").

A page gets its code at first publication. For an opening, the office wants the plaque made and fixed first:
a moderator gives the draft its code from the QR panel, prints the plaque, and publishes later. An editor is
told that a moderator can do it; scanning the plaque before publication says the story is coming.
"""

import pytest
from qr_decoding import BASE, decode_image, pdf_pages
from test_qr_admin import qr_panel_html

pytestmark = pytest.mark.django_db

HOSTILE = "Rumah `x` ${alert(1)} </script><b>tebal</b>"


@pytest.fixture
def moderator_client(client, sample_site, django_user_model):
    from django.contrib.auth.models import Group

    from home.seed import MODERATORS

    user = django_user_model.objects.create_user("dewi", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(user)
    return client


@pytest.fixture
def draft(place):
    from heritage.models import HeritageSitePage

    page = HeritageSitePage(
        title=HOSTILE,
        slug="rumah-draf-plakat",
        summary="Belum terbit.",
        kind=place.kind,
        region=place.region,
        latitude=place.latitude,
        longitude=place.longitude,
        live=False,
    )
    place.get_parent().add_child(instance=page)
    page.save_revision()
    return page


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied by sending the user to the dashboard with a message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def _edit_panel(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/", headers={"accept-language": "en"})
    assert response.status_code == 200
    return qr_panel_html(response.content.decode())


def test_an_editor_is_told_a_moderator_can_give_the_code_early_and_cannot_do_it_themselves(
    editor_client, draft
):
    from plaques.models import ShortCode

    panel = _edit_panel(editor_client, draft)
    assert "A moderator can give it its code before publication" in panel
    assert "/admin/qr/give-code/" not in panel
    assert refused(editor_client.get(f"/admin/qr/give-code/{draft.pk}/"))
    assert refused(editor_client.post(f"/admin/qr/give-code/{draft.pk}/"))
    assert not ShortCode.objects.filter(page=draft).exists()


def test_a_moderator_gives_a_draft_its_code_and_prints_the_plaque_before_publishing(moderator_client, draft):
    from plaques.models import ShortCode

    panel = _edit_panel(moderator_client, draft)
    give = f"/admin/qr/give-code/{draft.pk}/"
    assert give in panel

    asked = moderator_client.get(give, headers={"accept-language": "en"})
    assert asked.status_code == 200
    html = asked.content.decode()
    assert "is not published yet" in html
    assert "</script><b>" not in html and "&lt;/script&gt;&lt;b&gt;tebal&lt;/b&gt;" in html
    assert not ShortCode.objects.filter(page=draft).exists()  # asking changes nothing

    given = moderator_client.post(give, headers={"accept-language": "en"})
    assert given.status_code == 302 and given["Location"] == f"/admin/pages/{draft.pk}/edit/"
    code = ShortCode.objects.get(page=draft).code

    panel = _edit_panel(moderator_client, draft)
    assert code in panel and "not published yet" in panel
    pdf = moderator_client.get(f"/q/{code}/plaque.pdf?size=A6")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert decode_image(pdf_pages(pdf.content)[0]) == [f"{BASE}/q/{code}"]

    # A second tap (another tab) gives no second code.
    moderator_client.post(give)
    assert ShortCode.objects.filter(page__translation_key=draft.translation_key).count() == 1


def test_the_plaque_scanned_before_publication_says_the_story_is_coming_then_leads_to_it(
    moderator_client, client, draft
):
    from plaques.models import ShortCode

    moderator_client.post(f"/admin/qr/give-code/{draft.pk}/")
    code = ShortCode.objects.get(page=draft).code
    moderator_client.logout()

    before = client.get(f"/q/{code}", headers={"accept-language": "en"})
    assert before.status_code == 404
    assert "coming soon" in before.content.decode() and "segera hadir" in before.content.decode()
    assert "&lt;/script&gt;" in before.content.decode()

    draft.get_latest_revision().publish()
    after = client.get(f"/q/{code}", headers={"accept-language": "id"})
    assert after.status_code == 302 and after["Location"].endswith("/id/tempat/rumah-draf-plakat/")
    assert ShortCode.objects.get(page=draft).code == code  # publication kept the code given early


def test_a_page_that_has_a_code_or_no_plaques_cannot_be_given_one(moderator_client, place, sample_site):
    from plaques.models import ShortCode

    before = ShortCode.objects.count()
    has_one = moderator_client.post(f"/admin/qr/give-code/{place.pk}/")
    assert has_one["Location"] == f"/admin/pages/{place.pk}/edit/"  # back to its panel, which shows its code
    assert refused(moderator_client.post(f"/admin/qr/give-code/{place.get_parent().pk}/"))
    assert moderator_client.post("/admin/qr/give-code/999999/", follow=True).status_code == 404
    assert ShortCode.objects.count() == before
