from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .graphql.views import GraphQLView
from .translation import po_files

urlpatterns = [
    # Ahead of the admin: replaces wagtail-localize's PO upload, which 500s on a file without its header.
    path("admin/localize/translate/<int:translation_id>/pofile/upload/", po_files.upload_pofile),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Frontends call the API cross-site without cookies, so CSRF does not apply.
    path("graphql/", csrf_exempt(GraphQLView.as_view()), name="graphql"),
    path("", include("grapple.urls")),  # /graphiql/ when GRAPHIQL_ENABLED (its /graphql/ is shadowed above)
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Page URLs carry their language (/en/…, /fr/…); each redirects to the frontend.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)))
