from django.urls import path

from community.live import views

app_name = "live"

urlpatterns = [
    path("spaces/<int:space_id>/sessions/", views.session_list, name="list"),
    path("spaces/<int:space_id>/sessions/new/", views.session_create, name="create"),
    path("spaces/<int:space_id>/sessions/<int:pk>/", views.room, name="room"),
    path("spaces/<int:space_id>/sessions/<int:pk>/edit/", views.session_edit, name="edit"),
    path("spaces/<int:space_id>/sessions/<int:pk>/calendar.ics", views.ics, name="ics"),
]
