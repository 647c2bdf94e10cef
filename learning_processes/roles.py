"""Who may edit what: the staff group, one host group per learning process, and the
approval workflow. Everything goes through Wagtail's page and collection
permissions; no view checks roles by hand. All functions are idempotent.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

STAFF_GROUP = "Connective Cities staff"
STAFF_WORKFLOW = "Connective Cities staff approval"
STAFF_PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
# Hosts draft and submit; only staff publish (through the workflow).
HOST_PAGE_PERMISSIONS = ("add", "change", "lock", "unlock")
MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}


def _page_permission(kind: str) -> Permission:
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=f"{kind}_page"
    )


def _grant_pages(group: Group, page: Page, kinds: tuple[str, ...]) -> None:
    for kind in kinds:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_page_permission(kind)
        )


def _grant_collection(group: Group, collection: Collection) -> None:
    for app_label, codenames in MEDIA_PERMISSIONS.items():
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


def _admin_access() -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


@transaction.atomic
def ensure_staff_group() -> Group:
    """Connective Cities staff edit and publish everything and own the snippets."""
    group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    group.permissions.add(_admin_access())
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="learning_processes",
            codename__regex=r"^(add|change|delete|view)_(topicfield|sustainabledevelopmentgoal)$",
        )
    )
    # Topic proposals: read, score and decide in the admin; never edited there.
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="learning_processes",
            codename__in=("view_topicproposal", "review_topicproposal", "decide_topicproposal"),
        )
    )
    root = Page.get_first_root_node()
    if root:
        _grant_pages(group, root, STAFF_PAGE_PERMISSIONS)
    _grant_collection(group, Collection.get_first_root_node())
    return group


@transaction.atomic
def ensure_staff_workflow() -> Workflow | None:
    """Every page below the site's home page is approved by staff before it goes live."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    staff = ensure_staff_group()
    task = GroupApprovalTask.objects.filter(name=STAFF_WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=STAFF_WORKFLOW)
    task.groups.set([staff])
    workflow, _ = Workflow.objects.get_or_create(name=STAFF_WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=site.root_page, defaults={"workflow": workflow})
    return workflow


def host_group_name(process: Page) -> str:
    # Group names are unique and limited to 150 characters; the page id keeps them apart.
    return f"Hosts: {process.title[:120]} ({process.pk})"


@transaction.atomic
def ensure_host_group(process: Page) -> Group:
    """The host group of one learning process: edits that process and the pages below it."""
    group = Group.objects.filter(page_permissions__page=process).exclude(name=STAFF_GROUP).first()
    if group is None:
        group = Group.objects.create(name=host_group_name(process))
    group.permissions.add(_admin_access())
    _grant_pages(group, process, HOST_PAGE_PERMISSIONS)
    root_collection = Collection.get_first_root_node()
    collection = root_collection.get_children().filter(name=process.title[:255]).first()
    if collection is None:
        collection = root_collection.add_child(name=process.title[:255])
    _grant_collection(group, collection)
    return group


def host_group_of(process: Page) -> Group | None:
    return Group.objects.filter(name__startswith="Hosts: ", page_permissions__page=process).first()


def do_add_host(process: Page, user) -> None:
    """Make a user a host of one learning process."""
    user.groups.add(ensure_host_group(process))
