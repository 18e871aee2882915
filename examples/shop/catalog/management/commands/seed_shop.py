from django.core.management.base import BaseCommand

from catalog.models import Category, Product

CATEGORIES = ["books", "games", "tools", "toys"]


class Command(BaseCommand):
    help = "Creates the categories and --products products (ids 1..N)."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=1000)

    def handle(self, *args, products: int, **options):
        categories = [Category.objects.get_or_create(name=name)[0] for name in CATEGORIES]
        Product.objects.all().delete()
        Product.objects.bulk_create(
            Product(id=i, category=categories[i % len(categories)], name=f"Product {i}", price_cents=100 + i % 900)
            for i in range(1, products + 1)
        )
        self.stdout.write(f"seed_shop: {products} products in {len(categories)} categories")
