"""SQL for seeding the posts table, in one place.

Every seeded row carries SEED_TIMESTAMP as created_at; rows made by /posts/io_create/
carry the time of the request. Each cell of the benchmark starts from the same rows
because async-bench restores the database from a template copy taken after the seed
(docs/stack.md), not by deleting rows. The seed is a pure function of the row count:
the same rows, in the same physical order, on every machine.
"""

SEED_TIMESTAMP = "2022-11-22 00:00:00+00"

CREATE_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION async_bench_seed(n integer) RETURNS bigint
LANGUAGE plpgsql
SET maintenance_work_mem = '256MB'
AS $$
DECLARE
  inserted bigint;
BEGIN
  TRUNCATE posts_post;
  -- One set-based insert into a table without its primary-key index, then one sorted
  -- index build: about twice as fast as maintaining the btree row by row.
  ALTER TABLE posts_post DROP CONSTRAINT posts_post_pkey;
  -- Ids: 32 hashed bits first (spread over the key space like the study's uuid4s, so
  -- new rows land all over the index), then i (unique, deterministic). Title and
  -- content have the lengths of the study's ("Post " + 10, "Content " + 100 chars).
  INSERT INTO posts_post (id, title, content, created_at, updated_at)
  SELECT (lpad(to_hex(hashint8(i)), 8, '0') || lpad(to_hex(i), 24, '0'))::uuid,
         'Post ' || lpad(i::text, 10, '0'),
         'Content ' || rpad(i::text, 100, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'),
         TIMESTAMPTZ '{SEED_TIMESTAMP}',
         TIMESTAMPTZ '{SEED_TIMESTAMP}'
  FROM generate_series(1, n) AS s(i);
  GET DIAGNOSTICS inserted = ROW_COUNT;
  ALTER TABLE posts_post ADD CONSTRAINT posts_post_pkey PRIMARY KEY (id);
  RETURN inserted;
END
$$;
"""

DROP_FUNCTIONS = """
DROP FUNCTION IF EXISTS async_bench_seed(integer);
"""
