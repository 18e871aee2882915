"""The same URLs for both variants; SHOP_VIEWS (set per setup in async-bench.yml) picks
def views with the sync ORM or async def views with the async ORM."""

import os

from django.urls import path

from catalog import views_async, views_sync

views = views_async if os.environ.get("SHOP_VIEWS") == "async" else views_sync

urlpatterns = [
    path("health/", views_sync.health),
    path("products/", views.product_list),
    path("products/<int:product_id>/", views.product_detail),
    path("orders/", views.create_order),
    path("quote/<int:product_id>/", views.shipping_quote),
]
