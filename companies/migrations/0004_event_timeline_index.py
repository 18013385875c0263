"""An index in the timeline's own order (PostgreSQL only).

Timelines and /api/v1/events/ list approved events by
COALESCE(date, '0001-01-01') DESC, id DESC (`selectors.event_list`: undated
events last). With this partial index PostgreSQL walks events in that order
and stops after a page, instead of sorting every approved event; for a company
in thousands of events it checks each against the participant index on the way.
"""

from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS event_timeline_order_idx ON companies_event
    ((COALESCE(date, '0001-01-01'::date)) DESC, id DESC) WHERE review_state = 'approved';
CREATE INDEX IF NOT EXISTS eventparticipant_company_event_idx ON companies_eventparticipant (company_id, event_id);
"""
DROP = """
DROP INDEX IF EXISTS event_timeline_order_idx;
DROP INDEX IF EXISTS eventparticipant_company_event_idx;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("companies", "0003_groups")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
