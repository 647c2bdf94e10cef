"""StreamField blocks for agendas, documentation and practice indicators."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class AgendaItemBlock(blocks.StructBlock):
    start_time = blocks.TimeBlock(label=_("start"))
    end_time = blocks.TimeBlock(label=_("end"), required=False)
    session = blocks.CharBlock(label=_("session"), max_length=200)
    speakers = blocks.CharBlock(label=_("speakers"), max_length=300, required=False)

    class Meta:
        icon = "time"
        template = "learning_processes/blocks/agenda_item.html"


class AgendaDayBlock(blocks.StructBlock):
    day = blocks.CharBlock(label=_("day"), max_length=80, help_text=_("e.g. Day 1, Tuesday"))
    date = blocks.DateBlock(label=_("date"), required=False)
    items = blocks.ListBlock(AgendaItemBlock(), label=_("sessions"))

    class Meta:
        icon = "date"
        template = "learning_processes/blocks/agenda_day.html"


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "learning_processes/blocks/image.html"


class DocumentationBlock(blocks.StreamBlock):
    document = DocumentChooserBlock(
        label=_("document"), template="learning_processes/blocks/document.html"
    )
    image = ImageWithCaptionBlock()


class IndicatorBlock(blocks.StructBlock):
    """A measured result, e.g. "landfilled waste: -21 % (2022 → 2025)"."""

    label = blocks.CharBlock(label=_("indicator"), max_length=150)
    value = blocks.CharBlock(label=_("value"), max_length=60)
    unit = blocks.CharBlock(label=_("unit"), max_length=40, required=False)
    baseline = blocks.CharBlock(label=_("baseline"), max_length=60, required=False)
    year = blocks.IntegerBlock(label=_("year"), required=False, min_value=1990, max_value=2100)

    class Meta:
        icon = "table"
        template = "learning_processes/blocks/indicator.html"
