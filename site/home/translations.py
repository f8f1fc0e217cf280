"""Translation as an editor's job, under the office's moderation (on top of wagtail-localize).

- A translation whose segments are not all translated cannot be published (`refuse_incomplete_publish`).
- An editor submits a finished translation to the page's moderation workflow (`submit_translation`), as
  they would any page: wagtail-localize's editor itself offers only "save draft" and "publish".
- The editor of a source page is told which translations are behind it (`translations_behind`), with the
  one-step "Sync translated pages" of wagtail-localize, which also carries structural changes (an added
  itinerary stop) over.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _

from wagtail.admin.widgets import ListingButton
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.views.update_translations import UpdateTranslationsView

_sync_view = UpdateTranslationsView.as_view()


def translation_of(page) -> Translation | None:
    """The enabled wagtail-localize translation whose target is this page, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def missing_segments(translation) -> int:
    """How many of the source's strings have no translation in the target language yet."""
    return (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .count()
    )


def translations_behind(page) -> list[Translation]:
    """Translations of this source page made from an older version of it than the one published."""
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    # wagtail-localize translates what is published (the page's row), not a draft waiting in moderation.
    latest = page.live_revision or page.latest_revision
    if source is None or latest is None or latest.created_at <= source.last_updated_at:
        return []
    return list(source.translations.filter(enabled=True).select_related("target_locale"))


def refuse_incomplete_publish(request, page):
    """`before_edit_page`, ahead of wagtail-localize's: "Publish" in the translation editor is refused while
    strings are missing (wagtail-localize would publish and only warn)."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = translation_of(page)
    if translation is None:
        return None
    missing = missing_segments(translation)
    if not missing:
        return None
    messages.error(request, _missing_message(missing, translation))
    return redirect(request.path)


def _missing_message(missing, translation, *, submitting=False):
    if submitting:
        message = ngettext(
            "Not submitted: %(count)s text is not translated into %(language)s yet.",
            "Not submitted: %(count)s texts are not translated into %(language)s yet.",
            missing,
        )
    else:
        message = ngettext(
            "Not published: %(count)s text is not translated into %(language)s yet.",
            "Not published: %(count)s texts are not translated into %(language)s yet.",
            missing,
        )
    return message % {"count": missing, "language": language_name(translation.target_locale)}


def language_name(locale) -> str:
    """The locale's language named in the admin's language ("Inggris" for an Indonesian editor), where
    Wagtail's `get_display_name` gives the name settings.LANGUAGES writes, in the language itself."""
    return str(get_language_info(locale.language_code)["name_translated"])


def tell_about_translations_behind(request, page):
    """`before_edit_page`: opening a source page whose translations are behind says so, with the sync."""
    if request.method != "GET":
        return None
    behind = translations_behind(page)
    if not behind:
        return None
    languages = ", ".join(language_name(translation.target_locale) for translation in behind)
    sync = reverse("wagtail_localize:update_translations", args=[behind[0].source_id])
    messages.warning(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _("This page changed since it was translated; behind: %(languages)s.") % {"languages": languages},
            f"{sync}?next={reverse('wagtailadmin_pages:edit', args=[page.pk])}",
            _("Sync translated pages"),
        ),
    )
    return None


def submit_url(page) -> str:
    return reverse("home_submit_translation", args=[page.pk])


def submit_translation(request, page_id):
    """Check a translation is complete, save it as the page's draft, and start the page's workflow."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    translation = translation_of(page)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if translation is None:
        messages.error(request, _("This page is not a translation made in the translation editor."))
        return redirect(edit_url)
    workflow = page.get_workflow()
    missing = missing_segments(translation)
    context = {
        "page": page,
        "translation": translation,
        "missing": missing,
        "workflow": workflow,
        "in_moderation": page.workflow_in_progress,
        "page_title": _("Submit translation for moderation"),
    }
    if request.method != "POST":
        return TemplateResponse(request, "home/admin/submit_translation.html", context)
    if missing:
        messages.error(request, _missing_message(missing, translation, submitting=True))
        return redirect(edit_url)
    if workflow is None:
        messages.error(
            request, _("No moderation workflow covers this page: ask an administrator to set one.")
        )
        return redirect(edit_url)
    if page.workflow_in_progress:
        messages.error(request, _("This page is already in moderation."))
        return redirect(edit_url)
    translation.save_target(user=request.user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    workflow.start(page, request.user)
    messages.success(
        request,
        _("%(title)s (%(language)s) was submitted to %(workflow)s.")
        % {
            "title": page.title,
            "language": language_name(translation.target_locale),
            "workflow": workflow.name,
        },
    )
    return redirect(edit_url)


def listing_buttons(page, user, view_name=None, next_url=None):
    """ "Submit translation for moderation" on a translated page, for whoever may edit it."""
    if page.is_root() or not page.permissions_for_user(user).can_edit() or translation_of(page) is None:
        return
    yield ListingButton(
        _("Submit translation for moderation"), submit_url(page), priority=61, icon_name="resubmit"
    )


def sync_as_drafts(request, translation_source_id):
    """wagtail-localize's "Sync translated pages", served at its own address ahead of it, without its "Publish
    immediately": that would put every translation live past moderation, untranslated strings and all.
    A sync writes drafts; each translation goes live through the workflow."""
    if request.method == "POST" and request.POST.get("publish_translations"):
        request.POST = request.POST.copy()
        request.POST.pop("publish_translations")
        messages.info(request, _("Synced as drafts: translations go live through moderation, not at once."))
    response = _sync_view(request, translation_source_id=translation_source_id)
    form = (getattr(response, "context_data", None) or {}).get("form")
    if form is not None:  # the form is drawn after this returns: the editor is never offered the checkbox
        form.fields.pop("publish_translations", None)
    if request.method == "POST" and response.status_code == 302:
        # The translations' drafts take the source's new structure at once (an added itinerary stop, a
        # removed block), with the strings translated so far: what moderation sees is the synced page.
        source = TranslationSource.objects.get(pk=translation_source_id)
        for translation in source.translations.filter(enabled=True).select_related("target_locale"):
            try:
                translation.save_target(user=request.user, publish=False)
            except ValidationError as error:
                messages.warning(
                    request,
                    _("The %(language)s draft could not take the changes: %(reason)s")
                    % {
                        "language": language_name(translation.target_locale),
                        "reason": "; ".join(error.messages),
                    },
                )
    return response
