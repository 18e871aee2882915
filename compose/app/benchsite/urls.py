from django.urls import include, path

from posts import views_common

urlpatterns = [
    path("healthz/", views_common.healthz),
    path("posts/", include("posts.urls")),
]
