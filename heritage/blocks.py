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


class StoryImageBlock(ImageBlock):
    """Wagtail's image block, its chooser labelled in the editor's language (Wagtail names that child after
    its Python name, in English). Deconstructs as Wagtail's ImageBlock: migrations do not know this class."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.child_blocks["image"].label = _("Image")


class StoryBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        form_classname="title", icon="title", template="heritage/blocks/heading.html", label=_("Heading")
    )
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"], label=_("Paragraph"))
    image = StoryImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    timeline = TimelineBlock(label=_("Timeline"))
