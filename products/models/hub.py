"""The investor hub: featured products first, then the filtered list, the map of the centres and the
catalogue downloads."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from heritage import published

from .centre import CentrePage
from .filters import ProductFilterForm, catalogue_query, filtered_products
from .product import ProductPage, featured_now_q


class ProductIndexPage(published.CachedViewRestrictionsMixin, Page):
    objects = published.PublishedPageManager()
    intro = models.TextField(blank=True, verbose_name=_("Intro"))

    subpage_types = ["products.ProductPage", "products.CentrePage"]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    override_translatable_fields = [TranslatableField("title"), TranslatableField("intro")]

    class Meta:
        db_table = "heritage_productindexpage"  # kept from when the model lived in heritage
        verbose_name = _("product hub")

    def featured_products(self, today=None):
        return list(
            ProductPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(featured_now_q(today))
            .select_related("centre", "producer", "image")
            .order_by("featured_order", "title")
        )

    def centres(self):
        return list(CentrePage.objects.live().public().filter(locale_id=self.locale_id).order_by("title"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = ProductFilterForm(request.GET or None, locale=self.locale)
        products = filtered_products(form, locale=self.locale)
        is_filtered = bool(form.is_bound and form.is_valid() and form.active_filters())
        featured = [] if is_filtered else self.featured_products()
        # The unfiltered hub leads with the featured products; the list below them holds the others, so
        # no product is shown twice. The count and the downloads still cover the whole catalogue.
        featured_ids = {product.pk for product in featured}
        context.update(
            filter_form=form,
            products=[product for product in products if product.pk not in featured_ids],
            product_count=len(products),
            featured=featured,
            centres=self.centres(),
            catalogue_query=catalogue_query(form, self.locale.language_code),
            is_filtered=is_filtered,
        )
        return context

    def serve(self, request, *args, **kwargs):
        """A filter link with an unknown value (a renamed centre, a typo) still shows the hub, with a notice
        naming the parameter, but answers 400, as the API does, so that crawlers and link checkers see it."""
        response = super().serve(request, *args, **kwargs)
        form = getattr(response, "context_data", {}).get("filter_form")
        if form is not None and form.is_bound and not form.is_valid():
            response.status_code = 400
        return response
