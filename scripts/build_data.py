#!/usr/bin/env python3
"""Build inci's own data files from the reference data in ../shared/data.

Reads (relative to --shared, default ../shared/data):
  cosing/inventory.csv            CosIng inventory (EU Commission)
  synonyms/common_synonyms.json   common names -> INCI (papitosu/cosmetic-inci-bot, MIT)

Writes (relative to the repository root):
  crates/inci-dict/assets/cosing.csv     name,cas,ec,functions   (sorted, deduplicated)
  crates/inci-dict/assets/synonyms.csv   alias,target,kind,source (sorted)

The outputs are committed; the Rust build never reads ../shared. After running this script, run
`SNAPSHOTS=overwrite cargo test -p inci-dict --test codegen` to regenerate the Rust tables.
Standard library only, so it runs on any machine with Python 3.
"""
import argparse
import csv
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASSETS = os.path.join(ROOT, "crates", "inci-dict", "assets")

SRC_COSING = "CosIng inventory 2020-12-30 (European Commission)"
SRC_BOT = "papitosu/cosmetic-inci-bot data/synonyms.json (MIT)"
SRC_CURATED = "inci curated"

# Targets of common_synonyms.json that are not CosIng names, mapped to the CosIng name they mean.
BOT_TARGET_FIX = {
    "FRAGRANCE": "PARFUM",
    "MINERAL OIL": "PARAFFINUM LIQUIDUM",
}

# Curated synonyms: alias -> (target, kind, reason). Kinds: common (trade or everyday name),
# foreign (label word in another language), colour (US/FDA colour name -> CI number).
CURATED = {
    "EAU": ("AQUA", "foreign", "French for water, printed in Aqua/Water/Eau"),
    "WASSER": ("AQUA", "foreign", "German for water"),
    "AGUA": ("AQUA", "foreign", "Spanish for water"),
    "ACQUA": ("AQUA", "foreign", "Italian for water"),
    "FRAGRANCE": ("PARFUM", "common", "US label name of PARFUM"),
    "PERFUME": ("PARFUM", "common", "common name of PARFUM"),
    "FRAGRANCE OIL": ("PARFUM", "common", "common name of PARFUM"),
    "FLAVOR": ("AROMA", "common", "US label name of AROMA"),
    "FLAVOUR": ("AROMA", "common", "British label name of AROMA"),
    "SHEA BUTTER": ("BUTYROSPERMUM PARKII BUTTER", "common", "common name"),
    "MINERAL OIL": ("PARAFFINUM LIQUIDUM", "common", "US name of PARAFFINUM LIQUIDUM"),
    "PETROLEUM JELLY": ("PETROLATUM", "common", "common name"),
    "VITAMIN E": ("TOCOPHEROL", "common", "common name"),
    "HYALURONIC ACID": ("HYALURONIC ACID", "common", "itself"),
    "IRON OXIDES": ("CI 77491", "colour", "US name covering CI 77491, CI 77492 and CI 77499; resolved to the red oxide"),
    "IRON OXIDE": ("CI 77491", "colour", "singular of IRON OXIDES"),
    "RED IRON OXIDE": ("CI 77491", "colour", "Annex IV entry 135"),
    "YELLOW IRON OXIDE": ("CI 77492", "colour", "Annex IV entry 136"),
    "BLACK IRON OXIDE": ("CI 77499", "colour", "Annex IV entry 137"),
    "CHROMIUM OXIDE GREENS": ("CI 77288", "colour", "US colour name"),
    "CHROMIUM HYDROXIDE GREEN": ("CI 77289", "colour", "US colour name"),
    "MANGANESE VIOLET": ("CI 77742", "colour", "US colour name"),
    "FERRIC FERROCYANIDE": ("CI 77510", "colour", "US colour name"),
    "CARMINE": ("CI 75470", "colour", "US colour name"),
    "BISMUTH OXYCHLORIDE": ("CI 77163", "colour", "US colour name"),
    "FD&C BLUE NO. 1": ("CI 42090", "colour", "21 CFR 74.101"),
    "BLUE 1": ("CI 42090", "colour", "21 CFR 74.101"),
    "BLUE 1 LAKE": ("CI 42090", "colour", "21 CFR 74.101"),
    "FD&C RED NO. 40": ("CI 16035", "colour", "21 CFR 74.340"),
    "RED 40": ("CI 16035", "colour", "21 CFR 74.340"),
    "RED 40 LAKE": ("CI 16035", "colour", "21 CFR 74.340"),
    "FD&C YELLOW NO. 5": ("CI 19140", "colour", "21 CFR 74.705"),
    "YELLOW 5": ("CI 19140", "colour", "21 CFR 74.705"),
    "YELLOW 5 LAKE": ("CI 19140", "colour", "21 CFR 74.705"),
    "FD&C YELLOW NO. 6": ("CI 15985", "colour", "21 CFR 74.706"),
    "YELLOW 6": ("CI 15985", "colour", "21 CFR 74.706"),
    "YELLOW 6 LAKE": ("CI 15985", "colour", "21 CFR 74.706"),
    "D&C RED NO. 6": ("CI 15850", "colour", "21 CFR 74.1306"),
    "RED 6": ("CI 15850", "colour", "21 CFR 74.1306"),
    "RED 6 LAKE": ("CI 15850", "colour", "21 CFR 74.1306"),
    "D&C RED NO. 7": ("CI 15850", "colour", "21 CFR 74.1307"),
    "RED 7": ("CI 15850", "colour", "21 CFR 74.1307"),
    "RED 7 LAKE": ("CI 15850", "colour", "21 CFR 74.1307"),
    "D&C RED NO. 21": ("CI 45380", "colour", "21 CFR 74.1321"),
    "RED 21": ("CI 45380", "colour", "21 CFR 74.1321"),
    "D&C RED NO. 22": ("CI 45380", "colour", "21 CFR 74.1322"),
    "RED 22": ("CI 45380", "colour", "21 CFR 74.1322"),
    "D&C RED NO. 27": ("CI 45410", "colour", "21 CFR 74.1327"),
    "RED 27": ("CI 45410", "colour", "21 CFR 74.1327"),
    "RED 27 LAKE": ("CI 45410", "colour", "21 CFR 74.1327"),
    "D&C RED NO. 28": ("CI 45410", "colour", "21 CFR 74.1328"),
    "RED 28": ("CI 45410", "colour", "21 CFR 74.1328"),
    "RED 28 LAKE": ("CI 45410", "colour", "21 CFR 74.1328"),
    "D&C RED NO. 30": ("CI 73360", "colour", "21 CFR 74.1330"),
    "RED 30": ("CI 73360", "colour", "21 CFR 74.1330"),
    "RED 30 LAKE": ("CI 73360", "colour", "21 CFR 74.1330"),
    "D&C RED NO. 33": ("CI 17200", "colour", "21 CFR 74.1333"),
    "RED 33": ("CI 17200", "colour", "21 CFR 74.1333"),
    "RED 33 LAKE": ("CI 17200", "colour", "21 CFR 74.1333"),
    "D&C RED NO. 36": ("CI 12085", "colour", "21 CFR 74.1336"),
    "RED 36": ("CI 12085", "colour", "21 CFR 74.1336"),
    "D&C ORANGE NO. 5": ("CI 45370", "colour", "21 CFR 74.1255"),
    "ORANGE 5": ("CI 45370", "colour", "21 CFR 74.1255"),
    "D&C YELLOW NO. 10": ("CI 47005", "colour", "21 CFR 74.1710"),
    "YELLOW 10": ("CI 47005", "colour", "21 CFR 74.1710"),
    "D&C GREEN NO. 5": ("CI 61570", "colour", "21 CFR 74.1205"),
    "GREEN 5": ("CI 61570", "colour", "21 CFR 74.1205"),
    "D&C VIOLET NO. 2": ("CI 60725", "colour", "21 CFR 74.1602"),
    "VIOLET 2": ("CI 60725", "colour", "21 CFR 74.1602"),
    # US drug-facts (OTC sunscreen monograph) names for INCI UV filters.
    "AVOBENZONE": ("BUTYL METHOXYDIBENZOYLMETHANE", "common", "US OTC drug name (21 CFR 352.10)"),
    "OCTINOXATE": ("ETHYLHEXYL METHOXYCINNAMATE", "common", "US OTC drug name (21 CFR 352.10)"),
    "OCTISALATE": ("ETHYLHEXYL SALICYLATE", "common", "US OTC drug name (21 CFR 352.10)"),
    "OXYBENZONE": ("BENZOPHENONE-3", "common", "US OTC drug name (21 CFR 352.10)"),
    "DIOXYBENZONE": ("BENZOPHENONE-8", "common", "US OTC drug name (21 CFR 352.10)"),
    "SULISOBENZONE": ("BENZOPHENONE-4", "common", "US OTC drug name (21 CFR 352.10)"),
    "ENSULIZOLE": ("PHENYLBENZIMIDAZOLE SULFONIC ACID", "common", "US OTC drug name (21 CFR 352.10)"),
    "MERADIMATE": ("MENTHYL ANTHRANILATE", "common", "US OTC drug name (21 CFR 352.10)"),
    "PADIMATE O": ("ETHYLHEXYL DIMETHYL PABA", "common", "US OTC drug name (21 CFR 352.10)"),
    "ECAMSULE": ("TEREPHTHALYLIDENE DICAMPHOR SULFONIC ACID", "common", "US OTC drug name"),
    # More US certified colours (21 CFR 74/82).
    "RED 4": ("CI 14700", "colour", "21 CFR 74.1304 (FD&C Red No. 4)"),
    "FD&C RED NO. 4": ("CI 14700", "colour", "21 CFR 74.1304"),
    "RED 17": ("CI 26100", "colour", "21 CFR 74.1317"),
    "RED 34": ("CI 15880", "colour", "21 CFR 74.1334"),
    "RED 34 LAKE": ("CI 15880", "colour", "21 CFR 74.1334"),
    "YELLOW 8": ("CI 45350", "colour", "21 CFR 74.1708"),
    "YELLOW 11": ("CI 47000", "colour", "21 CFR 74.1711"),
    "ORANGE 4": ("CI 15510", "colour", "21 CFR 74.1254"),
    "GREEN 3": ("CI 42053", "colour", "21 CFR 74.203"),
    "GREEN 6": ("CI 61565", "colour", "21 CFR 74.1206"),
    "BLUE 4": ("CI 42090", "colour", "21 CFR 74.1104"),
    "BROWN 1": ("CI 20170", "colour", "21 CFR 74.1260"),
    "EXT. VIOLET 2": ("CI 60730", "colour", "21 CFR 74.2602a"),
    # Everyday names printed on US labels.
    "APRICOT KERNEL OIL": ("PRUNUS ARMENIACA KERNEL OIL", "common", "common name"),
    "AVOCADO OIL": ("PERSEA GRATISSIMA OIL", "common", "common name"),
    "CORN STARCH": ("ZEA MAYS STARCH", "common", "common name"),
    "CUCUMBER FRUIT EXTRACT": ("CUCUMIS SATIVUS FRUIT EXTRACT", "common", "common name"),
    "CUCUMBER EXTRACT": ("CUCUMIS SATIVUS FRUIT EXTRACT", "common", "common name"),
    "SUNFLOWER SEED OIL": ("HELIANTHUS ANNUUS SEED OIL", "common", "common name"),
    "SUNFLOWER OIL": ("HELIANTHUS ANNUUS SEED OIL", "common", "common name"),
    "GRAPE SEED EXTRACT": ("VITIS VINIFERA SEED EXTRACT", "common", "common name"),
    "GRAPE SEED OIL": ("VITIS VINIFERA SEED OIL", "common", "common name"),
    "GRAPESEED OIL": ("VITIS VINIFERA SEED OIL", "common", "common name"),
    "PURIFIED WATER": ("WATER", "common", "US label wording"),
    "DEIONIZED WATER": ("WATER", "common", "US label wording"),
    "DISTILLED WATER": ("WATER", "common", "US label wording"),
    "CASTOR OIL": ("RICINUS COMMUNIS SEED OIL", "common", "common name"),
    "SESAME OIL": ("SESAMUM INDICUM SEED OIL", "common", "common name"),
    "BEESWAX": ("CERA ALBA", "common", "common name"),
    "CANDELILLA WAX": ("EUPHORBIA CERIFERA CERA", "common", "common name"),
    "EUPHORBIA CERIFERA WAX": ("EUPHORBIA CERIFERA CERA", "common", "US name of EUPHORBIA CERIFERA CERA"),
    "CARNAUBA WAX": ("COPERNICIA CERIFERA CERA", "common", "common name"),
    "COPERNICIA CERIFERA WAX": ("COPERNICIA CERIFERA CERA", "common", "US name of COPERNICIA CERIFERA CERA"),
    "GREEN TEA EXTRACT": ("CAMELLIA SINENSIS LEAF EXTRACT", "common", "common name"),
    "WITCH HAZEL": ("HAMAMELIS VIRGINIANA WATER", "common", "common name of the distillate"),
    "ALOE VERA": ("ALOE BARBADENSIS LEAF JUICE", "common", "common name"),
    "ALOE VERA GEL": ("ALOE BARBADENSIS LEAF JUICE", "common", "common name"),
    "ROSEHIP SEED OIL": ("ROSA CANINA FRUIT OIL", "common", "common name"),
    "SQUALANE OIL": ("SQUALANE", "common", "common name"),
    "OLEA EUROPAEA OIL": ("OLEA EUROPAEA FRUIT OIL", "common", "US label name of the fruit oil"),
    "POGOSTEMON CABLIN OIL": ("POGOSTEMON CABLIN LEAF OIL", "common", "patchouli oil is distilled from the leaf"),
    "PATCHOULI OIL": ("POGOSTEMON CABLIN LEAF OIL", "common", "common name"),
    "NATURAL FRAGRANCE": ("PARFUM", "common", "label wording for PARFUM"),
    "GRAPEFRUIT PEEL OIL": ("CITRUS PARADISI PEEL OIL", "common", "common name"),
    "MANDARIN ORANGE PEEL OIL": ("CITRUS RETICULATA PEEL OIL", "common", "common name"),
    "BETA GLUCAN": ("BETA-GLUCAN", "common", "spelling without hyphen"),
    "TOCOPHEROL ACETATE": ("TOCOPHERYL ACETATE", "common", "frequent label variant"),
    "VITAMIN E ACETATE": ("TOCOPHERYL ACETATE", "common", "common name"),
    "FLAXSEED OIL": ("LINUM USITATISSIMUM SEED OIL", "common", "common name"),
}


def read_inventory(path):
    """CosIng rows, merged by name (the export repeats 7 names): first CAS/EC, union of functions."""
    merged = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            name = " ".join(row["inci_name"].replace("\u00a0", " ").split())
            funcs = [x.strip() for x in row["function"].split(",") if x.strip()]
            cur = merged.setdefault(name, {"cas": "", "ec": "", "functions": []})
            cur["cas"] = cur["cas"] or row["cas_number"].strip()
            cur["ec"] = cur["ec"] or row["einecs_number"].strip()
            for fn in funcs:
                if fn not in cur["functions"]:
                    cur["functions"].append(fn)
    return merged


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared", "data"))
    args = ap.parse_args()
    inv = read_inventory(os.path.join(args.shared, "cosing", "inventory.csv"))

    os.makedirs(ASSETS, exist_ok=True)
    with open(os.path.join(ASSETS, "cosing.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "cas", "ec", "functions"])
        for name in sorted(inv):
            e = inv[name]
            w.writerow([name, e["cas"], e["ec"], "; ".join(sorted(e["functions"]))])

    syn = {}
    skipped = []

    def add(alias, target, kind, source):
        alias = " ".join(alias.upper().split())
        target = target.upper()
        if alias in inv:
            skipped.append((alias, "is a CosIng name itself"))
            return
        if target not in inv:
            skipped.append((alias, f"target {target} is not a CosIng name"))
            return
        if "/" in alias:
            skipped.append((alias, "slash groups are resolved piece by piece"))
            return
        if alias in syn and syn[alias][0] != target:
            skipped.append((alias, f"conflict: {syn[alias][0]} vs {target}"))
            return
        syn.setdefault(alias, (target, kind, source))

    for alias, (target, kind, why) in CURATED.items():
        add(alias, target, kind, f"{SRC_CURATED}: {why}")
    with open(os.path.join(args.shared, "synonyms", "common_synonyms.json"), encoding="utf-8") as f:
        bot = json.load(f)["synonyms"]
    for alias, target in bot.items():
        t = BOT_TARGET_FIX.get(target.upper(), target.upper())
        kind = "foreign" if any(ord(c) > 127 for c in alias) else "common"
        add(alias, t, kind, SRC_BOT)

    with open(os.path.join(ASSETS, "synonyms.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["alias", "target", "kind", "source"])
        for alias in sorted(syn):
            t, k, s = syn[alias]
            w.writerow([alias, t, k, s])
    print(f"cosing.csv: {len(inv)} names; synonyms.csv: {len(syn)} aliases", file=sys.stderr)
    for alias, why in skipped:
        print(f"  skipped synonym {alias!r}: {why}", file=sys.stderr)


if __name__ == "__main__":
    main()
