"""The seed never undoes the tourism office: run again on a site they have used, it only adds what the site
never had, and it says what it did and did not touch (issue 15)."""

import pytest

from django.core.management import CommandError, call_command

from tests.conftest import FIXTURES


def _seed():
    from home.seed import seed

    return seed(FIXTURES / "places_sample.geojson", FIXTURES / "stories")


def _id_places():
    from heritage.models import PlacePage

    return PlacePage.objects.filter(locale__language_code="id")


def _place(slug):
    return _id_places().get(slug=slug).specific


def test_a_fresh_site_gets_every_bundled_item_and_a_record_of_each(sample_site):
    from heritage.models import SeedRecord

    assert {"candi-badut (id)", "candi-badut (en)", "kawah-bromo (en)", "workflow"} <= set(
        sample_site.created
    )
    keys = set(SeedRecord.objects.values_list("key", flat=True))
    assert {"home:id", "home:en", "place:candi-jago:id", "place:candi-jago:en", "workflow"} <= keys
    assert SeedRecord.objects.get(key="place:candi-jago:id").current().specific == _place("candi-jago")
    assert set(SeedRecord.objects.values_list("how", flat=True)) == {"created"}


def test_a_second_run_adds_nothing_and_says_what_it_left_alone(sample_site):
    report = _seed()
    assert report.created == [] and report.adopted == [] and report.gone == []
    assert "candi-badut (id)" in report.kept and "workflow" in report.kept


def test_a_place_the_office_deleted_stays_deleted(sample_site):
    from heritage.models import PlacePage

    _place("candi-jago").delete()
    report = _seed()
    assert not PlacePage.objects.filter(slug="candi-jago", locale__language_code="id").exists()
    assert report.created == []
    assert report.gone == ["candi-jago (id)"]
    # Its English translation was not deleted: it stays as it is, and is not re-linked or republished.
    assert "candi-jago (en)" in report.kept


def test_a_place_whose_slug_the_office_changed_is_not_created_a_second_time(sample_site):
    badut = _place("candi-badut")
    badut.slug = "candi-badut-malang"
    badut.save_revision().publish()
    before = _id_places().count()

    report = _seed()

    assert _id_places().count() == before
    assert _id_places().filter(title=badut.title, live=True).count() == 1
    assert report.created == []


def test_an_edit_is_not_overwritten(sample_site):
    jago = _place("candi-jago")
    jago.summary = "Diubah oleh editor kantor pariwisata."
    jago.save_revision().publish()
    revisions = jago.revisions.count()
    _seed()
    jago.refresh_from_db()
    assert jago.summary == "Diubah oleh editor kantor pariwisata."
    assert jago.revisions.count() == revisions


def test_a_permission_the_office_removed_is_not_granted_again(sample_site):
    from django.contrib.auth.models import Group

    from home.models import HomePage
    from home.seed import EDITORS

    editors = Group.objects.get(name=EDITORS)
    home = HomePage.objects.get(locale__language_code="id")
    revoked = editors.page_permissions.filter(page=home, permission__codename="change_page")
    assert revoked.exists()
    revoked.delete()
    editors.permissions.clear()  # and the office took admin access away from the group

    report = _seed()

    assert not editors.page_permissions.filter(page=home, permission__codename="change_page").exists()
    assert not editors.permissions.exists()
    assert "permission editors:home:id:change_page" in report.gone
    assert report.created == []


def test_the_moderation_workflow_the_office_chose_is_kept(sample_site):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    from home.models import HomePage

    home_id = HomePage.objects.get(locale__language_code="id")
    home_en = HomePage.objects.get(locale__language_code="en")
    two_step = Workflow.objects.create(name="Dua tahap")
    WorkflowTask.objects.create(
        workflow=two_step, task=GroupApprovalTask.objects.create(name="Kepala bidang"), sort_order=0
    )
    WorkflowPage.objects.filter(page=home_id).update(workflow=two_step)
    WorkflowPage.objects.filter(page=home_en).delete()  # English pages: no moderation, by the office's choice

    _seed()

    assert home_id.get_workflow() == two_step
    assert not WorkflowPage.objects.filter(page=home_en).exists()


def test_a_site_seeded_before_records_were_kept_is_adopted_and_its_deletions_respected(sample_site):
    """An older database: the seed kept no records, the office deleted Candi Jago and renamed Candi Badut."""
    from heritage.models import SeedRecord

    SeedRecord.objects.all().delete()
    _place("candi-jago").delete()
    badut = _place("candi-badut")
    badut.slug = "candi-badut-malang"
    badut.save_revision().publish()
    before = _id_places().count()

    report = _seed()

    assert report.created == []
    assert _id_places().count() == before  # neither a new Candi Jago nor a second Candi Badut
    assert "candi-jago (id)" in report.absent
    assert "candi-badut (id)" in report.absent  # not found by its old slug: treated as gone, never duplicated
    assert "kawah-bromo (id)" in report.adopted
    assert SeedRecord.objects.get(key="place:kawah-bromo:id").how == "adopted"
    again = _seed()
    assert again.created == [] and again.adopted == [] and again.absent == []


def test_a_forgotten_item_is_created_again_when_missing(sample_site):
    from heritage.models import SeedRecord

    _place("candi-jago").delete()
    SeedRecord.objects.filter(key="place:candi-jago:id").delete()  # what `seed_malang --forget` does
    report = _seed()
    assert report.created == ["candi-jago (id)"]
    assert _place("candi-jago").live


def test_forgetting_an_unknown_item_is_a_clear_error_that_changes_nothing(sample_site):
    from heritage.models import SeedRecord

    before = SeedRecord.objects.count()
    with pytest.raises(CommandError, match="No bundled item 'place:candi-kidul:id' is recorded"):
        call_command("seed_malang", "--forget", "place:candi-kidul:id", "--skip-index")
    assert SeedRecord.objects.count() == before
