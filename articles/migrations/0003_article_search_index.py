"""Full-text search of articles on PostgreSQL: a stored, weighted tsvector
(`search_document`: title as A, body as B) kept up to date by PostgreSQL
itself, and a GIN index on it.

The column is generated, so no code writes it, and the model does not declare
it: `articles.selectors.search_articles` reads it by name. Ranking reads the
stored vector instead of parsing every matching body again. SQLite, the
development default, has neither and searches by substring.
"""

from django.db import migrations

ADD = """
ALTER TABLE articles_article ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'B')
) STORED;
CREATE INDEX article_search_idx ON articles_article USING gin (search_document);
"""
DROP = """
DROP INDEX IF EXISTS article_search_idx;
ALTER TABLE articles_article DROP COLUMN IF EXISTS search_document;
"""


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_ingestion")]

    operations = [migrations.RunPython(add, drop, elidable=False)]
