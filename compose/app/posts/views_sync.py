"""Sync views (def + sync ORM), as in the study's sync/src/posts/views.py."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from posts.models import Post


def cpu(request: HttpRequest) -> JsonResponse:
    """CPU-heavy, no I/O: the study's loop."""
    ct = 0
    for i in range(10**7):
        ct += i * i
    return JsonResponse({"ct": ct})


@csrf_exempt
def io_create(request: HttpRequest) -> JsonResponse:
    """Create one post from form fields title, content."""
    new_post = Post.objects.create(
        title=request.POST["title"],
        content=request.POST["content"],
    )
    return JsonResponse(new_post.to_dict())


def io_read(request: HttpRequest) -> JsonResponse:
    """First 25 posts and the row count."""
    posts = Post.objects.all()[:25]
    ct = Post.objects.count()
    return JsonResponse({"ct": ct, "posts": [post.to_dict() for post in posts]})


def noop(request: HttpRequest) -> JsonResponse:
    """No work at all: measures the server + load generator ceiling."""
    return JsonResponse({"ok": True})
