"""Django admin views for staff who need to look something up; changes to memberships
go through the members pages, where they are logged."""

from django.contrib import admin

from community.models import Invitation, JoinRequest, Membership, MembershipChange, Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("display_name", "organisation", "country", "visibility", "updated_at")
    list_filter = ("visibility", "organisation_type", "country")
    search_fields = ("display_name", "organisation", "user__email")
    raw_id_fields = ("user",)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "space", "role", "joined_at")
    list_filter = ("role",)
    search_fields = ("user__email", "space__title")
    raw_id_fields = ("user", "space")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(MembershipChange)
class MembershipChangeAdmin(admin.ModelAdmin):
    list_display = ("created_at", "space", "user", "action", "old_role", "new_role", "actor")
    list_filter = ("action",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = (
        "email",
        "space",
        "role",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
    )
    search_fields = ("email", "space__title")
    exclude = ("token_hash",)
    readonly_fields = (
        "space",
        "email",
        "role",
        "invited_by",
        "created_at",
        "accepted_by",
        "accepted_at",
    )

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ("user", "space", "status", "created_at", "decided_by", "decided_at")
    list_filter = ("status",)
    readonly_fields = ("space", "user", "message", "created_at", "decided_by", "decided_at")
