#!/usr/bin/env python3
"""Score an extract run on the held-out sets, development and blind halves apart.

    python manage.py extract eval/heldout*/*.txt --json > /tmp/out.json
    python3 eval/score_heldout.py /tmp/out.json

Each set was written by someone who never read the extractor. In heldout2/ to
heldout7/ the odd-numbered articles are development data and the even ones
blind (in heldout/ the other way round): rules are tuned on development
articles only, and the blind halves say how extraction does on text nobody
tuned it on. Opened since, and development data now: both halves of heldout/
and heldout2/ (once heldout3/ and heldout4/ existed), of heldout3/ and
heldout5/ (to see how unseen text lays out holdings) and of heldout4/ (its
events). The blind halves of heldout6/ and heldout7/ and all of heldout8/
and heldout9/ have not been opened.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORER = HERE.parent.parent / "shared" / "eval" / "score_extraction.py"
SETS = [  # gold file, which parity is blind (None: the whole set is development data; "all": all blind)
    (HERE / "heldout" / "heldout.gold.json", None),
    (HERE / "heldout2" / "heldout2.gold.json", None),
    (HERE / "heldout3" / "heldout3.gold.json", None),  # its blind half was opened for tuning too
    (HERE / "heldout4" / "heldout4.gold.json", None),  # opened too, for the events it holds
    (HERE / "heldout5" / "heldout5.gold.json", None),  # opened too, for its tables of holdings
    (HERE / "heldout6" / "heldout6.gold.json", 0),
    (HERE / "heldout7" / "heldout7.gold.json", 0),
    (HERE / "heldout8" / "heldout8.gold.json", "all"),  # written late, kept blind whole
    (HERE / "heldout9" / "heldout9.gold.json", "all"),  # written last, kept blind whole
]


def main(predicted: str) -> int:
    for gold_path, blind_parity in SETS:
        gold = json.loads(gold_path.read_text())
        if blind_parity is None:
            halves = [("whole set (development)", None)]
        elif blind_parity == "all":
            halves = [("whole set (blind)", None)]
        else:
            halves = [("development half", 1 - blind_parity), ("blind half", blind_parity)]
        for half, parity in halves:
            subset = dict(gold, articles=[a for a in gold["articles"]
                                          if parity is None or int(a["file"][:3]) % 2 == parity])
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
                json.dump(subset, handle)
            print(f"== {gold_path.parent.name}, {half} ({len(subset['articles'])} articles)")
            result = subprocess.run([sys.executable, str(SCORER), handle.name, predicted],
                                    capture_output=True, text=True, check=True)
            print("\n".join(result.stdout.splitlines()[-6:]))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
