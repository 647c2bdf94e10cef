"""The members pages; `community.urls` puts them in the `community` namespace."""

from django.urls import path

from community.members import views

urlpatterns = [
    path("members/", views.directory, name="directory"),
    path("members/<id:user_id>/", views.profile_detail, name="profile"),
    path("members/profile/", views.profile_edit, name="profile_edit"),
    path("members/my-data/", views.my_data, name="my_data"),
    path("members/my-data/export/", views.data_export, name="data_export"),
    path("members/delete-account/", views.account_delete, name="account_delete"),
    path("spaces/<id:space_id>/members/", views.space_members, name="space_members"),
    path("spaces/<id:space_id>/members/invite/", views.space_invite, name="space_invite"),
    path("spaces/<id:space_id>/members/join/", views.space_join, name="space_join"),
    path("spaces/<id:space_id>/members/leave/", views.space_leave, name="space_leave"),
    path(
        "spaces/<id:space_id>/members/requests/<id:request_id>/",
        views.join_request_decide,
        name="join_request_decide",
    ),
    path(
        "spaces/<id:space_id>/members/<id:membership_id>/role/",
        views.member_role,
        name="member_role",
    ),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
]
