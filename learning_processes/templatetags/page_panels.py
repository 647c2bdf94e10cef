"""`{% load page_panels %}{% page_panels "slot" page %}`: what other apps show in a slot
of a content page (see learning_processes.extensions)."""

from django import template
from django.template import Engine
from django.utils.html import format_html_join

from learning_processes.extensions import panels

register = template.Library()


@register.simple_tag(takes_context=True)
def page_panels(context: template.Context, slot: str, page) -> str:
    """Each panel as an inclusion tag renders: its own context, the page's CSRF token."""
    # The engine rendering the page, as for an inclusion tag.
    engine = context.template.engine if context.template else Engine.get_default()
    rendered = []
    for panel in panels(slot):
        panel_context = context.new(panel.get_context(context, page))
        csrf_token = context.get("csrf_token")
        if csrf_token is not None:
            panel_context["csrf_token"] = csrf_token
        source = engine.get_template(panel.template_name)
        rendered.append((source.render(panel_context),))
    return format_html_join("", "{}", rendered)
