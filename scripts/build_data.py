#!/usr/bin/env python3
"""Build inci's own data files from the reference data in ../shared/data.

Reads (relative to --shared, default ../shared/data):
  cosing/inventory.csv            CosIng inventory (EU Commission)
  cosing/annex_*.csv              Annexes II, III, V, VI (read by annex_scope.py)
  cosing/inventory_2021-12-15_full.csv.gz, reference/human_derived_and_conditioned_media.csv
                                  descriptions and human-derived names (read by origin_data.py)
  synonyms/common_synonyms.json   common names -> INCI (papitosu/cosmetic-inci-bot, MIT)
  names/*_label_to_inci.tsv       Korean and Japanese label names -> INCI
  reference/human_derived_by_market.csv
                                  each market's rule on ingredients of human origin
and, from this repository, scripts/data/ja_label_extra.tsv (Japanese label names read on the
public pages each row names).

Writes (relative to the repository root):
  crates/inci-dict/assets/cosing.csv     name,cas,ec,functions   (sorted, deduplicated)
  crates/inci-dict/assets/synonyms.csv   alias,target,kind,source (sorted)
  crates/inci-dict/assets/risk/*.csv     comedogenic ratings, irritants, fragrance allergens,
                                         Annex II/III/V/VI entries with verdict levels, their
                                         limits, origin classes (each row with source),
                                         markets.csv: each market's rule on human origin

The outputs are committed; the Rust build never reads ../shared. After running this script, run
`SNAPSHOTS=overwrite cargo test -p inci-dict --test codegen` to regenerate the Rust tables.
Standard library only, so it runs on any machine with Python 3.
"""
import argparse
import csv
import gzip
import json
import os
import re
import unicodedata
import sys

import annex_scope
import origin_data

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASSETS = os.path.join(ROOT, "crates", "inci-dict", "assets")

SRC_COSING = "CosIng inventory 2020-12-30 (European Commission)"
SRC_BOT = "cosmetic-inci-bot synonym list (MIT), primary source not stated"
SRC_CURATED = "inci curated"

# Targets of common_synonyms.json that are not CosIng names, mapped to the CosIng name they mean.
BOT_TARGET_FIX = {
    "FRAGRANCE": "PARFUM",
    "MINERAL OIL": "PARAFFINUM LIQUIDUM",
}

# Curated synonyms: alias -> (target, kind, reason). Kinds: common (trade or everyday name),
# foreign (label word in another language), colour (US/FDA colour name -> CI number).
CURATED = {
    "EAU": ("AQUA", "foreign:fr", "French for water, printed in Aqua/Water/Eau"),
    "WASSER": ("AQUA", "foreign:de", "German for water"),
    "AGUA": ("AQUA", "foreign:es", "Spanish for water"),
    "ACQUA": ("AQUA", "foreign:it", "Italian for water"),
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
    "CI 77019": ("MICA", "colour", "Colour Index International (SDC and AATCC): C.I. 77019 is mica"),
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
    "BUTYLPHENYL METHYL PROPIONAL": ("BUTYLPHENYL METHYLPROPIONAL", "common", "label spelling with a space (Lilial, Annex II entry 1666)"),
    "LILIAL": ("BUTYLPHENYL METHYLPROPIONAL", "common", "trade name of 2-(4-tert-butylbenzyl) propionaldehyde (Annex II entry 1666)"),
}


SRC_NAMES_2021 = "CosIng inventory, full export of 2021-12-15 (European Commission): {col} of {inci}"
SRC_IECIC = "NMPA Inventory of Existing Cosmetic Ingredients in China (IECIC 2021, announcement 2021 No. 62), serial {serial}"
# Former INCI names, each with the record that says so.
FORMER_NAMES = {
    "AMMONIUM POLYACRYLDIMETHYLTAURAMIDE": ("AMMONIUM POLYACRYLOYLDIMETHYL TAURATE", "former INCI name of Ammonium Polyacryloyldimethyl Taurate, printed beside it on labels during the name change"),
    "HUMAN OLIGOPEPTIDE-1": ("SH-OLIGOPEPTIDE-1", "former INCI name of sh-Oligopeptide-1 (renamed in 2011 when INCI names of synthetic human-sequence peptides took the sh- prefix; CosIng record of SH-OLIGOPEPTIDE-1, updated 15/12/2011)"),
}


SRC_COMMON = {
    "cosing2021_desc": "CosIng 2021-12-15 export descriptions",
    "cosing2021_desc_paren": "CosIng 2021-12-15 export descriptions (bracketed names)",
    "iecic2021_inci_paren": "NMPA IECIC 2021 (bracketed common names in INCI names)",
}
# Gaps the common-name table leaves (data README), each with its reason.
COMMON_EXTRA = [
    ("GREEN TEA", "CAMELLIA SINENSIS", "inci curated: green tea is the unfermented leaf of Camellia sinensis (CosIng calls it Tea)"),
    ("PRICKLY PEAR", "OPUNTIA FICUS-INDICA", "inci curated: prickly pear is Opuntia ficus-indica (the table only has O. tuna)"),
]


# Words CosIng prints in brackets after a name that are notes, not plant names: `(EU)` for the
# EU pharmacopoeia-style name, `(retired)`, `(INN)`, `(RIFM)`, `(JPN)`, `(animal)`. The
# shared table reads some as common names (`animal` -> UMBILICAL EXTRACT, `retired` -> ALGAE
# EXTRACT), which would make a pack word a name.
BRACKET_NOTES = {"EU", "RETIRED", "INN", "RIFM", "JPN", "ANIMAL"}
# Rows the rules below cannot tell from plant names, each with its reason.
NOT_COMMON_NAMES = {
    ("SAKE", "RICE FERMENT FILTRATE"): "a brewed product, not a species: the INCI name itself carries (SAKE)",
}


def not_a_plant_name(common, binomial, inv):
    """True for rows of the shared common-name table that are not a plant's common name and
    its binomial: bracket notes, botanical families (`poaceae` is not a species), initialisms
    of a chemical name (`IPDI`, `HPMA`), and a salt's name read as a binomial (`salt` ->
    Chitosan formate: a name ending -ate, -ide or -ite whose CAS number is a defined
    substance's, where plant materials have CAS numbers of the 8xxxx-/9xxxx- UVCB range or
    none)."""
    if common in BRACKET_NOTES or common.endswith("ACEAE") or (common, binomial) in NOT_COMMON_NAMES:
        return True
    words = binomial.replace("-", " ").split()
    if " " not in common and len(common) <= 6 and common == "".join(w[0] for w in words if w)[: len(common)]:
        return True
    if "".join(c for c in common if c.isalpha()) and all(c in "BCDFGHJKLMNPQRSTVWXZ" for c in common):
        return True
    cas = inv.get(binomial, {}).get("cas", "")
    first = cas.split("-")[0] if cas else ""
    salt_like = words[-1].endswith(("ATE", "IDE", "ITE"))
    return salt_like and bool(first) and not (len(first) == 5 and first[0] in "89")


def write_common_names(shared, inv):
    """Common plant names and the binomials they stand for, for `Witch Hazel Leaf Extract`:
    the resolver puts the binomial in place of the common name and keeps the result only when
    it is a CosIng name. `(EU)` markers read as a name (`eu`) are left out."""
    rows = {}
    with open(os.path.join(shared, "names", "common_name_to_binomial.tsv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            common = " ".join(r["common_name"].upper().split())
            binomial = " ".join(r["binomial"].upper().split())
            if len(common) < 3 or len(binomial.split()) < 2 or not_a_plant_name(common, binomial, inv):
                continue
            source = "derived from " + ", ".join(SRC_COMMON.get(x, x) for x in r["sources"].split("|"))
            rows[(common, binomial)] = source
    for common, binomial, source in COMMON_EXTRA:
        rows[(common, binomial)] = source
    with open(os.path.join(ASSETS, "common_names.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["common_name", "binomial", "source"])
        for (common, binomial), source in sorted(rows.items()):
            w.writerow([common, binomial, source])
    print(f"common_names.csv: {len(rows)} pairs", file=sys.stderr)


def add_name_tables(add, shared, inv):
    """INN, Ph. Eur. and chemical names (derived from the 2021 export), the Chinese label names
    of the NMPA inventory, and former INCI names, as synonyms with their sources. An alias two
    tables send to different names is left out; so are fragments (`22)`) and acronyms of four
    letters or fewer (`DEG`, `MELT`), which read as ordinary words on a pack."""
    kinds = {"inn": ("inn", "INN name"), "pheur": ("pheur", "Ph. Eur. name"), "chem_name": ("chemical", "chemical name")}
    rows = []
    with open(os.path.join(shared, "names", "inn_pheur_chemname_synonyms.tsv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rows.append((" ".join(r["synonym"].upper().split()), r["inci_name"].upper(), r["kind"]))
    targets = {}
    for alias, target, _ in rows:
        targets.setdefault(alias, set()).add(target)
    for alias, target, kind in rows:
        letters = sum(c.isalpha() for c in alias)
        # `TITANIUM DIOXIDE (CI 77891)`: the resolver reads the name and its bracketed colour
        # index itself, and reports both.
        if len(targets[alias]) > 1 or letters < 5 or len(alias) < 5 or re.search(r"\(CI \d+\)", alias):
            continue
        k, col = kinds[kind]
        add(alias, target, k, SRC_NAMES_2021.format(col=col, inci=target))
    with open(os.path.join(shared, "names", "iecic2021_inci_to_zh.json"), encoding="utf-8") as f:
        zh = json.load(f)["map"]
    zh_targets = {}
    for inci, v in zh.items():
        zh_targets.setdefault(v["cn_name"], set()).add(inci.upper())
    def one_substance(targets):
        # Names of one substance (AQUA and WATER): the same CAS number.
        cas = {inv[t]["cas"] for t in targets if t in inv}
        return len(cas) == 1 and "" not in cas

    for inci, v in sorted(zh.items()):
        cn = v["cn_name"].strip()
        if cn and (len(zh_targets[cn]) == 1 or (one_substance(zh_targets[cn]) and inci.upper() == min(zh_targets[cn]))):
            add(cn, inci.upper(), "foreign:zh", SRC_IECIC.format(serial=v["iecic_serial"]))
    for alias, (target, why) in FORMER_NAMES.items():
        add(alias, target, "former", f"{SRC_CURATED}: {why}")


SRC_KO = {
    "mfds_api": "MFDS cosmetic ingredient information (화장품 원료성분정보, open data data.go.kr 15111774): Korean label name of {inci}",
    "biofdnc": "BIO-FD&C Co., Ltd. raw-material master (a Korean ingredient maker; licence not stated): Korean label name of {inci}",
    "passeth": "oh-my-cometic INCI converter, Korean map (MIT), primary source not stated: Korean label name of {inci}",
}
KO_PRIORITY = ["mfds_api", "biofdnc", "passeth"]
# KCIA's 2011 standardisation of Korean ingredient names (old <-> new spelling), per
# ../shared/data/README.md: labels print both.
KCIA_VARIANTS = [("이소", "아이소"), ("메칠", "메틸"), ("에테르", "에터"), ("소르베이트", "솔베이트"), ("디올", "다이올"), ("디메치콘", "다이메티콘"), ("디소듐", "다이소듐")]
SRC_JA_QUASI = "MHLW list of active ingredients of medicated cosmetics (いわゆる薬用化粧品中の有効成分リスト): Japanese name of {inci}; INCI pairing by a public compilation, licence not stated"
SRC_JA_COMMON = "Japanese label name (JCIA 表示名称) of {inci}, as given on {url}"


def add_east_asian_names(add, shared, inv, syn):
    """Korean and Japanese label names as synonyms (`foreign:ko`, `foreign:ja`), each with the
    source that pairs the label with the INCI name. A label that sources send to different
    substances is left out; names of one substance (WATER and AQUA) keep the EU form. Korean
    labels also get their KCIA old or new spelling. A source that gives a US or common name
    (`향료` -> FRAGRANCE) is read through the synonym table (FRAGRANCE -> PARFUM), and the
    source text says so."""
    # (label, target) -> the name the source gave, when it was read through a synonym.
    via = {}

    def candidates(label, inci):
        name = unicodedata.normalize("NFKC", inci).upper().strip()
        if name in inv:
            return name
        bare = " ".join(re.sub(r"\([^)]*\)", " ", name).split())
        if bare in inv:
            return bare
        for n in (name, bare):
            if n in syn and syn[n][1] in ("common", "inn", "pheur"):
                via[(label, syn[n][0])] = n
                return syn[n][0]
        return None

    def through(label, target):
        """Source suffix for a target reached through a synonym."""
        given = via.get((label, target))
        return f" (the source gives {given}, {syn[given][1]} name of {target})" if given else ""

    def one_substance(targets):
        cas = {inv[t]["cas"] for t in targets}
        return len(cas) == 1 and "" not in cas

    def choose(targets):
        if len(targets) == 1:
            return next(iter(targets))
        if one_substance(targets):
            return "AQUA" if "AQUA" in targets else min(targets)
        return None

    ko = {}
    with open(os.path.join(shared, "names", "ko_label_to_inci.tsv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            label = unicodedata.normalize("NFKC", r["label_name"]).strip()
            target = candidates(label, r["inci_name"])
            if target is None:
                continue
            srcs = [x.split(":")[0] for x in r["source"].split(";")]
            rank = min(KO_PRIORITY.index(x) for x in srcs if x in KO_PRIORITY)
            ko.setdefault(label, []).append((rank, target))
    chosen = {}
    for label, pairs in ko.items():
        best = min(rank for rank, _ in pairs)
        target = choose({t for rank, t in pairs if rank == best})
        if target is not None:
            chosen[label] = (target, KO_PRIORITY[best])
    for label, (target, src) in sorted(chosen.items()):
        add(label, target, "foreign:ko", SRC_KO[src].format(inci=target) + through(label, target))
    for label, (target, src) in sorted(chosen.items()):
        for old, new in KCIA_VARIANTS:
            for a, b in ((old, new), (new, old)):
                if a in label:
                    variant = label.replace(a, b)
                    if variant not in chosen:
                        add(variant, target, "foreign:ko", SRC_KO[src].format(inci=target) + through(label, target) + f" (KCIA spelling variant of {label})")
    ja = {}
    # scripts/data/ja_label_extra.tsv: common label names the shared table lacks, each row
    # read on the public pages it names (表示名称 and INCI name side by side), as the shared
    # table's rows are.
    extra = os.path.join(ROOT, "scripts", "data", "ja_label_extra.tsv")
    for path, src in ((os.path.join(shared, "names", "ja_common_label_to_inci.tsv"), "common"), (os.path.join(shared, "names", "ja_label_to_inci.tsv"), "quasi"), (extra, "common")):
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                label = unicodedata.normalize("NFKC", r["label_name"]).strip()
                target = candidates(label, r["inci_name"])
                if target is None:
                    continue
                url = r["source"].split(";")[0] if src == "common" else ""
                ja.setdefault(label, []).append((target, src, url))
    for label, rows in sorted(ja.items()):
        target = choose({t for t, _, _ in rows})
        if target is None:
            continue
        _, src, url = next(r for r in rows if r[0] == target)
        source = SRC_JA_COMMON.format(inci=target, url=url) if src == "common" else SRC_JA_QUASI.format(inci=target)
        add(label, target, "foreign:ja", source + through(label, target))
    # Label names of the human-derived family (ヒト幹細胞順化培養液, 인체지방줄기세포배양액,
    # 人脐带间充质干细胞培养液), read by their words as the CosIng name they compose; the
    # source says the reading is derived. A row that only gives the nearest name (a word
    # missing, 인체제대줄기세포배양액 without 중간엽) is left to the word classifier, which
    # flags the family without naming a substance.
    lang_name = {"ko": "Korean", "ja": "Japanese", "zh": "Chinese"}
    with open(os.path.join(shared, "names", "human_derived_label_terms.tsv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["match"] not in ("composed_exact", "variant_spelling", "generic_family"):
                continue
            target = r["inci_name"].upper()
            if target not in inv:
                continue
            label = unicodedata.normalize("NFKC", r["label_name"]).strip()
            seen = ""
            if r["source"].startswith("page"):
                seen = "; seen on " + r["evidence"].split(" ; ")[0].split(" (")[0]
            how = "the general CosIng name of the family" if r["match"] == "generic_family" else "the CosIng name its words compose"
            add(label, target, f"foreign:{r['lang']}", f"{lang_name[r['lang']]} label name of the human-derived family, read as {target}, {how} ({r['note']}); a reading derived for inci, not an official translation{seen}")


def add_2026_names(inv, shared):
    """Every name CosIng lists on 2026-08-10 joins the 2020 snapshot; `listed` says in which
    list each name is (`2020`, `2026`, `2020 2026`). Names new since 2020 take their functions
    from the 2026 list and their CAS and EC numbers from the 2021 export, where it has them."""
    with gzip.open(os.path.join(shared, "cosing", "names_functions_2026-08-10.json.gz"), "rt", encoding="utf-8") as f:
        names_2026 = json.load(f)["map"]
    full = {}
    with gzip.open(os.path.join(shared, "cosing", "inventory_2021-12-15_full.csv.gz"), "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            full[" ".join(r["inci_name"].upper().split())] = r
    for e in inv.values():
        e["listed"] = "2020"

    def spelling(n):
        # The two lists space slashes and end some names differently (`A /B`, `CROSSPOLYMER.`).
        return re.sub(r"\s*/\s*", "/", n).rstrip(". ")

    known = {spelling(n): n for n in inv}
    for raw, functions in sorted(names_2026.items()):
        name = " ".join(raw.replace("\u00a0", " ").split()).upper()
        # Three substance records (`CADMIUM DIFORMATE; CADMIUM FORMATE`) are not label names,
        # and a semicolon separates ingredients on every label.
        if not name or ";" in name:
            continue
        # A name the curated synonyms already send to a 2020 name (MINERAL OIL to PARAFFINUM
        # LIQUIDUM) stays a synonym, so that the facts recorded for that entry apply to it.
        if name in CURATED:
            continue
        same = known.get(spelling(name))
        if same is not None:
            if inv[same]["listed"] == "2020":
                inv[same]["listed"] = "2020 2026"
            continue
        known[spelling(name)] = name
        row = full.get(name, {})
        cas = (row.get("cas_no") or "").split(",")[0].strip()
        ec = (row.get("ec_no") or "").split(",")[0].strip()
        inv[name] = {
            "cas": "" if cas == "-" else cas,
            "ec": "" if ec == "-" else ec,
            "functions": [fn.title().replace(" - ", " - ") for fn in functions],
            "listed": "2026",
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


# Sources as a reader can look them up: the studies, and the dataset that compiled them by name,
# never a file of a repository. The compiled datasets do not say which study gave each row.
SRC_COMEDO = "Fulton JE Jr (1989) Comedogenicity and irritancy of commonly used ingredients in skin care products. J Soc Cosmet Chem 40:321-333; Kligman AM, Kwong T (1979) An improved rabbit ear model for assessing comedogenic substances. Br J Dermatol 100(6):699-702; ratings as compiled in the cosmetic-inci-bot dataset (MIT), which does not say which study gave each"
SRC_IRRIT = "cosmetic-inci-bot irritant list (MIT), primary source not stated"
SRC_ALLERG_SEV = "cosmetic-inci-bot allergen list (MIT), primary source not stated"
SRC_ANNEX = "Regulation (EC) 1223/2009 Annex {annex} entry {ref}, CosIng export of 28/08/2026 (CC BY 4.0)"
SRC_FLAGSHIP = "ingredient profile 'Human Umbilical Mesenchymal Stem Cell Conditioned Media', glooshi.com (updated 2025-06-27)"
SRC_FLAGSHIP_SAFETY = "Ahn H, Han HS, Lee KH (2025) Efficacy and safety of umbilical cord-derived mesenchymal stem cell-conditioned media for preventing and treating skin aging. World J Stem Cells 17(9):108049, Table 1"

SRC_IFRA_PHOTO = "IFRA Standards, 51st Amendment (2023): citrus oils and other furocoumarin-containing essential oils (phototoxicity)"
SRC_DEGROOT = "de Groot AC, Schmidt E (2016) Essential oils, part IV: contact allergy. Dermatitis 27(4):170-175"
SRC_AHA = "US FDA (2005) Guidance for Industry: Labeling for Topically Applied Cosmetic Products Containing Alpha Hydroxy Acids as Ingredients (sunburn alert)"
SRC_BHA = "US FDA, Beta Hydroxy Acids in Cosmetics (consumer information): exfoliation and sun sensitivity"
SRC_HWP = "Chinuki Y, Morita E (2012) Wheat-dependent exercise-induced anaphylaxis sensitized with hydrolyzed wheat protein in soap. Allergol Int 61(4):529-537"
SRC_SLS = "CIR (1983) Final report on the safety assessment of sodium lauryl sulfate and ammonium lauryl sulfate. J Am Coll Toxicol 2(7):127-181"
SRC_FORMALDEHYDE_RELEASERS = "de Groot AC, Flyvholm MA, Lensen G, Menne T, Coenraads PJ (2009) Formaldehyde-releasers: relationship to formaldehyde contact allergy. Contact allergy to formaldehyde and inventory of formaldehyde-releasers. Contact Dermatitis 61(2):63-85"
SRC_MI = "SCCS (2014) Revision of the opinion on methylisothiazolinone (P94), submission II (sensitisation only), SCCS/1521/14, doi:10.2772/7297"
SRC_FRAGRANCE = "SCCS (2012) Opinion on fragrance allergens in cosmetic products, SCCS/1459/11"
SRC_PG = "Lessmann H, Schnuch A, Geier J, Uter W (2005) Skin-sensitizing and irritant properties of propylene glycol. Contact Dermatitis 53(5):247-259, doi:10.1111/j.0105-1873.2005.00693.x"
# The bot's rows whose finding a primary source states; the others keep SRC_IRRIT.
IRRITANT_SOURCES = {
    "SODIUM LAURYL SULFATE": SRC_SLS,
    "AMMONIUM LAURYL SULFATE": SRC_SLS,
    "DMDM HYDANTOIN": SRC_FORMALDEHYDE_RELEASERS,
    "IMIDAZOLIDINYL UREA": SRC_FORMALDEHYDE_RELEASERS,
    "DIAZOLIDINYL UREA": SRC_FORMALDEHYDE_RELEASERS,
    "QUATERNIUM-15": SRC_FORMALDEHYDE_RELEASERS,
    "2-BROMO-2-NITROPROPANE-1,3-DIOL": SRC_FORMALDEHYDE_RELEASERS,
    "METHYLISOTHIAZOLINONE": SRC_MI,
    "METHYLCHLOROISOTHIAZOLINONE": SRC_MI,
    "PARFUM": SRC_FRAGRANCE,
    "LINALOOL": SRC_FRAGRANCE,
    "LIMONENE": SRC_FRAGRANCE,
    "CITRAL": SRC_FRAGRANCE,
    "PROPYLENE GLYCOL": SRC_PG,
    "MELALEUCA ALTERNIFOLIA LEAF OIL": "de Groot AC, Schmidt E (2016) Essential oils, part IV: contact allergy. Dermatitis 27(4):170-175",
    "MENTHA PIPERITA OIL": "de Groot AC, Schmidt E (2016) Essential oils, part IV: contact allergy. Dermatitis 27(4):170-175",
    "EUCALYPTUS GLOBULUS LEAF OIL": "de Groot AC, Schmidt E (2016) Essential oils, part IV: contact allergy. Dermatitis 27(4):170-175",
    "CINNAMOMUM CASSIA LEAF OIL": "de Groot AC, Schmidt E (2016) Essential oils, part IV: contact allergy. Dermatitis 27(4):170-175",
}
PHOTOTOXIC = "phototoxic (expressed citrus oil: furocoumarins); avoid sun on skin after leave-on use"
IRRITANT_EXTRA = {
    "CITRUS AURANTIUM BERGAMIA PEEL OIL": ("high", "essential_oil", PHOTOTOXIC, SRC_IFRA_PHOTO),
    "CITRUS LIMON PEEL OIL": ("medium", "essential_oil", PHOTOTOXIC, SRC_IFRA_PHOTO),
    "CITRUS AURANTIFOLIA PEEL OIL": ("medium", "essential_oil", PHOTOTOXIC, SRC_IFRA_PHOTO),
    "CITRUS AURANTIFOLIA OIL": ("medium", "essential_oil", PHOTOTOXIC, SRC_IFRA_PHOTO),
    "CITRUS PARADISI PEEL OIL": ("medium", "essential_oil", PHOTOTOXIC, SRC_IFRA_PHOTO),
    "CITRUS AURANTIUM AMARA PEEL OIL": ("medium", "essential_oil", PHOTOTOXIC, SRC_IFRA_PHOTO),
    # Sweet orange oil is not among the phototoxic oils; its limonene sensitises once oxidised.
    "CITRUS AURANTIUM DULCIS PEEL OIL": ("low", "essential_oil", "not phototoxic; oxidised limonene can sensitise", SRC_IFRA_PHOTO + "; " + SRC_DEGROOT),
    "CINNAMOMUM ZEYLANICUM LEAF OIL": ("medium", "essential_oil", "cinnamon leaf oil: eugenol, a contact allergen", SRC_DEGROOT),
    "CINNAMOMUM ZEYLANICUM BARK OIL": ("high", "essential_oil", "cinnamon bark oil: cinnamal, a strong contact allergen", SRC_DEGROOT),
    "EUGENIA CARYOPHYLLUS LEAF OIL": ("medium", "essential_oil", "clove oil: eugenol, a contact allergen", SRC_DEGROOT),
    "EUGENIA CARYOPHYLLUS BUD OIL": ("medium", "essential_oil", "clove oil: eugenol, a contact allergen", SRC_DEGROOT),
    "EUGENIA CARYOPHYLLUS FLOWER OIL": ("medium", "essential_oil", "clove oil: eugenol, a contact allergen", SRC_DEGROOT),
    "MYRISTICA FRAGRANS KERNEL OIL": ("medium", "essential_oil", "nutmeg oil: myristicin, safrole and eugenol", SRC_DEGROOT),
    "GLYCOLIC ACID": ("medium", "exfoliant", "alpha hydroxy acid: stinging at low pH, raises sun sensitivity", SRC_AHA),
    "LACTIC ACID": ("low", "exfoliant", "alpha hydroxy acid: stinging at low pH, raises sun sensitivity", SRC_AHA),
    "MANDELIC ACID": ("low", "exfoliant", "alpha hydroxy acid: raises sun sensitivity", SRC_AHA),
    "SALICYLIC ACID": ("low", "exfoliant", "beta hydroxy acid: exfoliates, drying, raises sun sensitivity", SRC_BHA),
    "HYDROLYZED WHEAT PROTEIN": ("low", "protein", "residual protein: contact urticaria and sensitisation reported", SRC_HWP),
}

# Comedogenic keys that are common names, mapped to the INCI name they mean.
COMEDO_MAP = {
    "almond oil": "PRUNUS AMYGDALUS DULCIS OIL",
    "argan oil": "ARGANIA SPINOSA KERNEL OIL",
    "avocado oil": "PERSEA GRATISSIMA OIL",
    "babassu oil": "ORBIGNYA OLEIFERA SEED OIL",
    "borage seed oil": "BORAGO OFFICINALIS SEED OIL",
    "cocoa butter": "THEOBROMA CACAO SEED BUTTER",
    "coconut oil": "COCOS NUCIFERA OIL",
    "corn oil": "ZEA MAYS GERM OIL",
    "cotton seed oil": "GOSSYPIUM HERBACEUM SEED OIL",
    "evening primrose oil": "OENOTHERA BIENNIS OIL",
    "flaxseed oil": "LINUM USITATISSIMUM SEED OIL",
    "grape seed oil": "VITIS VINIFERA SEED OIL",
    "hemp seed oil": "CANNABIS SATIVA SEED OIL",
    "jojoba oil": "SIMMONDSIA CHINENSIS SEED OIL",
    "olive oil": "OLEA EUROPAEA FRUIT OIL",
    "peanut oil": "ARACHIS HYPOGAEA OIL",
    "rosehip oil": "ROSA CANINA FRUIT OIL",
    "safflower oil": "CARTHAMUS TINCTORIUS SEED OIL",
    "sesame oil": "SESAMUM INDICUM SEED OIL",
    "shea butter": "BUTYROSPERMUM PARKII BUTTER",
    "soybean oil": "GLYCINE SOJA OIL",
    "sunflower oil": "HELIANTHUS ANNUUS SEED OIL",
    "sweet almond oil": "PRUNUS AMYGDALUS DULCIS OIL",
    "wheat germ oil": "TRITICUM VULGARE GERM OIL",
    "mineral oil": "PARAFFINUM LIQUIDUM",
    "castor oil": "RICINUS COMMUNIS SEED OIL",
    "beeswax": "CERA ALBA",
    "candelilla wax": "EUPHORBIA CERIFERA CERA",
    "carnauba wax": "COPERNICIA CERIFERA CERA",
    "marula oil": "SCLEROCARYA BIRREA SEED OIL",
    "mango butter": "MANGIFERA INDICA SEED BUTTER",
    "kukui nut oil": "ALEURITES MOLUCCANUS SEED OIL",
    "tamanu oil": "CALOPHYLLUM INOPHYLLUM SEED OIL",
    "sea buckthorn oil": "HIPPOPHAE RHAMNOIDES OIL",
    "macadamia oil": "MACADAMIA TERNIFOLIA SEED OIL",
    "pumpkin seed oil": "CUCURBITA PEPO SEED OIL",
    "rice bran oil": "ORYZA SATIVA BRAN OIL",
    "squalane": "SQUALANE",
    "vitamin e": "TOCOPHEROL",
    "denatured alcohol": "ALCOHOL DENAT.",
    "alcohol denat": "ALCOHOL DENAT.",
    "ethanol": "ALCOHOL",
    "sd alcohol 40": "SD ALCOHOL 40",
    "sd alcohol 40-b": "SD ALCOHOL 40-B",
    "fragrance": "PARFUM",
    "tea-lauryl sulfate": "TEA-LAURYL SULFATE",
    "cetearyl octanoate": "CETEARYL ETHYLHEXANOATE",
    "coconut butter": "COCOS NUCIFERA OIL",
    "cotton awws oil": "GOSSYPIUM HERBACEUM SEED OIL",
    "cottonseed oil": "GOSSYPIUM HERBACEUM SEED OIL",
    "d & c red # 17": "CI 26100",
    "d & c red # 21": "CI 45380",
    "d & c red # 27": "CI 45410",
    "d & c red # 30": "CI 73360",
    "d & c red # 36": "CI 12085",
    "dioctyl malate": "DIETHYLHEXYL MALATE",
    "dioctyl succinate": "DIETHYLHEXYL SUCCINATE",
    "glyceryl-3 diisostearate": "POLYGLYCERYL-3 DIISOSTEARATE",
    "hazelnut oil": "CORYLUS AVELLANA SEED OIL",
    "isopropyl linolate": "ISOPROPYL LINOLEATE",
    "lanolic acid": "LANOLIN ACID",
    "linseed oil": "LINUM USITATISSIMUM SEED OIL",
    "macadamia nut oil": "MACADAMIA TERNIFOLIA SEED OIL",
    "meadowfoam seed oil": "LIMNANTHES ALBA SEED OIL",
    "octyl palmitate": "ETHYLHEXYL PALMITATE",
    "octyl stearate": "ETHYLHEXYL STEARATE",
    "palm oil": "ELAEIS GUINEENSIS OIL",
    "papaya seed oil": "CARICA PAPAYA SEED OIL",
    "passionfruit oil": "PASSIFLORA EDULIS SEED OIL",
    "plum kernel oil": "PRUNUS DOMESTICA SEED OIL",
    "propylene glycol monostearate": "PROPYLENE GLYCOL STEARATE",
    "raspberry seed oil": "RUBUS IDAEUS SEED OIL",
    "trioctanoin": "TRICAPRYLIN",
    "wheat germ glyceride": "WHEAT GERM GLYCERIDES",
    "citrus bergamia peel oil": "CITRUS AURANTIUM BERGAMIA PEEL OIL",
}


def to_inci(key, inv, syn):
    """The CosIng name a data key means: itself, a synonym's target, or the curated map."""
    up = " ".join(key.upper().split())
    if up in inv:
        return up
    # The reviewed map wins over derived synonyms (`dioctyl succinate` is Fulton's diethylhexyl
    # ester, not the chemical-name synonym's dicapryl one).
    mapped = COMEDO_MAP.get(key.lower())
    if mapped and mapped in inv:
        return mapped
    if up in syn:
        return syn[up][0]
    if up + "." in inv:
        return up + "."
    return None


def read_annex(path):
    rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
    hdr = next(i for i, r in enumerate(rows) if r and r[0] == "Reference Number")
    head = rows[hdr]
    return [dict(zip(head, r)) for r in rows[hdr + 1:] if r and r[0].strip()]


def build_risk(shared, inv, syn):
    out_dir = os.path.join(ASSETS, "risk")
    os.makedirs(out_dir, exist_ok=True)
    report = []

    def write(name, header, rows):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            for r in sorted(set(tuple(r) for r in rows)):
                w.writerow(r)
        report.append(f"{name}: {len(set(tuple(r) for r in rows))} rows")

    # Comedogenic ratings (0-5), one source; the flagship's own range from the seed facts.
    comedo = json.load(open(os.path.join(shared, "ratings", "comedogenic.json"), encoding="utf-8"))["ingredients"]
    rows, seen = [], set()
    for key, rating in comedo.items():
        name = to_inci(key, inv, syn)
        if name is None:
            print(f"  comedogenic: no INCI name for {key!r}", file=sys.stderr)
            continue
        if name in seen:
            continue
        seen.add(name)
        rows.append([name, rating, rating, SRC_COMEDO])
    rows.append(["HUMAN UMBILICAL MESENCHYMAL STEM CELL CONDITIONED MEDIA", 0, 1, SRC_FLAGSHIP])
    write("comedogenic.csv", ["inci_name", "min", "max", "source"], rows)

    # Irritants.
    irr = json.load(open(os.path.join(shared, "ratings", "irritants.json"), encoding="utf-8"))["ingredients"]
    rows, seen = [], set()
    for key, v in irr.items():
        name = to_inci(key, inv, syn)
        if name is None:
            print(f"  irritants: no INCI name for {key!r}", file=sys.stderr)
            continue
        if name in seen:
            continue
        seen.add(name)
        rows.append([name, v["severity"], v["category"], v.get("note", ""), IRRITANT_SOURCES.get(name, SRC_IRRIT)])
    # Rows the bot's list lacks or gets wrong, each with a citable source; they replace its row.
    for name, (severity, category, note, source) in IRRITANT_EXTRA.items():
        if name not in inv:
            print(f"  irritants: extra row for unknown name {name!r}", file=sys.stderr)
            continue
        rows = [r for r in rows if r[0] != name]
        rows.append([name, severity, category, note, source])
    write("irritants.csv", ["inci_name", "severity", "category", "note", "source"], rows)

    # EU labelled fragrance allergens (Annex III), severity from the bot's list where it has one.
    sev = json.load(open(os.path.join(shared, "allergens", "allergens.json"), encoding="utf-8"))["allergens"]
    rows = []
    with open(os.path.join(shared, "allergens", "eu_labelled_fragrance_allergens.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            names = [n.strip() for n in r["identified_ingredients"].replace(";", ",").split(",") if n.strip()]
            for n in names or [r["glossary_name"]]:
                name = to_inci(n, inv, syn)
                if name is None:
                    continue
                s = sev.get(name.lower(), {}).get("severity", "medium")
                src = f"Regulation (EC) 1223/2009 Annex III entry {r['annex_iii_ref']} ({r['regulation']}); severity: {SRC_ALLERG_SEV}"
                rows.append([name, r["annex_iii_ref"], "yes" if r["in_original_26"] == "yes" else "no", s, src])
    write("allergens.csv", ["inci_name", "annex_ref", "original_26", "severity", "source"], rows)

    # Annexes II (prohibited), III (restricted), V (preservatives) and VI (UV filters): every
    # (entry, INCI name) pair with its verdict level (scripts/annex_scope.py), and the limits.
    by_cas = {}
    for n, e in inv.items():
        for c in annex_scope.CAS_RE.findall(e["cas"]):
            by_cas.setdefault(c, []).append(n)
    by_ec = {}
    for n, e in inv.items():
        for c in annex_scope.EC_RE.findall(e["ec"]):
            by_ec.setdefault(c, []).append(n)
    for n, e in inv.items():
        e["cas_unique"] = all(len(by_cas[c]) == 1 for c in annex_scope.CAS_RE.findall(e["cas"]))
        e["ec_unique"] = all(len(by_ec[c]) == 1 for c in annex_scope.EC_RE.findall(e["ec"]))
    # CosIng's own description of each name: says which part and which kind of oil it is.
    descriptions, restrictions = {}, {}
    with gzip.open(os.path.join(shared, "cosing", "inventory_2021-12-15_full.csv.gz"), "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            key = " ".join(r["inci_name"].upper().split())
            descriptions[key] = " ".join(r["chem_iupac_name___description"].split())
            restrictions[key] = annex_scope.restriction_refs(r["restriction"])
    rows, lim_rows, names_in, mixtures, basis = [], [], {}, {}, {}
    for annex, fname in (("II", "annex_II.csv"), ("III", "annex_III.csv"), ("V", "annex_V.csv"), ("VI", "annex_VI.csv")):
        for r in read_annex(os.path.join(shared, "cosing", fname)):
            ref = " ".join(r["Reference Number"].split())
            full = annex_scope.clean(r.get("Chemical name / INN", ""))
            if full.lower().startswith("moved or deleted"):
                continue
            substance = full[:160]
            glossary = annex_scope.clean(r.get("Name of Common Ingredients Glossary", ""))
            wording = r.get("Wording of conditions of use and warnings", "")
            other = annex_scope.clean(r.get("Other", ""))
            warning = " ".join(x for x in (other, annex_scope.clean(wording)) if x)[:300]
            label_warnings = "|".join(label_warning_phrases(wording)) if annex == "III" else ""
            source = SRC_ANNEX.format(annex=annex, ref=ref)
            nano, types, cond = annex_scope.conditions(full)
            if annex != "II":
                types, cond = [], []
                # `Hydroxyapatite` with the glossary `Hydroxyapatite (nano)`: a nano-only entry.
                nano = nano or "(nano)" in glossary.lower()
                form = annex_scope.form_condition(full)
            ids = r.get("Identified INGREDIENTS or substances e.g.", "")
            linked = {}
            for n in {x.strip() for x in ids.split(",") if x.strip()}:
                name = to_inci(n, inv, syn)
                if name is not None:
                    linked[name] = None
            # Names the entry identifies by CAS number though CosIng's column omits them
            # (CYCLOTETRASILOXANE, the INCI name of D4, under entry 1388).
            for c in annex_scope.CAS_RE.findall(r.get("CAS Number", "")):
                for name in by_cas.get(c, []):
                    linked.setdefault(name, None)
            if annex == "II":
                named = annex_scope.names_in_text_strict(full, inv)
            else:
                named = annex_scope.names_in_text(full, glossary, inv)
            for name in named:
                linked.setdefault(name, None)
            exact = annex_scope.names_named_exactly(full, glossary, inv) if annex != "II" else set()
            identified = []
            for name in linked:
                link = annex_scope.identifies(named, r.get("CAS Number", ""), r.get("EC Number", ""), name, inv[name])
                condition = "; ".join(cond)
                if annex != "II":
                    verdict, why = annex_scope.identifies_restricted(
                        dict(r, _annex=annex), name, descriptions.get(name, ""), link, exact, restrictions.get(name, set())
                    )
                    basis[(annex, ref, name)] = why
                    if verdict == "restricted" and form:
                        verdict, condition = "conditional", form
                    elif verdict != "restricted":
                        condition = why
                elif link is None:
                    verdict = "listed_as_related"
                elif cond:
                    verdict = "conditional"
                else:
                    verdict = "prohibited"
                if (annex, ref, name) in annex_scope.REVIEWED:
                    verdict, why = annex_scope.REVIEWED[(annex, ref, name)]
                    link = link or "reviewed"
                    basis[(annex, ref, name)] = "reviewed: " + why
                    if annex != "II" and verdict == "listed_as_related":
                        condition = why
                if verdict != "listed_as_related":
                    names_in.setdefault(name, set()).add(annex)
                    identified.append(name)
                rows.append([annex, ref, name, verdict, link or "cosing", "yes" if nano else "", "|".join(types), condition, substance, warning, label_warnings, source])
            # A mixture entry (`Mixture of 5-Chloro-2-methyl-isothiazol-3(2H)-one and
            # 2-Methylisothiazol-3(2H)-one`, `Citric acid (and) Silver citrate`) applies only
            # where every component is on the label: methylisothiazolinone alone is its own
            # entry, and citric acid alone no preservative.
            if annex != "II" and (full.lower().startswith("mixture of") or "(and)" in (full + glossary).lower()) and len(identified) > 1:
                for row in rows:
                    if row[0] == annex and row[1] == ref and row[2] in identified:
                        mixtures[(annex, ref, row[2])] = "|".join(sorted(n for n in identified if n != row[2]))
            if annex != "II":
                for k, (pts, pct, scope, basis_of) in enumerate(annex_scope.limits(r)):
                    lim_rows.append([annex, ref, k, "|".join(pts), pct, scope[:200], basis_of, source])
    # A name another annex allows within limits is not simply prohibited by Annex II.
    for row in rows:
        if row[0] == "II" and row[3] == "prohibited" and names_in[row[2]] - {"II"}:
            others = ", ".join(sorted(names_in[row[2]] - {"II"}))
            row[3] = "conditional"
            row[7] = f"allowed within the limits of Annex {others}" + ("; " + row[7] if row[7] else "")
    # `basis`: why the entry identifies the name or does not (Annexes III, V, VI), for review;
    # not compiled.
    rows = [row[:11] + [mixtures.get((row[0], row[1], row[2]), ""), basis.get((row[0], row[1], row[2]), "")] + row[11:] for row in rows]
    write("annex.csv", ["annex", "ref", "inci_name", "verdict", "link", "nano", "product_types", "condition", "substance", "warning", "label_warnings", "requires", "basis", "source"], rows)
    write("limits.csv", ["annex", "ref", "scope", "product_types", "max_percent", "scope_text", "expressed_as", "source"], lim_rows)

    # Origin classes from recorded data (scripts/origin_data.py), each row with its source.
    rows = origin_data.origins(
        inv,
        os.path.join(shared, "reference", "human_derived_and_conditioned_media.csv"),
        os.path.join(shared, "cosing", "inventory_2021-12-15_full.csv.gz"),
    )
    write("origin.csv", ["inci_name", "origin", "vegetarian", "reason", "source"], rows)

    # Free-form facts shown by `inci explain` (the flagship's seed facts).
    flagship = "HUMAN UMBILICAL MESENCHYMAL STEM CELL CONDITIONED MEDIA"
    rows = [
        [flagship, "what it is", "the liquid left after human umbilical mesenchymal stem cells were cultured, often with bovine serum", SRC_FLAGSHIP],
        [flagship, "photosensitivity", "none known: passed photosensitisation and phototoxicity tests", SRC_FLAGSHIP_SAFETY],
        [flagship, "pairs well with", "vitamin C (ascorbic acid), niacinamide, hyaluronic acid", SRC_FLAGSHIP],
        [flagship, "side effects", "mostly from what it is formulated with: heavy pore-clogging oils (breakouts), fragrance and preservatives (irritation), residual proteins (allergy)", SRC_FLAGSHIP],
        [flagship, "EU status", "prohibited: Annex II entry 416, cells, tissues or products of human origin", "Regulation (EC) 1223/2009 Annex II entry 416"],
    ]
    # What each name is, in CosIng's own words (the 2021 export's description column), for
    # `inci explain`; descriptions that only restate a chemical name are kept as such.
    with gzip.open(os.path.join(shared, "cosing", "inventory_2021-12-15_full.csv.gz"), "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            name = " ".join(r["inci_name"].upper().split())
            text = " ".join(r["chem_iupac_name___description"].split())
            if name not in inv or not text:
                continue
            if len(text) > 400:
                text = text[:400].rsplit(" ", 1)[0] + " ..."
            topic = "what it is" if re.search(r"\b(is|are)\b", text) else "chemical name"
            rows.append([name, topic, text, f"CosIng inventory, full export of 2021-12-15 (European Commission), description of {name}"])
    write("facts.csv", ["inci_name", "fact", "value", "source"], rows)
    for line in report:
        print(line, file=sys.stderr)


# Each market's rule on cells, tissues and products of human origin
# (reference/human_derived_by_market.csv), with what each row covers and the short words a report
# prints beside the other markets' (`EU: prohibited (Annex II entry 416) · KR: allowed if ...`).
# Keyed by (market, verdict) as the reference file gives them; `applies_to` is `all`,
# `culture_media` (the fluid left after culturing human cells, cells removed) or
# `cells_tissues` (the cells and tissues themselves, and their extracts); `inferred` marks a
# verdict that rests on evidence other than the market's own legal text, as its row says.
MARKET_WORDS = {
    ("EU", "prohibited"): ("all", "prohibited (Annex II entry 416)", ""),
    ("UK", "prohibited"): ("all", "prohibited (GB Annex II entry 416)", "the GB annex text was not read: inferred from Regulation (EC) 1223/2009 as assimilated law"),
    ("ASEAN", "prohibited"): ("all", "prohibited (ASEAN Cosmetic Directive Annex II, ref. 416)", ""),
    ("KR", "prohibited"): ("cells_tissues", "prohibited: human cells and tissues themselves may not be used (MFDS Annex 1)", "the Annex 1 entry's exact wording was not read: from KFDA's announcements of notice 2010-99"),
    ("KR", "allowed_with_conditions"): ("culture_media", "allowed if the culture medium meets the MFDS safety standard (Annex 3: donor screening, collection at medical institutions, records)", ""),
    ("JP", "allowed_with_conditions"): ("all", "allowed if it meets the Standards for Biological Materials (MHLW Notification 210 of 2003)", ""),
    ("CN", "prohibited"): ("all", "not permitted: not in the inventory of existing ingredients (IECIC 2021), and NMPA has registered no stem-cell ingredient", "the STSC 2015 prohibited-list entry was not read: from the IECIC inventory and NMPA's 2021 notice"),
    ("TW", "prohibited"): ("all", "prohibited (MOHW list of prohibited ingredients, 2024)", ""),
    ("US", "no_specific_rule"): ("all", "no specific rule (21 CFR 700 names no human-derived ingredient; treatment claims make it a drug)", ""),
    ("CA", "allowed_with_conditions"): ("all", "restricted: Health Canada must receive its source, production method, quality-control data and labelling (Cosmetic Ingredient Hotlist)", ""),
}


def build_markets(shared):
    """`assets/risk/markets.csv`: one row per market rule on human-derived ingredients, from
    reference/human_derived_by_market.csv with MARKET_WORDS; `evidence` (where the legal text was
    read) is provenance for review, not compiled."""
    rows = []
    with open(os.path.join(shared, "reference", "human_derived_by_market.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            key = (r["market"], r["verdict"])
            if key not in MARKET_WORDS:
                sys.exit(f"human_derived_by_market.csv: no MARKET_WORDS for {key}: add its scope and words")
            applies_to, summary, inferred = MARKET_WORDS[key]
            rows.append([r["market"], applies_to, r["verdict"], summary, " ".join(r["condition"].split()), " ".join(r["legal_text"].split()), " ".join(r["citation"].split()), inferred, " ".join(r["source_url_or_repo"].split())])
    missing = set(MARKET_WORDS) - {(r[0], r[2]) for r in rows}
    if missing:
        sys.exit(f"MARKET_WORDS names rows the reference file lacks: {sorted(missing)}")
    with open(os.path.join(ASSETS, "risk", "markets.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["market", "applies_to", "verdict", "summary", "condition", "legal_text", "citation", "inferred", "evidence"])
        w.writerows(rows)


# Statements Annex III requires on the label, as the regulation words them. An entry's
# `label_warnings` lists those its "Wording of conditions of use and warnings" cell contains
# (matched loosely: soft hyphens, colour/color, line breaks), and its own "Contains ..."
# statement. `inci lint` (rule L010) looks for them in the pack text.
STANDARD_WARNINGS = [
    "Hair colourants can cause severe allergic reactions",
    "Read and follow instructions",
    "This product is not intended for use on persons under the age of 16",
    "Keep out of reach of children",
    "Avoid contact with eyes",
    "For professional use only",
    "Wear suitable gloves",
    "Can cause blindness",
    "Can cause an allergic reaction",
    "Rinse eyes immediately if product comes into contact with them",
    "Avoid skin contact",
    "Read directions for use carefully",
    "For adult use only",
]


def _loose(text):
    text = text.replace("\u00ad", "").lower().replace("colour", "color")
    text = re.sub(r"[\u2018\u2019\u201c\u201d'\"]", "", text)
    return " ".join(text.split())


def label_warning_phrases(wording):
    """The mandatory label statements named in one Annex III wording cell, in table order."""
    loose = _loose(wording)
    out = []
    for m in re.finditer(r"\bContains ([^.\n;:]{3,80}?)(?=\s*(?:[.\n;:]|$|For |Avoid |Keep |Can |Rinse ))", wording.replace("\u00ad", "")):
        phrase = "Contains " + " ".join(m.group(1).split()).rstrip(" ,")
        if phrase not in out and not phrase.lower().startswith("contains the "):
            out.append(phrase)
    for p in STANDARD_WARNINGS:
        alt = p.replace("an allergic", "allergic")
        if _loose(p) in loose or _loose(alt) in loose:
            out.append(p)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared", "data"))
    args = ap.parse_args()
    inv = read_inventory(os.path.join(args.shared, "cosing", "inventory.csv"))
    add_2026_names(inv, args.shared)

    os.makedirs(ASSETS, exist_ok=True)
    with open(os.path.join(ASSETS, "cosing.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "cas", "ec", "functions", "listed"])
        for name in sorted(inv):
            e = inv[name]
            w.writerow([name, e["cas"], e["ec"], "; ".join(sorted(e["functions"])), e["listed"]])

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
        # A slash is an alternative (`Aqua/Water`), resolved piece by piece, except in a
        # foreign label name of an INCI name that has the slash itself (`카프릴릭/카프릭트라이글리세라이드`,
        # CAPRYLIC/CAPRIC TRIGLYCERIDE): that is one name, matched whole.
        if "/" in alias and not (kind.startswith("foreign:") and "/" in target):
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

    # Trade names and former INCI names (scripts/data/trade_and_former_names.tsv), each with
    # the maker, regulator or regulation that pairs it with the INCI name.
    with open(os.path.join(ROOT, "scripts", "data", "trade_and_former_names.tsv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            add(r["alias"], r["inci_name"], r["kind"], r["source"])
    add_name_tables(add, args.shared, inv)
    add_east_asian_names(add, args.shared, inv, syn)
    write_common_names(args.shared, inv)

    with open(os.path.join(ASSETS, "synonyms.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["alias", "target", "kind", "source"])
        for alias in sorted(syn):
            t, k, s = syn[alias]
            w.writerow([alias, t, k, s])
    print(f"cosing.csv: {len(inv)} names; synonyms.csv: {len(syn)} aliases", file=sys.stderr)
    build_risk(args.shared, inv, syn)
    build_markets(args.shared)
    for alias, why in skipped:
        print(f"  skipped synonym {alias!r}: {why}", file=sys.stderr)


if __name__ == "__main__":
    main()
