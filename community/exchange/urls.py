from django.urls import include, path

from community.exchange import views

app_name = "exchange"

space_patterns = [
    path("", views.thread_list, name="threads"),
    path("new/", views.thread_create, name="new_thread"),
    path("moderation/", views.moderation, name="moderation"),
    path("members.json", views.mention_candidates, name="mention_candidates"),
    path("<id:thread_id>/", views.thread_detail, name="thread"),
    path("<id:thread_id>/reply/", views.reply, name="reply"),
    path("<id:thread_id>/posts/<id:post_id>/", views.post_permalink, name="post"),
    path("<id:thread_id>/pin/", views.thread_pin, name="pin"),
    path("<id:thread_id>/lock/", views.thread_lock, name="lock"),
    path("<id:thread_id>/practice/", views.thread_practice, name="practice"),
    path("posts/<id:post_id>/edit/", views.post_edit, name="edit_post"),
    path("posts/<id:post_id>/history/", views.post_history, name="post_history"),
    path("posts/<id:post_id>/delete/", views.post_delete, name="delete_post"),
    path("posts/<id:post_id>/restore/", views.post_restore, name="restore_post"),
    path("posts/<id:post_id>/hide/", views.post_hide, name="hide_post"),
    path("posts/<id:post_id>/unhide/", views.post_unhide, name="unhide_post"),
    path("posts/<id:post_id>/dismiss-flags/", views.post_dismiss_flags, name="dismiss_flags"),
    path("posts/<id:post_id>/react/", views.post_react, name="react"),
    path("posts/<id:post_id>/helpful/", views.post_helpful, name="helpful"),
    path("posts/<id:post_id>/flag/", views.post_flag, name="flag_post"),
    path("attachments/<id:attachment_id>/", views.attachment_download, name="attachment"),
]

urlpatterns = [
    path("spaces/<id:space_id>/threads/", include(space_patterns)),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/<id:notification_id>/", views.notification_open, name="open_notification"),
    path("notifications/settings/", views.notification_settings, name="notification_settings"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("activity/", views.activity, name="activity"),
]
