from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from connective_site import views
from learning_processes.api import api_router

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("", include("community.urls")),
    path("", include("search.urls")),
    path("", include("community.live.urls")),
    path("proposals/", include("learning_processes.calls.urls")),
    path("", include("community.exchange.urls")),
    path("api/v2/", api_router.urls),
    re_path(
        rf"^{settings.MEDIA_URL.strip('/')}/(?P<folder>images|original_images)/(?P<path>.+)$",
        views.wagtail_image_file,
        name="wagtail_image_file",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The interface language follows the browser or the language switch (a cookie),
# so page URLs stay the same in every language. Wagtail's catch-all comes last.
urlpatterns += [path("", include(wagtail_urls))]

handler403 = "connective_site.views.permission_denied"
handler500 = "connective_site.views.server_error"
