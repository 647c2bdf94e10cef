"""The applicant's proposal pages, included at /proposals/."""

from django.urls import path

from learning_processes import views

app_name = "proposals"

urlpatterns = [
    path("", views.my_proposals, name="mine"),
    path("new/<int:call_id>/", views.start_proposal, name="start"),
    path("<int:proposal_id>/", views.proposal_detail, name="detail"),
    path("<int:proposal_id>/edit/", views.edit_proposal, name="edit"),
    path("<int:proposal_id>/autosave/", views.autosave_proposal, name="autosave"),
    path("<int:proposal_id>/withdraw/", views.withdraw_proposal, name="withdraw"),
    path(
        "<int:proposal_id>/attachments/<int:attachment_id>/",
        views.download_attachment,
        name="attachment",
    ),
]
