"""Template tags of local products: what is made near a place, price ranges, and the products' JSON-LD."""

from django import template
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from heritage import published
from heritage.jsonld import json_ld_script
from heritage.templatetags.heritage_tags import rupiah
from products import jsonld
from products.models import CentrePage, ProductIndexPage, ProductPage
from products.nearby import trade_near

register = template.Library()


@register.simple_tag
def nearby_trade(page, radius_m=5_000):
    """Centres and products within a few kilometres of a place (or a centre): `{"centres": [...],
    "products": [...], "radius_m": ...}`, each as `(page, metres)` pairs, nearest first."""
    return trade_near(page, radius_m=radius_m)


@register.simple_tag
def product_hub_url():
    """The hub's address in the current language (remembered, as the places and trips indexes are: the
    header asks for it on every page)."""
    return published.index_url(ProductIndexPage, get_language())


@register.simple_tag
def catalogue_url(name, query=""):
    """`/api/products.xlsx?lang=en&sector=coffee`: a catalogue download of the current filter."""
    url = reverse(f"products_api:{name}")
    return f"{url}?{query}" if query else url


@register.simple_tag
def price_range(product):
    """Rp10.000–Rp250.000 per piece; "from Rp500.000"; "free"; empty when no source states a price."""
    low, high = product.price_min_idr, product.price_max_idr
    if low is None and high is None:
        return ""
    if not low and not high:
        return _("free")
    if high is None:
        text = _("from %(price)s") % {"price": rupiah(low)}
    elif low is None:
        text = _("up to %(price)s") % {"price": rupiah(high)}
    elif low == high:
        text = rupiah(low)
    else:
        text = f"{rupiah(low)}–{rupiah(high)}"
    return f"{text} {product.price_unit}".strip()


@register.filter
def thousands(value):
    """2.000 in Indonesian, 2,000 in English."""
    if value in (None, ""):
        return ""
    text = f"{int(value):,}"
    return text.replace(",", ".") if get_language() == "id" else text


@register.simple_tag(takes_context=True)
def trade_jsonld(context, page, producers=()):
    request = context.get("request")
    if isinstance(page, ProductPage):
        data = jsonld.for_product(page, request)
    elif isinstance(page, CentrePage):
        data = jsonld.for_centre(page, producers, request)
    else:
        return ""
    return json_ld_script(data)
