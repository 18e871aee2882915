import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from posts.seed_sql import SEED_TIMESTAMP


class Command(BaseCommand):
    help = "Fill posts_post with COUNT deterministic posts in one set-based INSERT (skips if already there)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1_000_000)
        parser.add_argument("--force", action="store_true", help="reseed even if the table already holds the seed")
        parser.add_argument("--migrate", action="store_true", help="apply migrations first (one container run for both)")

    def handle(self, *args, count: int, force: bool, migrate: bool, **options):
        if migrate:
            t0 = time.perf_counter()
            call_command("migrate", interactive=False, verbosity=0)
            self.stdout.write(f"seed_posts: migrations applied in {time.perf_counter() - t0:.2f} s")
        with connection.cursor() as cur:
            cur.execute(
                "SELECT count(*) FILTER (WHERE created_at = %s), count(*) FROM posts_post",
                [SEED_TIMESTAMP],
            )
            seeded, total = cur.fetchone()
            if not force and seeded == count and total == count:
                self.stdout.write(f"seed_posts: {count} posts already seeded, nothing to do")
                return
            t0 = time.perf_counter()
            cur.execute("SELECT async_bench_seed(%s)", [count])
            inserted = cur.fetchone()[0]
            t1 = time.perf_counter()
            # Fresh statistics and a set visibility map, so count(*) plans the same in every run.
            cur.execute("VACUUM (ANALYZE) posts_post")
            cur.execute("CHECKPOINT")
            t2 = time.perf_counter()
        self.stdout.write(
            f"seed_posts: inserted {inserted} posts in {t1 - t0:.2f} s; "
            f"vacuum analyze + checkpoint {t2 - t1:.2f} s; total {t2 - t0:.2f} s"
        )
