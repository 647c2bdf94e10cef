"""The cached network is forgotten whenever what the map may show changes: a learning
process published (its partners and coordinates come with it), unpublished, moved or
deleted, or a view restriction set or lifted anywhere (a restricted process leaves the
map at once). Connected when `LearningProcessesConfig.ready` imports this module."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from learning_processes.models import LearningProcessIndexPage, LearningProcessPage
from learning_processes.network_map.selectors import forget_network


def _forget(sender, **kwargs) -> None:
    forget_network()


for _model in (LearningProcessPage, LearningProcessIndexPage):
    page_published.connect(_forget, sender=_model, dispatch_uid=f"map_published_{_model.__name__}")
    page_unpublished.connect(
        _forget, sender=_model, dispatch_uid=f"map_unpublished_{_model.__name__}"
    )
    post_delete.connect(_forget, sender=_model, dispatch_uid=f"map_deleted_{_model.__name__}")
post_page_move.connect(_forget, dispatch_uid="map_moved")
post_save.connect(_forget, sender=PageViewRestriction, dispatch_uid="map_restricted")
post_delete.connect(_forget, sender=PageViewRestriction, dispatch_uid="map_unrestricted")
