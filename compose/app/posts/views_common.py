"""Views outside the benchmark routes."""

from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.db import connection
from django.http import HttpRequest, JsonResponse


def healthz(request: HttpRequest) -> JsonResponse:
    """One cheap query, so 200 means the DB is reachable; tells which setup is serving."""
    with connection.cursor() as cur:
        cur.execute("SELECT 1")
        cur.fetchone()
    return JsonResponse(
        {
            "ok": True,
            "views": settings.ASYNC_BENCH_VIEWS,
            "interface": "asgi" if isinstance(request, ASGIRequest) else "wsgi",
        }
    )
