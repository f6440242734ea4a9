"""Origin of CosIng names, for scripts/build_data.py: which class each name belongs to, from
recorded data (the reference list of human-derived names, CosIng descriptions that name a
species or say "recombinant", colour index numbers, a reviewed list of ambiguous names), each
row with a citable source. Standard library only.

Classes (inci's `OriginClass`):
  human_tissue    human cells, tissues, secretions (conditioned media, exosomes, lysates,
                  placenta, plasma): Annex II entry 416;
  human_sequence  made synthetically or recombinantly with a human sequence (sh-, rh- peptides,
                  former `Human Oligopeptide-N` names): not of human origin;
  animal          from animals (vegetarian when no animal is killed: milk, honey, wool, eggs);
  ambiguous       plant, animal or synthetic: the supplier decides (glycerin, squalane).
"""
import csv
import gzip
import re

SRC_COSING21 = "CosIng inventory, full export of 2021-12-15 (European Commission), description of {name}"
SRC_REFERENCE = "CosIng inventory 2020-12-30 (European Commission): a name of human cells, tissues or their products; Regulation (EC) 1223/2009 Annex II entry 416"
SRC_SEQUENCE_NAME = "INCI naming convention for sh- (synthetic human) and rh- (recombinant human) peptides, as CosIng descriptions state (e.g. sh-Oligopeptide-1: recombinant, produced by fermentation in E. coli)"
SRC_ZOO = "Cristiano L, Guagni M (2022) Zooceuticals and Cosmetic Ingredients Derived from Animals. Cosmetics 9(1):13, doi:10.3390/cosmetics9010013"
SRC_ALPHAGAL = "PMC8344025, Table 2: 'hidden' ingredients that may be mammal-derived"
SRC_SQUALENE = "Cosmetics Design Asia, 'Sugarcane ingredient of choice to replace shark-derived squalene' (L. Whitehouse); " + SRC_ZOO

ANIMAL = (
    r"(bovine|cattle|cows?|calf|calves|porcine|pigs?|swine|hogs?|sheep|ovine|lambs?|goats?|horses?|"
    r"equine|mares?|donkeys?|camels?|chickens?|hens?|eggs?|egg yolks?|egg whites?|fish|sharks?|salmon|"
    r"cod|tuna|sardines?|snails?|silkworms?|silk|insects?|cochineal|Coccus cacti|Dactylopius|bees?|"
    r"honeybees?|Apis mell?ifera|honey|royal jelly|propolis|beeswax|milk|whey|colostrum|caseins?|wool|"
    r"lanolin|oysters?|pearls?|mussels?|molluscs?|deer|Cervus|minks?|emus?|crocodiles?|snakes?|whales?|"
    r"rabbits?|mice|mouse|rats?|marine animals?|jellyfish|sea cucumbers?|starfish|crustaceans?|shrimps?|"
    r"crabs?|lobsters?|tallow|animal fats?|animals?|hoofs|horns|bones?|cartilage)"
)
ANIMAL_CTX = re.compile(r"\b(?:from|of|by)\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-,]+\s+){0,4}?" + ANIMAL + r"\b(?![\s\-]+(?:melon|suckle|bush|locust|chestnuts?|tails?|radish|mint|ears?|balm|gram|beans?|weeds?|fennel|berry|berries|grass|worts?|apples?|nettle|parsley|thistle|tongue))", re.I)
# Animal products taken without killing the animal (vegetarian, not vegan), unless the
# description also names a part only slaughter gives.
VEGETARIAN = re.compile(r"\b(milk|whey|colostrum|caseins?|honey|royal jelly|propolis|beeswax|wax|venom|wool|lanolin|eggs?|egg yolks?|egg whites?)\b", re.I)
SLAUGHTER = re.compile(r"\b(tissues?|bones?|skins?|blood|plasma|organs?|livers?|fins?|flesh|scales?|collagen|gelatin|hoofs|horns|cartilage|placenta\w*|sturgeon|caviar|silk|silkworms?|cocoons?|crushed|larvae?|brains?|hearts?|spleen|thymus|aorta|fat(?![\-\w]))\b", re.I)
SYNTHETIC = re.compile(r"synthe|recombinant", re.I)
RECOMBINANT = re.compile(r"recombinant|synthetic human|synthesized to be identical|produced by fermentation|starting gene", re.I)

# Names whose origin the data above does not give, reviewed: (origin, vegetarian, reason, source).
CURATED = {
    "CI 75470": ("animal", "no", "carmine, the red of crushed cochineal insects (Dactylopius coccus)", SRC_ZOO),
    "CARMINE": ("animal", "no", "the red of crushed cochineal insects (Dactylopius coccus)", SRC_ZOO),
    "CI 75170": ("animal", "no", "guanine, usually from fish scales (also made synthetically)", SRC_ZOO),
    "GUANINE": ("animal", "no", "usually from fish scales (also made synthetically)", SRC_ZOO),
    "LACTOPEROXIDASE": ("animal", "yes", "an enzyme isolated from milk", SRC_ZOO),
    "PEARL POWDER": ("animal", "no", "ground pearls, taken from molluscs", SRC_COSING21.format(name="PEARL POWDER")),
    "SQUALANE": ("ambiguous", "", "from shark liver oil, olives, sugarcane or synthesis: ask the supplier", SRC_SQUALENE),
    "SQUALENE": ("ambiguous", "", "from shark liver oil, olives or amaranth: ask the supplier", SRC_SQUALENE),
    "CHOLESTEROL": ("ambiguous", "", "usually from lanolin (sheep's wool grease), also from plant sterols or synthesis: ask the supplier", SRC_ZOO),
    "GLYCERIN": ("ambiguous", "", "from animal fats or vegetable oils, or synthetic: ask the supplier", SRC_ALPHAGAL),
    "STEARIC ACID": ("ambiguous", "", "from animal fat (tallow) or plant fats: ask the supplier", SRC_ALPHAGAL),
    "OLEIC ACID": ("ambiguous", "", "usually from beef fat, also from vegetable oils: ask the supplier", SRC_ALPHAGAL),
    "MYRISTIC ACID": ("ambiguous", "", "usually from nut oils, occasionally animal: ask the supplier", SRC_ALPHAGAL),
}


def read_descriptions(path):
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        return {r["inci_name"].upper().strip(): r["chem_iupac_name___description"] for r in csv.DictReader(f)}


def origins(inv, reference_path, full_export_path):
    """Rows `[inci_name, origin, vegetarian, reason, source]` for the names of `inv`."""
    desc = read_descriptions(full_export_path)
    rows = {}
    for name, (origin, veg, reason, source) in CURATED.items():
        if name in inv:
            rows[name] = [name, origin, veg, reason, source]
    with open(reference_path, encoding="utf-8", newline="") as f:
        reference = {r["inci_name"]: r["category"] for r in csv.DictReader(f)}
    for name in sorted(inv):
        if name in rows:
            continue
        d = " ".join(desc.get(name, "").split())
        human_in = "HUMAN" in name or re.search(r"\bhuman\b", d, re.I)
        sh_rh = re.search(r"(?:^|[ /(])(SH|RH)-", name)
        if sh_rh or "HUMAN-LIKE" in name or (human_in and RECOMBINANT.search(d)):
            if sh_rh and not d:
                rows[name] = [name, "human_sequence", "", "an sh- or rh- name: made with a human sequence, not from human tissue", SRC_SEQUENCE_NAME]
            else:
                src = SRC_COSING21.format(name=name) if d else SRC_SEQUENCE_NAME
                rows[name] = [name, "human_sequence", "", "made synthetically or recombinantly with a human sequence, not from human tissue", src]
            continue
        cat = reference.get(name, "")
        if "CORONAVIRUS" not in name and (
            cat in ("human_cell_conditioned_media", "other_human_derived_or_human_sequence")
            or (cat.startswith(("placenta", "stem-cell")) and name.startswith("HUMAN "))
        ):
            src = SRC_REFERENCE + ("; " + SRC_COSING21.format(name=name) if d else "")
            rows[name] = [name, "human_tissue", "no", "human cells, tissues or their products", src]
            continue
        if d and not SYNTHETIC.search(d):
            m = ANIMAL_CTX.search(d)
            if m:
                word = m.group(1)
                veg = "yes" if VEGETARIAN.search(d) and not SLAUGHTER.search(d) else "no"
                rows[name] = [name, "animal", veg, f"CosIng describes it as from {word.lower()}", SRC_COSING21.format(name=name)]
    return list(rows.values())
