"""Sanity checks for heldout3.gold.json: parses, keys resolve, no alias collisions,
and a prediction built from the gold itself scores 1.000 with the shared scorer."""
import json, os, re, subprocess, sys
sys.path.insert(0, "/work/shared/eval")
from score_extraction import norm
here = os.path.dirname(os.path.abspath(__file__))
gold = json.load(open(os.path.join(here, "heldout3.gold.json")))
names = gold["names"]
# alias collisions
seen = {}
for k, ns in names.items():
    for n in ns + [k]:
        m = norm(n)
        if m in seen and seen[m] != k:
            print("COLLISION", n, k, seen[m])
        seen.setdefault(m, k)
used = set()
for a in gold["articles"]:
    assert os.path.exists(os.path.join(here, a["file"])), a["file"]
    used |= set(a["companies"]) | set(a["companies_optional"])
    for s in a["stakes"] + a["stakes_optional"]:
        used |= {s["owner"], s["target"]}
    for e in a["events"] + a["events_optional"]:
        used |= set(e["companies"])
        assert e["kind"] in {"merger_talks", "merger_talks_ended", "approach", "partnership", "stake_change",
                             "restructuring", "financial_result", "leadership_change", "product_launch", "policy"}, e
        assert e.get("status") in (None, "rumored", "reported", "confirmed", "denied"), e
    for f in a["figures"] + a["figures_optional"]:
        if f["company"] is not None:
            used.add(f["company"])
    for f in a["figures"]:
        assert f["metric"] in {"sales_units", "ev_sales_units", "net_income", "revenue", "cost_savings", "jobs_cut",
                               "plants_closed", "market_share", "tariff_cost"}, f
    # required companies must include every company used in required stakes/events/figures
    req = set(a["companies"]); allc = req | set(a["companies_optional"])
    for s in a["stakes"]:
        assert {s["owner"], s["target"]} <= allc, (a["file"], s)
    for e in a["events"]:
        assert set(e["companies"]) <= allc, (a["file"], e)
    for f in a["figures"]:
        assert f["company"] is None or f["company"] in allc, (a["file"], f)
missing = used - set(names)
print("keys used:", len(used), "missing from names:", sorted(missing))
first = lambda k: names[k][0] if k else None
pred = []
for a in gold["articles"]:
    pred.append({"source": "eval/heldout3/" + a["file"], "published": a["published"],
                 "companies": [{"name": first(k)} for k in a["companies"]],
                 "stakes": [{"owner": first(s["owner"]), "target": first(s["target"]), "percent": s["percent"]} for s in a["stakes"]],
                 "events": [{"kind": e["kind"], "companies": [first(c) for c in e["companies"]]} for e in a["events"]],
                 "figures": [{"company": first(f["company"]), "metric": f["metric"], "value": f["value"]} for f in a["figures"]]})
p = "/tmp/heldout3_selfpred.json"
json.dump(pred, open(p, "w"), indent=1)
subprocess.run([sys.executable, "/work/shared/eval/score_extraction.py", os.path.join(here, "heldout3.gold.json"), p, "--verbose"])
