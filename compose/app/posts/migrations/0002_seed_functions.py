# The SQL function `manage.py seed_posts` calls (docs/stack.md).
#
# It also created async_bench_reset() (delete every non-seed row) until the per-cell
# reset became a restore from a template database; it is edited out here rather than
# dropped by a 0003 because this migration only ever runs on a fresh database: every
# run starts a new PostgreSQL volume, migrates, seeds and snapshots it.

from django.db import migrations

from posts.seed_sql import CREATE_FUNCTIONS, DROP_FUNCTIONS


class Migration(migrations.Migration):
    dependencies = [("posts", "0001_initial")]

    operations = [migrations.RunSQL(CREATE_FUNCTIONS, DROP_FUNCTIONS)]
