"""The Move action (issue 13: "the Move action offers every valid parent").

Each content page lives under one index per language (places, products and centres, itineraries). A moderator
who moves a page is offered, in the page chooser Wagtail opens for Move, exactly the parents the page may go
to: its own language's index for that kind of page, never another language's, never another kind of index.
Moving a place keeps its plaque working.
"""

import re

import pytest
from admin_form_helpers import office_user

pytestmark = pytest.mark.django_db

MODERATORS = "Tourism office moderators"
MOVABLE = ["heritagesitepage", "corridorplacepage", "productpage", "centrepage", "itinerarypage"]


@pytest.fixture
def moderator(client, every_page_type, django_user_model):
    user = office_user(django_user_model, "dewi", MODERATORS)
    client.force_login(user)
    return user


def offered_parents(client, page) -> set[int]:
    """The pages the Move chooser lets the user pick, browsing every page it lists from the home page down."""
    move = client.get(f"/admin/pages/{page.pk}/move/").content.decode()
    [config] = re.findall(r"new PageChooser\(\"id_new_parent_page\", (\{.*?\})\);", move)
    model_names = ",".join(
        re.search(r'"modelNames": \[([^\]]*)\]', config).group(1).replace('"', "").split(", ")
    )
    # As the chooser's JavaScript asks (an array parameter, serialised by jQuery as target_pages[]).
    query = (
        f"page_type={model_names}&user_perms=move_to&target_pages[]={page.pk}"
        "&match_subclass=false&can_choose_root=false"
    )
    offered, seen, todo = set(), set(), [None]
    while todo:
        parent = todo.pop()
        url = f"/admin/choose-page/{parent}/?{query}" if parent else f"/admin/choose-page/?{query}"
        html = client.get(url).json()["html"]
        offered |= {int(i) for i in re.findall(r'class="choose-page"[^>]*data-id="(\d+)"', html)}
        children = {int(i) for i in re.findall(r'href="/admin/choose-page/(\d+)/', html)} - seen
        seen |= children
        todo.extend(children)
    return offered


@pytest.mark.parametrize("model_name", MOVABLE)
def test_the_move_chooser_offers_exactly_the_valid_parents(client, moderator, every_page_type, model_name):
    from wagtail.models import Page

    page = Page.objects.filter(content_type__model=model_name, locale=every_page_type).first().specific
    assert f"/admin/pages/{page.pk}/move/" in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    permissions = page.permissions_for_user(moderator)
    valid = {p.pk for p in Page.objects.all() if p.pk != page.pk and permissions.can_move_to(p)}
    assert valid, "a page of every type has somewhere to go: its index"
    assert all(Page.objects.get(pk=pk).locale == page.locale for pk in valid)
    assert offered_parents(client, page) == valid


def test_a_moved_place_keeps_its_plaque(client, moderator, place):
    from plaques.models import ShortCode

    code = ShortCode.objects.get(page=place).code
    index = place.get_parent()
    response = client.post(f"/admin/pages/{place.pk}/move/{index.pk}/confirm/")
    assert response.status_code == 302
    client.logout()
    scanned = client.get(f"/q/{code}", headers={"accept-language": "id"})
    assert scanned.status_code == 302 and scanned["Location"].endswith(place.url)
