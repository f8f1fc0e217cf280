"""The StreamField blocks every story on the site is built from (places, itineraries, products)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Who said or wrote it"))

    class Meta:
        icon = "openquote"
        template = "heritage/blocks/quote.html"


class TimelineEntryBlock(blocks.StructBlock):
    # Free text, not a date: sources give "c. 1248", "760" or "1927–1929".
    when = blocks.CharBlock(max_length=40, label=_("When"))
    text = blocks.TextBlock(label=_("What happened"))


class TimelineBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(TimelineEntryBlock(), **kwargs)

    class Meta:
        icon = "time"
        template = "heritage/blocks/timeline.html"


class StoryBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title", template="heritage/blocks/heading.html")
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])
    image = ImageBlock()
    quote = QuoteBlock()
    timeline = TimelineBlock()
