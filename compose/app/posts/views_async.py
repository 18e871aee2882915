"""Async views (async def + async ORM), as in the study's async/src/posts/views.py."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from posts.models import Post


async def cpu(request: HttpRequest) -> JsonResponse:
    """CPU-heavy, no I/O: the study's loop, blocking the event loop as it did there."""
    ct = 0
    for i in range(10**7):
        ct += i * i
    return JsonResponse({"ct": ct})


@csrf_exempt
async def io_create(request: HttpRequest) -> JsonResponse:
    """Create one post from form fields title, content."""
    new_post = await Post.objects.acreate(
        title=request.POST["title"],
        content=request.POST["content"],
    )
    return JsonResponse(new_post.to_dict())


async def io_read(request: HttpRequest) -> JsonResponse:
    """First 25 posts and the row count."""
    posts = [p async for p in Post.objects.all()[:25]]
    ct = await Post.objects.acount()
    return JsonResponse({"ct": ct, "posts": [post.to_dict() for post in posts]})


async def noop(request: HttpRequest) -> JsonResponse:
    """No work at all: measures the server + load generator ceiling."""
    return JsonResponse({"ok": True})
