from django.urls import path

from community.live import views

app_name = "live"

urlpatterns = [
    path("spaces/<id:space_id>/sessions/", views.session_list, name="list"),
    path("spaces/<id:space_id>/sessions/new/", views.session_create, name="create"),
    path("spaces/<id:space_id>/sessions/<id:pk>/", views.room, name="room"),
    path("spaces/<id:space_id>/sessions/<id:pk>/edit/", views.session_edit, name="edit"),
    path("spaces/<id:space_id>/sessions/<id:pk>/calendar.ics", views.ics, name="ics"),
]
