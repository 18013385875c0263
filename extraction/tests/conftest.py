import importlib.util
from pathlib import Path

import pytest

SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score_extraction.py"


@pytest.fixture
def shared_scorer():
    if not SCORER.exists():
        pytest.skip(f"{SCORER} is not here; it lives in the shared folder beside the project")
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# These need Django and the database; a pure run (-p no:django) leaves them out.
NEEDS_DATABASE = {"test_extract_command.py", "test_services.py", "test_tasks.py"}


def pytest_ignore_collect(collection_path, config):
    if collection_path.name in NEEDS_DATABASE and not config.pluginmanager.hasplugin("django"):
        return True
    return None
