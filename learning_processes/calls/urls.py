"""The applicant's proposal pages, included at /proposals/."""

from django.urls import path

from learning_processes.calls import views

app_name = "proposals"

urlpatterns = [
    path("", views.my_proposals, name="mine"),
    path("new/<id:call_id>/", views.start_proposal, name="start"),
    path("<id:proposal_id>/", views.proposal_detail, name="detail"),
    path("<id:proposal_id>/edit/", views.edit_proposal, name="edit"),
    path("<id:proposal_id>/autosave/", views.autosave_proposal, name="autosave"),
    path("<id:proposal_id>/withdraw/", views.withdraw_proposal, name="withdraw"),
    path(
        "<id:proposal_id>/attachments/<id:attachment_id>/",
        views.download_attachment,
        name="attachment",
    ),
]
