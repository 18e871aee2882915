import json

from django.conf import settings
from django.db import connection
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import shipping
from .models import Order, Product


def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"ok": True})


def product_list(request):
    # The planted N+1 (settings.SHOP_PLANT_N_PLUS_ONE): no join, so each row's category is a query.
    products = Product.objects.order_by("id")
    if not settings.SHOP_PLANT_N_PLUS_ONE:
        products = products.select_related("category")
    if "category" in request.GET:
        products = products.filter(category__name=request.GET["category"])
    return JsonResponse({"products": [{"id": p.id, "name": p.name, "category": p.category.name} for p in products[:20]]})


def product_detail(request, product_id):
    try:
        product = Product.objects.select_related("category").get(pk=product_id)
    except Product.DoesNotExist:
        raise Http404
    return JsonResponse({"id": product.id, "name": product.name, "price_cents": product.price_cents, "category": product.category.name})


@csrf_exempt
@require_POST
def create_order(request):
    body = json.loads(request.body)
    order = Order.objects.create(product_id=body["product"], quantity=body["quantity"])
    return JsonResponse({"id": order.id}, status=201)


def shipping_quote(request, product_id):
    return JsonResponse({"product": product_id, "shipping_cents": shipping.quote(product_id)})
