"""The community app's URLs, namespace `community`: the account pages (allauth's
side, `community.accounts`) and the members pages (`community.members`)."""

from django.urls import path

from community.accounts import views as account_views
from community.members import urls as members_urls

app_name = "community"

urlpatterns = [
    path("account/", account_views.account, name="account"),
    path("spaces/", account_views.my_spaces, name="my_spaces"),
    *members_urls.urlpatterns,
]
