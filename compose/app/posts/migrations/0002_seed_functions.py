# SQL functions used by `manage.py seed_posts` / `reset_posts` and by the fast reset
# through psql in the db container (docs/stack.md).

from django.db import migrations

from posts.seed_sql import CREATE_FUNCTIONS, DROP_FUNCTIONS


class Migration(migrations.Migration):
    dependencies = [("posts", "0001_initial")]

    operations = [migrations.RunSQL(CREATE_FUNCTIONS, DROP_FUNCTIONS)]
