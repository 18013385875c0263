#!/usr/bin/env python3
"""Score an extract run on the held-out sets, development and blind halves apart.

    python manage.py extract eval/heldout/*.txt eval/heldout2/*.txt --json > /tmp/out.json
    python3 eval/score_heldout.py /tmp/out.json

In eval/heldout/ the even-numbered articles are development data and the odd
ones blind; in eval/heldout2/, heldout3/ and heldout4/ the odd ones are
development data and the even ones blind (so too in heldout5/, heldout6/ and heldout7/). Rules are tuned on development
articles only; the blind halves say how extraction does on text nobody tuned
it on. (heldout/ and heldout2/ were opened for tuning once heldout3/ and
heldout4/ were written: their "blind" halves are development data now.)
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORER = HERE.parent.parent / "shared" / "eval" / "score_extraction.py"
SETS = [  # gold file, which parity is blind
    (HERE / "heldout" / "heldout.gold.json", 1),
    (HERE / "heldout2" / "heldout2.gold.json", 0),
    (HERE / "heldout3" / "heldout3.gold.json", 0),
    (HERE / "heldout4" / "heldout4.gold.json", 0),
    (HERE / "heldout5" / "heldout5.gold.json", 0),
    (HERE / "heldout6" / "heldout6.gold.json", 0),
    (HERE / "heldout7" / "heldout7.gold.json", 0),
]


def main(predicted: str) -> int:
    for gold_path, blind_parity in SETS:
        gold = json.loads(gold_path.read_text())
        for half, parity in (("development", 1 - blind_parity), ("blind", blind_parity)):
            subset = dict(gold, articles=[a for a in gold["articles"] if int(a["file"][:3]) % 2 == parity])
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
                json.dump(subset, handle)
            print(f"== {gold_path.parent.name}, {half} half ({len(subset['articles'])} articles)")
            result = subprocess.run([sys.executable, str(SCORER), handle.name, predicted],
                                    capture_output=True, text=True, check=True)
            print("\n".join(result.stdout.splitlines()[-6:]))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
