"""Fixtures shared by the review desk's tests."""

import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(username="editor", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
