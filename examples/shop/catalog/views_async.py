import json

from django.conf import settings
from django.db import connection
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import shipping
from .models import Category, Order, Product


async def product_list(request):
    if settings.SHOP_PLANT_N_PLUS_ONE:
        return await product_list_n_plus_one(request)
    products = Product.objects.select_related("category").order_by("id")
    if "category" in request.GET:
        products = products.filter(category__name=request.GET["category"])
    return JsonResponse({"products": [{"id": p.id, "name": p.name, "category": p.category.name} async for p in products[:20]]})


async def product_list_n_plus_one(request):
    """The planted N+1 (settings.SHOP_PLANT_N_PLUS_ONE): each row's category is a query of its own."""
    products = Product.objects.order_by("id")
    if "category" in request.GET:
        products = products.filter(category__name=request.GET["category"])
    rows = [{"id": p.id, "name": p.name, "category": (await Category.objects.aget(pk=p.category_id)).name} async for p in products[:20]]
    return JsonResponse({"products": rows})


async def product_detail(request, product_id):
    try:
        product = await Product.objects.select_related("category").aget(pk=product_id)
    except Product.DoesNotExist:
        raise Http404
    return JsonResponse({"id": product.id, "name": product.name, "price_cents": product.price_cents, "category": product.category.name})


@csrf_exempt
@require_POST
async def create_order(request):
    body = json.loads(request.body)
    order = await Order.objects.acreate(product_id=body["product"], quantity=body["quantity"])
    return JsonResponse({"id": order.id}, status=201)


async def shipping_quote(request, product_id):
    return JsonResponse({"product": product_id, "shipping_cents": await shipping.aquote(product_id)})
