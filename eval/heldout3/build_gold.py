import json
seed = json.load(open('/work/shared/eval/seeds.gold.json'))
names = dict(seed['names'])
names.update({
 "foxconn": ["Foxconn", "Hon Hai Precision Industry", "Hon Hai", "Hon Hai Precision Industry Co., Ltd.", "Foxconn Technology Group"],
 "foxtron": ["Foxtron", "Foxtron Vehicle Technologies"],
 "volkswagen": ["Volkswagen", "Volkswagen Group", "Volkswagen AG", "VW"],
 "mitsubishi-corp": ["Mitsubishi Corporation", "Mitsubishi Corp."],
 "sbi-securities": ["SBI Securities", "SBI Securities Co., Ltd."],
 "toyota-industries": ["Toyota Industries", "Toyota Industries Corporation"],
 "toyota-fudosan": ["Toyota Fudosan", "Toyota Fudosan Co., Ltd."],
 "denso": ["Denso", "Denso Corporation"],
 "aisin": ["Aisin", "Aisin Corporation"],
 "tokai-tokyo": ["Tokai Tokyo Intelligence Laboratory", "Tokai Tokyo Research Institute"],
 "tokyo-stock-exchange": ["Tokyo Stock Exchange", "TSE", "Japan Exchange Group"],
 "lseg": ["LSEG", "London Stock Exchange Group"],
 "clsa": ["CLSA"],
 "moodys": ["Moody's", "Moody's Ratings", "Moody's Investors Service"],
 "sp-global": ["S&P Global", "S&P Global Ratings"],
 "daimler-truck": ["Daimler Truck", "Daimler Truck Holding", "Daimler Truck Holding AG"],
 "mitsubishi-fuso": ["Mitsubishi Fuso", "Mitsubishi Fuso Truck and Bus", "Mitsubishi Fuso Truck and Bus Corporation", "Fuso"],
 "archion": ["Archion", "Archion Corporation"],
 "hyundai": ["Hyundai", "Hyundai Motor", "Hyundai Motor Company"],
 "tata-daewoo": ["Tata Daewoo", "Tata Daewoo Commercial Vehicle", "Tata Daewoo Mobility"],
 "ud-trucks": ["UD Trucks", "UD Trucks Corporation"],
 "volvo": ["Volvo", "AB Volvo", "Volvo Group"],
 "sony": ["Sony", "Sony Group", "Sony Group Corporation"],
 "sony-honda-mobility": ["Sony Honda Mobility", "Sony Honda Mobility Inc."],
 "qualcomm": ["Qualcomm", "Qualcomm Technologies", "Qualcomm Inc."],
 "lucid": ["Lucid", "Lucid Motors", "Lucid Group"],
 "maruti-suzuki": ["Maruti Suzuki", "Maruti Suzuki India", "Maruti Suzuki India Limited", "Maruti"],
 "tata-motors": ["Tata Motors", "Tata Motors Limited"],
 "mahindra": ["Mahindra & Mahindra", "Mahindra", "Mahindra and Mahindra", "M&M"],
 "motilal-oswal": ["Motilal Oswal", "Motilal Oswal Financial Services"],
 "bse": ["BSE", "Bombay Stock Exchange"],
 "ampere": ["Ampere", "Ampere SAS"],
 "rnaipl": ["Renault Nissan Automotive India", "Renault Nissan Automotive India Private Limited", "RNAIPL"],
 "french-state": ["French state", "French government"],
 "apple": ["Apple", "Apple Inc."],
 "nidec": ["Nidec", "Nidec Corporation"],
 "yulon": ["Yulon", "Yulon Motor", "Yulon Motor Co."],
 "lordstown": ["Lordstown Motors", "Lordstown Motors Corp."],
 "tiw": ["TIW"],
})

def S(o, t, p): return {"owner": o, "target": t, "percent": float(p)}
def E(kind, cos, status=None, date=None):
    return {"kind": kind, "companies": cos, "status": status, "date": date}
def EO(kind, cos, status=None, date=None):
    e = {"kind": kind, "companies": cos}
    if status: e["status"] = status
    if date: e["date"] = date
    return e
def F(c, m, v): return {"company": c, "metric": m, "value": v}
def O(c, *vals): return [{"company": c, "value": v} for v in vals]

def art(file, published, companies, companies_optional, stakes, stakes_optional, events, events_optional, figures, figures_optional):
    # convention from the seed gold: every stake percentage is also an optional figure of owner and target
    fo = list(figures_optional)
    seen = {(f["company"], f["value"]) for f in fo}
    for s in stakes + stakes_optional:
        for c in (s["owner"], s["target"]):
            if (c, s["percent"]) not in seen:
                fo.append({"company": c, "value": s["percent"]}); seen.add((c, s["percent"]))
    return {"file": file, "published": published, "companies": companies, "companies_optional": companies_optional,
            "stakes": stakes, "stakes_optional": stakes_optional, "events": events, "events_optional": events_optional,
            "figures": figures, "figures_optional": fo}

A = []

# 201 Reuters wire: Honda-Nissan talks collapse
A.append(art("201_honda_nissan_talks_collapse.txt", "2025-02-13",
  ["honda", "nissan", "mitsubishi-motors", "foxconn", "renault", "byd", "toyota", "volkswagen"], [],
  [S("nissan", "mitsubishi-motors", 27), S("renault", "nissan", 35.7)], [],
  [E("merger_talks_ended", ["honda", "nissan"], "confirmed", "2025-02-13"),
   E("financial_result", ["nissan"], "confirmed", "2025-02-13"),
   E("financial_result", ["honda"], "confirmed", "2025-02-13"),
   E("approach", ["foxconn", "nissan"], "rumored", None)],
  [EO("merger_talks_ended", ["honda", "nissan", "mitsubishi-motors"], "confirmed", "2025-02-13"),
   EO("merger_talks", ["honda", "nissan"], "confirmed", "2024-12-23"),
   EO("merger_talks", ["honda", "nissan", "mitsubishi-motors"]),
   EO("restructuring", ["nissan"], "confirmed", "2024-11"),
   EO("partnership", ["honda", "nissan"], "confirmed", "2024-03"),
   EO("stake_change", ["foxconn", "nissan"], "rumored"),
   EO("policy", []), EO("policy", ["nissan", "honda"])],
  [F("nissan", "net_income", -80000000000), F("nissan", "jobs_cut", 9000)],
  O("nissan", -523000000, 523000000, 20, 2.3) + O("honda", 1.5, 19, 1100000000000) +
  O(None, 7400000) + O("honda", 7400000) + O("nissan", 7400000) + O(None, 153)))

# 202 Nikkei Asia style: Mitsubishi Motors joins software pact
A.append(art("202_mitsubishi_motors_joins_software_pact.txt", "2024-08-01",
  ["mitsubishi-motors", "honda", "nissan", "toyota", "subaru", "mazda", "suzuki", "mitsubishi-corp", "byd"], ["sbi-securities"],
  [S("nissan", "mitsubishi-motors", 26.7), S("mitsubishi-corp", "mitsubishi-motors", 20)], [],
  [E("partnership", ["mitsubishi-motors", "honda", "nissan"], "confirmed", "2024-08-01"),
   E("partnership", ["honda", "nissan"], "confirmed", "2024-08-01"),
   E("financial_result", ["nissan"], "confirmed", "2024-08-01")],
  [EO("partnership", ["honda", "nissan"], "confirmed", "2024-03"),
   EO("partnership", ["toyota", "subaru", "mazda", "suzuki"]),
   EO("stake_change", ["honda", "nissan", "mitsubishi-motors"], "denied")],
  [F("honda", "sales_units", 4100000), F("nissan", "sales_units", 3440000), F("mitsubishi-motors", "sales_units", 815000)],
  O(None, 8400000) + O("honda", 8400000) + O("nissan", 8400000, 28, 99, 995000000, 500000000000, 600000000000) +
  O("mitsubishi-motors", 8400000) + O("honda", 40) + O("toyota", 1200000000000)))

# 203 Japan Times style: Toyota Industries take-private
A.append(art("203_toyota_industries_take_private.txt", "2025-06-03",
  ["toyota-industries", "toyota-fudosan", "toyota", "denso", "aisin"], ["tokyo-stock-exchange", "tokai-tokyo"],
  [S("toyota", "toyota-industries", 24.7), S("toyota-industries", "toyota", 9.1)], [],
  [E("stake_change", ["toyota-fudosan", "toyota-industries", "toyota"], "confirmed", "2025-06-03"),
   E("stake_change", ["toyota-industries", "toyota"], "confirmed", "2025-06-03")],
  [EO("stake_change", ["toyota-industries", "denso", "aisin"]),
   EO("stake_change", ["toyota-industries", "denso"]), EO("stake_change", ["toyota-industries", "aisin"]),
   EO("merger_talks", ["toyota-fudosan", "toyota-industries", "toyota"], "reported", "2025-01"),
   EO("financial_result", ["toyota-industries"], "confirmed")],
  [F("toyota-industries", "revenue", 4080000000000), F("toyota-industries", "net_income", 345000000000)],
  O("toyota-industries", 4700000000000, 16300, 16825, 1.3) + O("toyota-fudosan", 4700000000000, 16300) +
  O("toyota", 4700000000000) + O(None, 4700000000000, 1000000000, 16300)))

# 204 CNBC style: Honda results and tariff costs
A.append(art("204_honda_profit_tariffs.txt", "2025-05-13",
  ["honda", "nissan", "toyota", "mazda", "subaru"], ["lseg"],
  [], [],
  [E("financial_result", ["honda"], "confirmed", "2025-05-13")],
  [EO("restructuring", ["honda"], "confirmed", "2025-05-13"),
   EO("policy", [], "confirmed", "2025-04"), EO("policy", ["honda"]), EO("policy", ["honda", "toyota", "mazda", "subaru"]),
   EO("merger_talks_ended", ["honda", "nissan"], "confirmed", "2025-02"),
   EO("partnership", ["honda", "nissan"]),
   EO("financial_result", ["toyota"]), EO("financial_result", ["mazda"]), EO("financial_result", ["subaru"])],
  [F("honda", "net_income", 250000000000), F("honda", "net_income", 835800000000),
   F("honda", "tariff_cost", 650000000000), F("honda", "revenue", 21690000000000),
   F("honda", "sales_units", 3620000), F("subaru", "tariff_cost", 180000000000)],
  O("honda", 1700000000, 900000000000, 1210000000000, 20570000, 7000000000000, 10000000000000, 3000000000000,
    1100000000000, 70, 6.2, 11.9, 4, 30, 20, 2) + O(None, 25)))

# 205 trade site: Re:Nissan
A.append(art("205_re_nissan_plan.txt", "2025-05-14",
  ["nissan", "honda", "dongfeng", "renault", "mitsubishi-motors"], ["infiniti", "clsa", "moodys", "sp-global"],
  [], [],
  [E("financial_result", ["nissan"], "confirmed", "2025-05-13"),
   E("restructuring", ["nissan"], "confirmed", "2025-05-13")],
  [EO("leadership_change", ["nissan"], "confirmed", "2025-04-01"),
   EO("merger_talks_ended", ["honda", "nissan"], "confirmed", "2025-02"),
   EO("restructuring", ["nissan"], "confirmed", "2024-11"),
   EO("product_launch", ["nissan", "dongfeng"], "confirmed", "2025-04"), EO("product_launch", ["nissan"]),
   EO("partnership", ["nissan", "dongfeng"]), EO("partnership", ["nissan", "renault", "mitsubishi-motors"]),
   EO("policy", []), EO("policy", ["nissan"])],
  [F("nissan", "net_income", -670900000000), F("nissan", "jobs_cut", 20000), F("nissan", "plants_closed", 7),
   F("nissan", "cost_savings", 500000000000), F("nissan", "revenue", 12630000000000),
   F("nissan", "sales_units", 3350000), F("nissan", "tariff_cost", 450000000000)],
  O("nissan", -4500000000, 4500000000, 670900000000, 17, 10, 15, 9000, 0.4, 88, 69800000000, 2.8, 502700000000,
    13, 70, 37, 30, 1, 2035)))

# 206 Korea Herald style: Archion
A.append(art("206_archion_hino_fuso_korea.txt", "2025-06-10",
  ["toyota", "daimler-truck", "hino", "mitsubishi-fuso", "archion", "hyundai", "tata-daewoo", "isuzu", "ud-trucks", "volvo"],
  ["tokyo-stock-exchange"],
  [S("toyota", "archion", 19.9), S("daimler-truck", "archion", 19.9), S("toyota", "hino", 50.1),
   S("daimler-truck", "mitsubishi-fuso", 89.3), S("toyota", "isuzu", 5.9)], [],
  [E("merger_talks", ["toyota", "daimler-truck", "hino", "mitsubishi-fuso"], "confirmed", "2025-06-10")],
  [EO("merger_talks", ["hino", "mitsubishi-fuso"], "confirmed", "2023-05"),
   EO("partnership", ["toyota", "daimler-truck", "hino", "mitsubishi-fuso", "archion"], "confirmed", "2025-06-10"),
   EO("partnership", ["toyota", "daimler-truck"]),
   EO("stake_change", ["toyota", "hino", "archion"]), EO("stake_change", ["daimler-truck", "mitsubishi-fuso", "archion"]),
   EO("stake_change", ["isuzu", "ud-trucks", "volvo"], "confirmed", "2021"),
   EO("partnership", ["isuzu", "toyota"])],
  [F("hyundai", "market_share", 65)],
  O(None, 290000, 2900000000000, 20000000000) + O("archion", 290000, 2900000000000, 20000000000) +
  O("hino", 290000, 2900000000000, 1600000000) + O("mitsubishi-fuso", 290000, 2900000000000)))

# 207 EV blog, undated: Afeela and Subaru
A.append(art("207_afeela_subaru_ev_blog.txt", None,
  ["sony-honda-mobility", "sony", "honda", "tesla", "subaru", "toyota", "qualcomm", "lucid", "hyundai"], [],
  [S("sony", "sony-honda-mobility", 50), S("honda", "sony-honda-mobility", 50), S("toyota", "subaru", 20)], [],
  [E("product_launch", ["sony-honda-mobility"], "confirmed", None)],
  [EO("product_launch", ["sony-honda-mobility", "sony", "honda"]),
   EO("partnership", ["sony", "honda"], "confirmed", "2022"), EO("partnership", ["sony", "honda", "sony-honda-mobility"]),
   EO("restructuring", ["subaru"], "confirmed"), EO("restructuring", ["honda"]),
   EO("partnership", ["subaru", "toyota"]), EO("product_launch", ["subaru", "toyota"]), EO("product_launch", ["subaru"]),
   EO("policy", [])],
  [F("tesla", "ev_sales_units", 1790000), F("subaru", "ev_sales_units", 10000), F("subaru", "sales_units", 667725)],
  O("sony-honda-mobility", 89900, 102900, 200, 91, 482, 300) + O("tesla", 400, 1790000) +
  O("subaru", 1500000000000, 1000000000000, 4) + O("hyundai", 45000) + O(None, 89900)))

# 208 Mint style: Maruti Suzuki results
A.append(art("208_maruti_suzuki_q3_mint.txt", "2025-01-30",
  ["maruti-suzuki", "hyundai", "tata-motors", "mahindra", "suzuki", "toyota"], ["motilal-oswal", "bse"],
  [S("suzuki", "maruti-suzuki", 58.3), S("toyota", "suzuki", 4.9)], [],
  [E("financial_result", ["maruti-suzuki"], "confirmed", "2025-01-29"),
   E("product_launch", ["maruti-suzuki"], "confirmed", "2025-01-17")],
  [EO("product_launch", ["suzuki"]), EO("product_launch", ["suzuki", "toyota"]),
   EO("partnership", ["suzuki", "toyota"], "confirmed"), EO("partnership", ["maruti-suzuki", "toyota"]),
   EO("stake_change", ["toyota", "suzuki"], "confirmed", "2019")],
  [F("maruti-suzuki", "net_income", 35250000000), F("maruti-suzuki", "revenue", 387640000000),
   F("maruti-suzuki", "sales_units", 566213), F("maruti-suzuki", "market_share", 40.9)],
  O("maruti-suzuki", 41.6, 16, 15.7, 99220, 33000000000, 300000, 1.1, 12275) +
  O("suzuki", 450000000000, 4000000) + O("maruti-suzuki", 450000000000, 4000000)))

# 209 analyst note: tariffs, Toyota stakes, Mazda/Subaru
A.append(art("209_analyst_note_japan_autos_tariffs.txt", "2025-11-10",
  ["toyota", "mazda", "subaru", "denso", "suzuki", "isuzu", "daihatsu", "hino", "toyota-industries", "honda", "nissan"], [],
  [S("toyota", "denso", 20.1), S("toyota", "subaru", 20.0), S("toyota", "mazda", 5.1), S("toyota", "suzuki", 4.9), S("toyota", "isuzu", 5.9)],
  [S("toyota", "denso", 22.7)],
  [E("policy", [], "confirmed", "2025-09-16"),
   E("stake_change", ["toyota", "denso"], "confirmed", None),
   E("financial_result", ["toyota"], "confirmed", None),
   E("financial_result", ["mazda"], "confirmed", None),
   E("financial_result", ["subaru"], "confirmed", None),
   E("financial_result", ["nissan"], "confirmed", None),
   E("restructuring", ["mazda"], "confirmed", None)],
  [EO("policy", ["toyota", "mazda", "subaru", "honda", "nissan"]), EO("policy", ["toyota"]), EO("policy", ["mazda"]), EO("policy", ["subaru"]),
   EO("financial_result", ["honda"]),
   EO("restructuring", ["nissan"]), EO("restructuring", ["subaru"]),
   EO("stake_change", ["toyota", "toyota-industries"], "confirmed", "2025-06")],
  [F("toyota", "net_income", 2930000000000), F("toyota", "tariff_cost", 1450000000000),
   F("toyota", "sales_units", 5560000), F("toyota", "sales_units", 11300000),
   F("mazda", "net_income", 20000000000), F("mazda", "net_income", -45200000000),
   F("mazda", "tariff_cost", 233000000000), F("mazda", "market_share", 2.0),
   F("subaru", "net_income", 170000000000), F("subaru", "tariff_cost", 210000000000),
   F("honda", "tariff_cost", 385000000000), F("nissan", "net_income", -221900000000)],
  O(None, 3200000000000, 15, 27.5, 6) + O("toyota", 420000000000) + O("denso", 420000000000) +
  O("mazda", 45000000000, 150000000000)))

# 210 Renault-Nissan cross-shareholding
A.append(art("210_renault_nissan_cross_shareholding.txt", "2025-03-31",
  ["renault", "nissan", "rnaipl", "honda", "mitsubishi-motors", "foxconn"], ["ampere", "french-state"],
  [S("renault", "nissan", 35.7), S("nissan", "renault", 15), S("renault", "rnaipl", 100), S("nissan", "mitsubishi-motors", 26.7)],
  [S("renault", "nissan", 15), S("renault", "nissan", 20.7), S("renault", "nissan", 43.4), S("renault", "nissan", 10), S("nissan", "renault", 10),
   S("nissan", "rnaipl", 51), S("renault", "rnaipl", 49), S("french-state", "renault", 15)],
  [E("stake_change", ["renault", "nissan", "rnaipl"], "confirmed", "2025-03-31"),
   E("stake_change", ["renault", "foxconn", "nissan"], "denied", "2025-03-31")],
  [EO("partnership", ["renault", "nissan"], "confirmed", "2025-03-31"),
   EO("stake_change", ["renault", "nissan"], "confirmed", "2025-03-31"),
   EO("stake_change", ["nissan", "ampere", "renault"], "confirmed", "2025-03-31"),
   EO("partnership", ["renault", "nissan", "ampere"]),
   EO("approach", ["foxconn", "nissan"], "denied", "2025-03"),
   EO("leadership_change", ["nissan"], "confirmed", "2025-04-01"),
   EO("merger_talks_ended", ["honda", "nissan"], "confirmed", "2025-02"),
   EO("restructuring", ["nissan"]), EO("financial_result", ["nissan"]), EO("financial_result", ["renault"]),
   EO("stake_change", ["renault", "nissan"], "confirmed", "2024"),
   EO("partnership", ["renault", "nissan", "mitsubishi-motors"])],
  [F("renault", "revenue", 56200000000), F("nissan", "jobs_cut", 9000)],
  O("nissan", 600000000, 100000000000) + O("ampere", 600000000) + O("renault", 100000000000, 7, 0.8) + O("rnaipl", 51)))

# 211 undated: Foxconn, Nissan, Mitsubishi Motors
A.append(art("211_foxconn_nissan_mitsubishi.txt", None,
  ["foxconn", "apple", "nissan", "renault", "nidec", "mitsubishi-motors", "foxtron", "yulon", "lordstown"], [],
  [S("nissan", "mitsubishi-motors", 26.7), S("renault", "nissan", 35.7)], [],
  [E("approach", ["foxconn", "renault", "nissan"], "reported", None),
   E("approach", ["foxconn", "nissan"], "denied", None),
   E("partnership", ["foxconn", "nissan"], "rumored", None),
   E("partnership", ["mitsubishi-motors", "foxtron", "foxconn"], "confirmed", None)],
  [EO("stake_change", ["foxconn", "renault", "nissan"], "reported"),
   EO("approach", ["foxconn", "renault"], "reported"),
   EO("approach", ["foxconn", "nissan"], "rumored"),
   EO("leadership_change", ["foxconn"], "confirmed", "2023"),
   EO("stake_change", ["renault", "nissan"], "confirmed", "2023"),
   EO("restructuring", ["nissan"]), EO("partnership", ["foxconn", "yulon"]),
   EO("stake_change", ["foxconn", "lordstown"]), EO("product_launch", ["mitsubishi-motors", "foxtron"])],
  [F("foxconn", "revenue", 6860000000000), F("nissan", "jobs_cut", 20000), F("nissan", "plants_closed", 7)],
  O("foxconn", 213000000000, 5, 2025) + O("nissan", 50)))

# 212 Nissan names Espinosa CEO
A.append(art("212_nissan_names_espinosa_ceo.txt", "2025-03-11",
  ["nissan", "honda", "renault", "toyota", "mitsubishi-motors", "foxconn"], ["tiw"],
  [S("nissan", "mitsubishi-motors", 26.7)], [],
  [E("leadership_change", ["nissan"], "confirmed", "2025-03-11")],
  [EO("leadership_change", ["nissan", "renault"], "confirmed", "2025-03-11"),
   EO("merger_talks_ended", ["honda", "nissan"], "confirmed", "2025-02-13"),
   EO("merger_talks", ["honda", "nissan"]),
   EO("financial_result", ["nissan"], "confirmed"), EO("restructuring", ["nissan"], "confirmed"),
   EO("leadership_change", ["toyota"], "confirmed", "2023"), EO("leadership_change", ["honda"], "confirmed", "2021"),
   EO("approach", ["foxconn", "nissan"]), EO("partnership", ["nissan", "renault"])],
  [F("nissan", "net_income", -80000000000), F("nissan", "jobs_cut", 9000)],
  O("nissan", 20, 1.2, 395, 46, 58) + O("toyota", 55)))

gold = {"about": "Held-out set 3 (12 articles, 201-212): answers scored by score_extraction.py. Companies are keys into 'names'; optional items neither reward nor penalise. See README.md for conventions.",
        "names": names, "articles": A}
json.dump(gold, open('/work/main/eval/heldout3/heldout3.gold.json', 'w'), indent=1, ensure_ascii=False)
print("ok", len(A))
