"""`{% load interface_tags %}`: interface words stored in the database, translated
(see learning_processes.interface_text)."""

from django import template

from learning_processes.interface_text import interface_richtext, interface_text

register = template.Library()
register.filter("interface_text", interface_text)
register.filter("interface_richtext", interface_richtext)
