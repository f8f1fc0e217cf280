"""How products appear elsewhere: the "made nearby" section of a place's page."""

from django.template.loader import render_to_string

from wagtail import hooks


@hooks.register("place_page_sections")
def made_nearby(page, request):
    return render_to_string("products/components/nearby_products.html", {"page": page}, request=request)
