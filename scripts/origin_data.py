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
  ambiguous       plant, animal or synthetic: the supplier decides (glycerin, squalane);
                  derivatives of an ambiguous fatty acid follow it (glyceryl stearate, the
                  stearates and oleates);
  not_animal      an animal word in the name or description that is not where it comes from:
                  a plant binomial CosIng describes with its family (Opuntia tuna, the prickly
                  pear; Zea mays silk, corn stigmas), or "synthetic" in the name (Synthetic
                  Beeswax). Such a name raises no origin finding.
"""
import csv
import gzip
import re

SRC_COSING21 = "CosIng inventory, full export of 2021-12-15 (European Commission), description of {name}"
SRC_REFERENCE = "CosIng inventory 2020-12-30 (European Commission): a name of human cells, tissues or their products; Regulation (EC) 1223/2009 Annex II entry 416"
SRC_SEQUENCE_NAME = "INCI naming convention for sh- (synthetic human) and rh- (recombinant human) peptides, as CosIng descriptions state (e.g. sh-Oligopeptide-1: recombinant, produced by fermentation in E. coli)"
SRC_ZOO = "Cristiano L, Guagni M (2022) Zooceuticals and Cosmetic Ingredients Derived from Animals. Cosmetics 9(1):13, doi:10.3390/cosmetics9010013"
SRC_ALPHAGAL = "PMC8344025, Table 2: 'hidden' ingredients that may be mammal-derived"
SRC_CURATED = "inci curated list of animal-derived names without an animal word (2026), primary source not stated"
SRC_SQUALENE = "Cosmetics Design Asia, 'Sugarcane ingredient of choice to replace shark-derived squalene' (L. Whitehouse); " + SRC_ZOO

ANIMAL = (
    r"(bovine|cattle|cows?|calf|calves|porcine|pigs?|swine|hogs?|sheep|ovine|lambs?|goats?|horses?|"
    r"equine|mares?|donkeys?|camels?|chickens?|hens?|eggs?|egg yolks?|egg whites?|fish|sharks?|salmon|"
    r"cod|tuna|sardines?|snails?|silkworms?|silk|insects?|cochineal|Coccus cacti|Dactylopius|bees?|"
    r"honeybees?|Apis mell?ifera|honey|royal jelly|propolis|beeswax|milk|whey|colostrum|caseins?|yogh?urt|wool|"
    r"lanolin|oysters?|pearls?|mussels?|molluscs?|deer|Cervus|minks?|emus?|crocodiles?|snakes?|whales?|"
    r"rabbits?|mice|mouse|rats?|marine animals?|jellyfish|sea cucumbers?|starfish|crustaceans?|shrimps?|"
    r"crabs?|lobsters?|tallow|animal fats?|animals?|hoofs|horns|bones?|cartilage)"
)
ANIMAL_CTX = re.compile(r"\b(?:from|of|by)\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-,]+\s+){0,4}?" + ANIMAL + r"\b(?![\s\-]+(?:melon|suckle|bush|locust|chestnuts?|tails?|radish|mint|ears?|balm|gram|beans?|weeds?|fennel|berry|berries|grass|worts?|apples?|nettle|parsley|thistle|tongue))", re.I)
# Animal products taken without killing the animal (vegetarian, not vegan), unless the
# description also names a part only slaughter gives.
VEGETARIAN = re.compile(r"\b(milk|whey|colostrum|caseins?|yogh?urt|honey|royal jelly|propolis|beeswax|wax|venom|wool|lanolin|eggs?|egg yolks?|egg whites?)\b", re.I)
SLAUGHTER = re.compile(r"\b(tissues?|bones?|skins?|blood|plasma|organs?|livers?|fins?|flesh|scales?|collagen|gelatin|hoofs|horns|cartilage|placenta\w*|sturgeon|caviar|silk|silkworms?|cocoons?|crushed|larvae?|brains?|hearts?|spleen|thymus|aorta|fat(?![\-\w]))\b", re.I)
SYNTHETIC = re.compile(r"synthe|recombinant", re.I)
# A plant family in a CosIng description (`Opuntia tuna, Cactaceae`; the older names too).
PLANT_FAMILY = re.compile(r"\b[A-Z][a-z]+aceae\b|\b(?:Gramineae|Compositae|Labiatae|Umbelliferae|Cruciferae|Leguminosae|Palmae|Guttiferae)\b")
# The animal words inci's name-word classifier reads (crates/inci/src/origin.rs ANIMAL_WORDS;
# tests/origin_inventory.rs checks the two lists agree).
NAME_ANIMAL_WORDS = {
    "BOVINE", "COW", "CALF", "PORCINE", "PIG", "SWINE", "HORSE", "EQUINE", "MARE", "SHEEP", "OVINE", "GOAT",
    "CAPRINE", "CHICKEN", "DEER", "ANTLER", "FISH", "SALMON", "SNAIL", "RABBIT", "MURINE", "MOUSE", "RAT",
    "DONKEY", "CAMEL", "MINK", "EMU", "SHARK", "COD", "SILK", "SERICIN", "CAVIAR", "OYSTER", "COLLAGEN",
    "GELATIN", "ELASTIN", "KERATIN", "TALLOW", "CARMINE", "SHELLAC", "CHITOSAN", "CIVET", "CASTOREUM",
    "JUNGLEFOWL", "TURTLE", "HAMSTER", "DUCK", "QUAIL", "OSTRICH", "CROCODILE", "FROG", "WHALE", "BIRD",
    "CATTLE", "LAMB", "VELVET", "BOAR", "EGG", "OVUM", "MILK", "LAC", "LACTIS", "COLOSTRUM", "HONEY", "MEL",
    "PROPOLIS", "BEESWAX", "LANOLIN", "WOOL", "ROYAL",
}
SRC_NAME_SYNTHETIC = "the INCI name says synthetic (INCI naming convention: 'Synthetic' names a material made to resemble the natural one)"
# Derivatives of the ambiguous fatty acids: the acid's origin is theirs (stearic acid "also seen
# as magnesium stearate", PMC8344025 Table 2).
FATTY_DERIVATIVE = {
    "STEARIC ACID": re.compile(r"(?:^|[\s/(-])(?:DI|TRI|TETRA|POLY)?STEARATES?\b|^STEARYL ALCOHOL$|^CETEARYL ALCOHOL$"),
    "OLEIC ACID": re.compile(r"(?:^|[\s/(-])(?:DI|TRI)?OLEATES?\b|^OLEYL ALCOHOL$"),
}
# Plant or synthetic sources named in a derivative's name: then it is not ambiguous.
PLANT_SOURCE = re.compile(r"\b(?:PALM|OLIVE|SOY|SOYBEAN|COCO|COCONUT|SUNFLOWER|RAPESEED|CANOLA|SHEA|COCOA|CASTOR|VEGETABLE|RICE|CORN|JOJOBA|HYDROXYSTEARATE|ISOSTEARATE)\w*")
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
    # Animal-derived names that carry no animal word (issue: "lactose, yogurt powder, conalbumin,
    # chondroitin, atelocollagen, tallowate, sodium DNA, conchiolin, lanosterol are missed").
    "LACTOSE": ("animal", "yes", "milk sugar", SRC_CURATED + ": lactose is the sugar of milk"),
    "ATELOCOLLAGEN": ("animal", "no", "collagen with its telopeptides removed", SRC_COSING21.format(name="ATELOCOLLAGEN") + ": 'the protein obtained when the telopeptides are enzymatically removed from collagen'"),
    "OVOTRANSFERRIN": ("animal", "yes", "the iron-binding protein of egg white (conalbumin)", SRC_CURATED + ": ovotransferrin (conalbumin) is the iron-binding protein of egg white"),
    "OVALBUMIN": ("animal", "yes", "the main protein of egg white", SRC_CURATED + ": ovalbumin is the main protein of egg white"),
    "CHONDROITIN SULFATE": ("animal", "no", "from animal cartilage (shark, bovine, porcine)", SRC_CURATED + ": chondroitin sulfate is extracted from animal cartilage"),
    "SODIUM CHONDROITIN SULFATE": ("animal", "no", "from animal cartilage (shark, bovine, porcine)", SRC_CURATED + ": chondroitin sulfate is extracted from animal cartilage"),
    "SODIUM DNA": ("animal", "no", "DNA salts for cosmetics are extracted from fish milt (salmon, herring)", SRC_CURATED + ": sodium DNA is extracted from fish milt; see CosIng 2021: MILT EXTRACT, 'an extract of fish milt'"),
    "DNA": ("animal", "no", "DNA for cosmetics is extracted from fish milt (salmon, herring)", SRC_CURATED + ": DNA is extracted from fish milt; see CosIng 2021: MILT EXTRACT, 'an extract of fish milt'"),
    "CONCHIOLIN": ("animal", "no", "the protein of nacre, from pearl oysters", SRC_COSING21.format(name="CONCHIOLIN POWDER") + ": 'the powder obtained from pearl oyster'"),
    "HYDROLYZED CONCHIOLIN PROTEIN": ("animal", "no", "the protein of nacre, from pearl oysters", SRC_COSING21.format(name="CONCHIOLIN POWDER") + ": 'the powder obtained from pearl oyster'"),
    "LANOSTEROL": ("animal", "yes", "a sterol of lanolin (sheep's wool grease)", SRC_CURATED + ": lanosterol is a sterol of lanolin"),
    "SODIUM TALLOWATE": ("animal", "no", "the sodium soap of tallow (beef or mutton fat)", SRC_COSING21.format(name="SODIUM TALLOWATE") + ": 'Fatty acids, tallow, sodium salts'"),
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
        words = set(re.split(r"[^A-Z0-9]+", name))
        animal_word = any(w in NAME_ANIMAL_WORDS or w.endswith("S") and w[:-1] in NAME_ANIMAL_WORDS for w in words)
        described_animal = ANIMAL_CTX.search(d) if d else None
        # "Synthetic Beeswax": made, not taken from bees.
        if "SYNTHETIC" in words and (animal_word or described_animal):
            rows[name] = [name, "not_animal", "", "synthetic: made to resemble the natural material, not taken from animals", SRC_COSING21.format(name=name) if SYNTHETIC.search(d) else SRC_NAME_SYNTHETIC]
            continue
        # A plant binomial CosIng describes with its family: `Opuntia tuna` is the prickly pear,
        # `Zea mays` silk the stigmas of corn.
        head = " ".join(name.split()[:2]).lower()
        # Not for mixtures (`Panax Ginseng Root/Royal Jelly Extract`), whose other parts may be
        # animal.
        mixture = "/" in name or "+" in name
        if (animal_word or described_animal) and not mixture and PLANT_FAMILY.search(d) and head in d.lower():
            rows[name] = [name, "not_animal", "", f"a plant: CosIng describes it as from {head.capitalize()} ({PLANT_FAMILY.search(d).group(0)})", SRC_COSING21.format(name=name)]
            continue
        parent = next((acid for acid, rx in FATTY_DERIVATIVE.items() if rx.search(name)), None)
        if parent and not PLANT_SOURCE.search(name) and not described_animal:
            why = CURATED[parent][2].split(":")[0]
            rows[name] = [name, "ambiguous", "", f"a derivative of {parent.lower()}, which comes {why}: ask the supplier", SRC_ALPHAGAL]
            continue
        if d and not SYNTHETIC.search(d):
            m = described_animal
            if m:
                word = m.group(1)
                veg = "yes" if VEGETARIAN.search(d) and not SLAUGHTER.search(d) else "no"
                rows[name] = [name, "animal", veg, f"CosIng describes it as from {word.lower()}", SRC_COSING21.format(name=name)]
    return list(rows.values())
