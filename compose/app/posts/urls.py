"""Same URLs for both setups; settings.ASYNC_BENCH_VIEWS picks the view module."""

from django.conf import settings
from django.urls import path

from posts.plant import planted

if settings.ASYNC_BENCH_VIEWS == "async":
    from posts import views_async as views
else:
    from posts import views_sync as views

urlpatterns = [
    path("cpu/", planted("cpu", views.cpu)),
    path("io_create/", planted("io_create", views.io_create)),
    path("io_read/", planted("io_read", views.io_read)),
    path("noop/", views.noop),
]
