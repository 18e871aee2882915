import time

from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = "Delete posts created by the benchmark (not seed), then VACUUM ANALYZE and CHECKPOINT."

    def handle(self, *args, **options):
        t0 = time.perf_counter()
        with connection.cursor() as cur:
            cur.execute("SELECT async_bench_reset()")
            deleted = cur.fetchone()[0]
            cur.execute("VACUUM (ANALYZE) posts_post")
            cur.execute("CHECKPOINT")
        self.stdout.write(f"reset_posts: deleted {deleted} posts in {time.perf_counter() - t0:.2f} s")
