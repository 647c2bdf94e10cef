"""What the community app shows on the content pages (learning_processes.extensions):
the members area of a learning process, the space that gathers its people."""

from community.templatetags.community_tags import members_area
from learning_processes.extensions import LEARNING_PROCESS_MEMBERS, register_panel


def register_page_panels() -> None:
    register_panel(LEARNING_PROCESS_MEMBERS, "community/members_area.html", members_area)
