from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.models import Page

from heritage import emergency, fragments, jsonld, published
from heritage.content.placeholders import is_placeholder
from heritage.maps import map_html
from heritage.models import PlaceIndexPage
from heritage.open_data import canonical_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per site language: the same page in that language when it exists, else that language's
    home. `is_translation` marks real alternates (for hreflang). A page's link keeps the request's query
    (a filtered places list stays filtered in the other language: filter values are the same codes in
    both); `full_url`, for hreflang, never carries it."""
    request = context.get("request")
    query = request.META.get("QUERY_STRING", "") if request is not None else ""
    current = get_language() or settings.LANGUAGE_CODE
    links = []
    for code, name in settings.LANGUAGES:
        url, is_translation = None, False
        if isinstance(page, Page):
            url = published.live_translations(page).get(code)
            is_translation = url is not None
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        url = url or f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "short": code.upper(),
                "url": f"{url}?{query}" if is_translation and query else url,
                "full_url": canonical_url(url),
                "current": code == current,
                "is_translation": is_translation,
            }
        )
    return links


@register.simple_tag
def place_index_url():
    return published.index_url(PlaceIndexPage, get_language())


@register.simple_tag(takes_context=True)
def full_url(context, page):
    """The page under the canonical address (CANONICAL_URL), whichever host the request came by."""
    return canonical_url(page.get_url(context.get("request")))


@register.simple_tag
def image_alt(page):
    """The alt text of a page's image, in the page's language. A placeholder card is shared by the page's
    translations and titled in Indonesian for the library, so its alt says what it is from the page's own
    title; a real photograph keeps the alt text its editor gave it."""
    image = getattr(page, "image", None)
    if image is None:
        return ""
    if is_placeholder(image):
        return _("Placeholder artwork: %(title)s") % {"title": page.title}
    return image.default_alt_text


@register.filter
def is_placeholder_image(image):
    return image is not None and is_placeholder(image)


@register.filter
def rupiah(value):
    """Whole rupiah with the reader's thousands separator: Rp54.000 in Indonesian, Rp54,000 in English."""
    if value in (None, ""):
        return ""
    digits = f"{int(value):,}"
    return "Rp" + (digits.replace(",", ".") if get_language() == "id" else digits)


@register.filter
def distance(metres):
    if metres is None:
        return ""
    if metres < 1000:
        return f"{round(metres / 10) * 10:.0f} m"
    km = f"{metres / 1000:.1f}"
    return (km.replace(".", ",") if get_language() == "id" else km) + " km"


@register.simple_tag(takes_context=True)
def page_jsonld(context, page):
    return jsonld.json_ld_script(jsonld.for_page(page, context.get("request")))


@register.simple_tag(takes_context=True)
def places_map(context, places, height="60vh", zoom=None):
    """A map of `places`; the page being read, when it is one of them, is the highlighted marker."""
    return map_html(
        places, height=height, zoom=zoom, request=context.get("request"), current=context.get("page")
    )


@register.simple_tag(takes_context=True)
def place_sections(context, page):
    """Sections other content areas add to a place's page, through the `place_page_sections` hook: a
    function of `(page, request)` returning HTML (products: what is made nearby). Places know no other area."""
    request = context.get("request")
    sections = [conditional_escape(fn(page, request)) for fn in hooks.get_hooks("place_page_sections")]
    return mark_safe("".join(sections))  # noqa: S308 - each part escaped unless it is already safe HTML


@register.inclusion_tag("heritage/components/help_panel.html", takes_context=True)
def help_panel(context, help):
    """The "Emergency and help" panel of a place or a trip (`help` is a heritage.emergency.EmergencyHelp)."""
    place = help.report_place
    return {
        "help": help,
        "emergency_number": emergency.EMERGENCY_NUMBER,
        "sambat_url": emergency.SAMBAT_URL,
        "sambat_sms": emergency.SAMBAT_SMS_NUMBER,
        "sambat_sms_uri": emergency.SAMBAT_SMS_URI,
        "report_url": canonical_url(place.get_url(context.get("request"))) if place else "",
    }


@register.tag
def stored_fragment(parser, token):
    """`{% stored_fragment "content" %}…{% endstored_fragment %}`: a part of a page that is the same for every
    visitor, drawn once per change and then served as kept (heritage.fragments) where the page's context
    brought it (`stored_fragments`); drawn as usual everywhere else."""
    bits = token.split_contents()
    name = bits[1].strip("\"'") if len(bits) == 2 else ""
    if name not in fragments.NAMES:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes one name of heritage.fragments.NAMES: {', '.join(fragments.NAMES)}"
        )
    nodelist = parser.parse(("endstored_fragment",))
    parser.delete_first_token()
    return StoredFragmentNode(name, nodelist)


class StoredFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        request = context.get("request")
        if "stored_fragments" not in context:  # a page that does not keep its parts
            return self.nodelist.render(context)
        kept = context["stored_fragments"] or {}
        if self.name in kept:
            return fragments.serve(request, kept[self.name])
        return fragments.draw(request, context.get("page"), self.name, lambda: self.nodelist.render(context))
