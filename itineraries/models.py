"""Itineraries: ordered stops at heritage and corridor places, with routes computed when an editor saves.

The legs (distance, duration, geometry, road names) are computed by `geodata` in the admin form's clean()
and stored in `route_data`, a page field, so they travel with each revision and a visitor's request never
runs the router. The schedule (clock times, sunrise) is arithmetic on those stored legs and is computed per
request for the date the visitor picks.
"""

import datetime as dt

from modelcluster.fields import ParentalKey

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from heritage import published
from heritage.api_fields import QRCodeField
from heritage.blocks import StoryBlock

from .forms import ItineraryForm
from .modes import MODE_CHOICES
from .panels import RouteSummaryPanel, UnavailableStopsPanel
from .routing import compute_route_data
from .schedule import build_schedule
from .trip import Trip
from .views import gpx_view, itinerary_view


class Theme(models.TextChoices):
    COLONIAL = "colonial", _("Colonial heritage")
    TEMPLES = "temples", _("Temples")
    SUNRISE = "sunrise", _("Bromo sunrise")
    MOUNTAIN = "mountain", _("Mountain trek")


class Difficulty(models.TextChoices):
    EASY = "easy", _("Easy")
    MODERATE = "moderate", _("Moderate")
    HARD = "hard", _("Hard")


class ItineraryIndexPage(published.CachedViewRestrictionsMixin, Page):
    objects = published.PublishedPageManager()
    intro = models.TextField(blank=True, verbose_name=_("Intro"))
    subpage_types = ["itineraries.ItineraryPage"]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    override_translatable_fields = [TranslatableField("title"), TranslatableField("intro")]

    class Meta:
        verbose_name = _("itinerary index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["itineraries"] = (
            ItineraryPage.objects.live().public().child_of(self).specific().order_by("title")
        )
        return context


class ItineraryPage(published.CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    objects = published.PublishedPageManager()
    api_fields = [
        APIField("summary"),
        APIField("story"),
        APIField("qr_code", serializer=QRCodeField(source="short_code")),
        APIField("theme"),
        APIField("mode"),
        APIField("days"),
        APIField("difficulty"),
        APIField("best_season"),
        APIField("start_time"),
        APIField("stops"),
        APIField("route_data"),
    ]
    summary = models.TextField(max_length=300, verbose_name=_("Summary"))
    story = StreamField(StoryBlock(), blank=True, use_json_field=True, verbose_name=_("Story"))
    theme = models.CharField(max_length=16, choices=Theme.choices, verbose_name=_("Theme"))
    mode = models.CharField(
        max_length=16,
        choices=MODE_CHOICES,
        help_text=_("How the trip travels; a stop may override its leg."),
        verbose_name=_("Mode"),
    )
    days = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(14)], verbose_name=_("Days")
    )
    difficulty = models.CharField(
        max_length=16, choices=Difficulty.choices, default=Difficulty.EASY, verbose_name=_("Difficulty")
    )
    best_season = models.CharField(max_length=200, blank=True, verbose_name=_("Best season"))
    start_time = models.TimeField(
        default=dt.time(8, 0), help_text=_("Departure from the first stop."), verbose_name=_("Start time")
    )
    sunrise_margin_min = models.PositiveSmallIntegerField(
        _("minutes before sunrise"),
        default=30,
        validators=[MaxValueValidator(180)],
        help_text=_("How long before sunrise a sunrise stop must be reached."),
    )
    booking_rules = models.TextField(blank=True, verbose_name=_("Booking rules"))
    route_data = models.JSONField(default=dict, blank=True, editable=False)

    qr_enabled = True
    subpage_types: list[str] = []
    parent_page_types = ["itineraries.ItineraryIndexPage"]
    base_form_class = ItineraryForm

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("story")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("story"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("theme"), FieldPanel("mode"), FieldPanel("difficulty")]),
                FieldRowPanel(
                    [FieldPanel("days"), FieldPanel("start_time"), FieldPanel("sunrise_margin_min")]
                ),
                FieldPanel("best_season"),
            ],
            heading=_("The trip"),
        ),
        UnavailableStopsPanel(),
        InlinePanel("stops", label=_("Stops"), min_num=2),
        RouteSummaryPanel(),
        FieldPanel("booking_rules"),
        InlinePanel("links", label=_("Official links")),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("story"),
        TranslatableField("best_season"),
        TranslatableField("booking_rules"),
        SynchronizedField("route_data"),
    ]

    class Meta:
        verbose_name = _("itinerary")

    def clean(self):
        super().clean()
        self.localize_stops()

    def localize_stops(self):
        """Each stop points at the place in this itinerary's language, where that translation exists.
        wagtail-localize copies the stops of the source as they are, with the source language's places: an
        English trip would link its stops to the Indonesian pages."""
        if self.locale_id is None:
            return
        stops = list(self.stops.all())
        changed = False
        for stop in stops:
            place = stop.place
            if place is None or place.locale_id == self.locale_id:
                continue
            translated = place.get_translation_or_none(self.locale_id)
            if translated is not None:
                stop.place, changed = translated, True
        if changed:
            self.stops = stops  # held in memory: the revision saved next records them

    # --- computed route -----------------------------------------------------------------------------------
    def ordered_stops(self):
        return sorted(self.stops.all(), key=lambda stop: stop.sort_order or 0)

    def compute_route(self, stops=None):
        """Route the stops with geodata and store the result in route_data. Raises ItineraryRouteError."""
        self.route_data = compute_route_data(self, stops if stops is not None else self.ordered_stops())
        return self.route_data

    @property
    def legs(self):
        return self.route_data.get("legs", [])

    def schedule(self, day: dt.date | None = None, stops=None):
        return build_schedule(self, day, stops)

    def live_trip(self) -> Trip:
        """The trip a visitor can follow today, without the stops whose place is gone (itineraries.trip)."""
        return Trip.of(self)

    def trip_totals(self) -> dict:
        """What a card shows of the trip today: whether it can be followed, its distance and its time. They
        change only when the itinerary or one of its places changes, so they are remembered under the
        published tree's generation (heritage.published): a list of itineraries costs no query for them."""

        def compute():
            trip = self.live_trip()
            return {"complete": trip.complete, "distance_m": trip.distance_m, "duration_s": trip.duration_s}

        return published.remembered(f"trip-totals:{self.pk}:{self.latest_revision_id}", compute)

    # --- views --------------------------------------------------------------------------------------------
    def get_cached_paths(self):
        """What a cache holds of the itinerary and clears when it changes (home/invalidation.py)."""
        return ["/", "/gpx/"]

    @path("")
    def itinerary(self, request):
        return itinerary_view(self, request)

    @path("gpx/")
    def gpx(self, request):
        return gpx_view(self, request)


class ItineraryStop(Orderable):
    api_fields = [
        APIField(name)
        for name in ("place", "day", "stay_minutes", "arrive_before_sunrise", "leg_mode", "note")
    ]
    page = ParentalKey(ItineraryPage, related_name="stops", on_delete=models.CASCADE)
    # SET_NULL: deleting a place must not be refused because a trip visits it; the stop stays, shown as
    # unavailable (itineraries.trip), until an editor picks another place or removes it.
    place = models.ForeignKey(
        "heritage.PlacePage", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("Place")
    )
    day = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(14)], verbose_name=_("Day")
    )
    stay_minutes = models.PositiveSmallIntegerField(_("time spent there (min)"), default=30)
    arrive_before_sunrise = models.BooleanField(default=False, verbose_name=_("Arrive before sunrise"))
    leg_mode = models.CharField(
        _("travel mode to this stop"),
        max_length=16,
        choices=MODE_CHOICES,
        blank=True,
        help_text=_("Empty: the itinerary's mode."),
    )
    note = models.TextField(blank=True, verbose_name=_("Note"))

    panels = [
        FieldPanel("place"),
        FieldRowPanel([FieldPanel("day"), FieldPanel("stay_minutes"), FieldPanel("leg_mode")]),
        FieldPanel("arrive_before_sunrise"),
        FieldPanel("note"),
    ]


class ItineraryLink(Orderable):
    api_fields = [APIField("title"), APIField("url")]
    page = ParentalKey(ItineraryPage, related_name="links", on_delete=models.CASCADE)
    title = models.CharField(max_length=200, verbose_name=_("Title"))
    url = models.URLField(max_length=500, verbose_name=_("URL"))
    panels = [FieldPanel("title"), FieldPanel("url")]
