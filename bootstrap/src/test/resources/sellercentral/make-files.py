#!/usr/bin/env python3
"""Builds the Seller Central-shaped test files in this folder (run by hand; the outputs are committed).

Shapes follow the Voice of the Customer dashboard and its download (columns, "Top NCX reason" as reason and share on
two lines, "Last offer closed date" with "Action required", no marketplace column) and the FBA customer returns report
(GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA columns). Every file is written from the same 24 offers, so the tests can
check each row against EXPECTED (expected.tsv).
"""
import csv, io, random

random.seed(7)
EN_HEALTH = ["Excellent", "Good", "Fair", "Poor", "Very poor"]
DE_HEALTH = ["Ausgezeichnet", "Gut", "Akzeptabel", "Schlecht", "Sehr schlecht"]
REASONS = [("Item defective or doesn't work", "Artikel defekt oder funktioniert nicht", "DEFECTIVE"),
           ("Wrong item was sent", "Falscher Artikel wurde gesendet", "WRONG_ITEM"),
           ("Too small", "Zu klein", "SIZE_FIT"),
           ("Inaccurate website description", "Ungenaue Beschreibung auf der Website", "IMAGES_OR_DESCRIPTION"),
           ("Product damaged, but shipping box OK", "Artikel beschädigt, Versandkarton aber in Ordnung", "DAMAGED"),
           ("Incompatible or not useful", "Inkompatibel oder nicht nützlich", "COMPATIBILITY")]
NAMES = ["Wasserkocher 1,7 l Edelstahl", "Hülle für iPhone 14 „Slim“", "Schreibtischlampe LED", "Thermobecher 450 ml",
         "Kopfhörer Bluetooth", "T-Shirt Größe M", "Küchenwaage digital", "Ladekabel USB-C 2 m", "Yogamatte rutschfest",
         "Gewürzregal Bambus", "Regenschirm XL", "Babyphone mit Kamera"]

offers = []
for i in range(24):
    level = [0, 1, 1, 2, 2, 3, 3, 4][i % 8]
    total = random.randint(40, 2500)
    ncx = max(0, round(total * [0.003, 0.01, 0.012, 0.025, 0.03, 0.055, 0.06, 0.11][i % 8]))
    closed = level == 4 and i % 16 == 7
    reason = REASONS[i % len(REASONS)] if ncx > 0 else None
    share = random.randint(30, 90) if reason else None
    offers.append(dict(
        asin="B0%08d" % (4711000 + i * 37), sku="SC-%03d-%s" % (i, "XL" if i % 5 == 0 else "std"),
        name=NAMES[i % len(NAMES)] + (" (2er-Pack)" if i % 3 == 0 else ""), fba=i % 4 != 3,
        level=level, ncx=ncx, total=total, reason=reason, share=share,
        closed=closed, closed_date="2026-11-%02d" % (10 + i % 9) if closed else None,
        updated="2026-11-%02d" % (20 + i % 3)))

def pct(o, german):
    rate = 100.0 * o["ncx"] / o["total"]
    s = "%.2f%%" % rate
    return s.replace(".", ",").replace("%", " %") if german else s

def count(n, german):
    if n >= 1000:
        return ("{:,}".format(n)).replace(",", "." if german else ",")
    return str(n)

def voc_rows(german):
    head = (["Produktname", "ASIN", "SKU", "Zustand", "Versand durch", "Status der Kundenerfahrung", "NCX-Rate",
             "NCX-Bestellungen", "Bestellungen gesamt", "Rücksendequote", "Sternebewertung", "Häufigster NCX-Grund",
             "Rücksende-Badge angezeigt", "Zuletzt aktualisiert", "Angebot zuletzt geschlossen"] if german else
            ["Product name", "ASIN", "SKU", "Condition", "Fulfilled by", "CX Health", "NCX rate", "NCX orders",
             "Total orders", "Return rate", "Star rating", "Top NCX reason", "Return Badge Displayed", "Last updated",
             "Last offer closed date"])
    rows = [head]
    for o in offers:
        reason = ""
        if o["reason"]:
            reason = "%s\n%d%%" % (o["reason"][1] if german else o["reason"][0], o["share"])
        d = o["updated"]
        updated = "%s.%s.%s" % (d[8:], d[5:7], d[:4]) if german else "%s/%s/%s" % (d[5:7], d[8:], d[:4])
        closed = ""
        if o["closed"]:
            cd = o["closed_date"]
            closed = ("%s.%s.%s\nMaßnahme erforderlich" % (cd[8:], cd[5:7], cd[2:4])) if german else ("%s\nAction required" % cd)
        rows.append([o["name"] if german else o["name"].replace("ü", "u"), o["asin"], o["sku"], "Neu" if german else "New",
                     ("Amazon" if o["fba"] else "Verkäufer") if german else ("Amazon" if o["fba"] else "Merchant"),
                     (DE_HEALTH if german else EN_HEALTH)[o["level"]], pct(o, german), count(o["ncx"], german),
                     count(o["total"], german), "Nicht verfügbar" if german and o["level"] == 0 else ("Not available" if o["level"] == 0 else "3.1%"),
                     "4,3" if german else "4.3", reason, ("Ja" if german else "Yes") if o["level"] == 4 else "--", updated, closed])
    return rows

def write_csv(path, rows, delimiter, encoding, bom=False, newline="\r\n"):
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL).writerows(rows)
    data = buf.getvalue().encode(encoding)
    if bom:
        data = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe"}[encoding] + data
    open(path, "wb").write(data)

write_csv("voc-en.csv", voc_rows(False), ",", "utf-8")
write_csv("voc-en-utf8-bom.csv", voc_rows(False), ",", "utf-8", bom=True)
write_csv("voc-en.tsv", voc_rows(False), "\t", "utf-8", newline="\n")
write_csv("voc-de-excel.csv", voc_rows(True), ";", "cp1252")
write_csv("voc-de-unicode.txt", voc_rows(True), "\t", "utf-16-le", bom=True)

try:
    import openpyxl
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Hinweise"
    notes.append(["Stimme des Kunden – Export"])
    ws = wb.create_sheet("Daten")
    rows = voc_rows(True)
    ws.append(["Stimme des Kunden, Stand 22.11.2026"])
    ws.append(rows[0])
    import datetime
    for r in rows[1:]:
        o = offers[len(ws["A"]) - 2]
        cells = list(r)
        cells[6] = o["ncx"] / o["total"]
        cells[7] = o["ncx"]
        cells[8] = o["total"]
        cells[13] = datetime.datetime.strptime(o["updated"], "%Y-%m-%d")
        ws.append(cells)
        row = ws.max_row
        ws.cell(row=row, column=7).number_format = "0.00%"
        ws.cell(row=row, column=14).number_format = "DD.MM.YYYY"
    wb.save("voc-de.xlsx")
except ImportError:
    print("openpyxl missing: voc-de.xlsx not rebuilt")

RETURN_CODES = {"DEFECTIVE": ("Gerät lässt sich nicht einschalten.", "DEFECTIVE"),
                "SWITCHEROO": ("Received a different model than ordered.", "WRONG_ITEM"),
                "APPAREL_TOO_SMALL": ("", "SIZE_FIT"),
                "NOT_COMPATIBLE": ("Passt nicht auf mein Modell.", "COMPATIBILITY"),
                "DAMAGED_BY_FC": ("Glass was shattered.", "DAMAGED"),
                "UNWANTED_ITEM": ("", "OTHER"),
                "MISSED_ESTIMATED_DELIVERY": ("Paket kam eine Woche zu spät.", "DELIVERY")}
returns = [["return-date", "order-id", "sku", "asin", "fnsku", "product-name", "quantity", "fulfillment-center-id",
            "detailed-disposition", "reason", "status", "license-plate-number", "customer-comments"]]
expected_returns = []
codes = list(RETURN_CODES)
for i in range(26):
    o = offers[i % 20] if i < 22 else None
    code = codes[i % len(codes)]
    comment, category = RETURN_CODES[code]
    sku = o["sku"] if o else "UNKNOWN-%d" % i
    asin = o["asin"] if o else "B0UNKNOWN%d" % i
    returns.append(["2026-11-%02dT%02d:15:00+00:00" % (5 + i % 20, i % 24), "302-%07d-%07d" % (1000 + i, 2000 + i), sku, asin,
                    "X00%07d" % i, o["name"] if o else "Unbekannt", "1", "LEJ1", "CUSTOMER_DAMAGED" if i % 2 else "SELLABLE",
                    code, "Unit returned to inventory", "LPN%08d" % i, comment])
    if o:
        expected_returns.append((sku, "2026-11-%02d" % (5 + i % 20), category, comment or ""))
write_csv("returns-de.txt", returns, "\t", "utf-8", newline="\n")

with open("expected.tsv", "w") as f:
    f.write("# sku\tasin\tfba\thealth\tncx_percent\tncx_orders\ttotal_orders\tclosed\tclosed_date\treason_category\treason_share\tlast_updated\n")
    for o in offers:
        f.write("\t".join(str(x) for x in [o["sku"], o["asin"], "FBA" if o["fba"] else "FBM",
               ["EXCELLENT", "GOOD", "FAIR", "POOR", "VERY_POOR"][o["level"]], "%.2f" % (100.0 * o["ncx"] / o["total"]),
               o["ncx"], o["total"], o["closed"], o["closed_date"] or "", o["reason"][2] if o["reason"] else "",
               o["share"] or "", o["updated"]]) + "\n")
with open("expected-returns.tsv", "w") as f:
    f.write("# sku\tdate\tcategory\tcomment (empty: the reason code stands in)\n")
    for r in expected_returns:
        f.write("\t".join(r) + "\n")
