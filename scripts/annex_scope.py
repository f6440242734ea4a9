"""Annex entries of Regulation (EC) 1223/2009 read into typed scope, for scripts/build_data.py.

An Annex II entry does not always prohibit every name CosIng links to it. Its own wording may
make it conditional ("except for normal content in natural essences used", "when used as a
substance in hair dye products", "(nano)", "if ... releasable formaldehyde ... >= 0,1 %"), and
CosIng's "Identified INGREDIENTS" column links names that are not the substance the entry names
(citrus peel oils under furocoumarins, Cyclomethicone under D4). Each (entry, name) pair gets a
verdict level:

  prohibited         the entry names this substance (by INCI name, CAS or EC number) and states
                     no condition;
  conditional        the entry names this substance but prohibits it only under a condition
                     (said in words in `condition`), or another annex allows it within limits;
  listed_as_related  CosIng links the name to the entry, but the entry names another substance;
  restricted         Annex III, V or VI: allowed within limits and with warnings.

Annex III, V and VI limits (product types and maximum concentrations, paired by the a) b) c)
letters of the cells) go to `limits.csv`, so a declared percentage can be checked.
Standard library only.
"""
import re

CAS_RE = re.compile(r"\b\d{2,7}-\d{2}-\d\b")
EC_RE = re.compile(r"\b\d{3}-\d{3}-\d\b")
PERCENT_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")

# Entries reviewed by hand where the automatic reading is wrong, with the reason.
# (annex, ref, INCI name) -> (verdict, reason)
REVIEWED = {
    ("II", "1385", "QUATERNIUM-15"): (
        "prohibited",
        "Quaternium-15 is the INCI name of cis-CTAC, the substance the entry names (its CosIng record carries the entry's EC number 426-020-3)",
    ),
}


def clean(text):
    return " ".join((text or "").replace("\u00ad", "").split())


def conditions(substance):
    """(form_nano, product_types, condition words) an Annex II entry's own wording states."""
    t = clean(substance)
    low = t.lower()
    nano = "(nano)" in low or re.search(r"\bnano\b", low) is not None
    types = []
    words = []
    m = re.search(r"when used as (?:a )?substance in hair(?: and eyelash)? dye products", low)
    if m:
        types.append("hair_dye")
        words.append("prohibited only as a substance in hair dye products")
    if "when used as a fragrance ingredient" in low:
        words.append("prohibited only when used as a fragrance ingredient")
    m = re.search(r"\b(except|with the exception of|with exception of|unless|other than)\b", low)
    if m:
        words.append(t[m.start():][:220].rstrip(" .,;"))
    m = re.search(r"\bif the maximum theoretical concentration\b|\bif (?:it|they) contains?\b|\bcontaining (?:more than|≥|>)", low)
    if m:
        words.append("prohibited only " + t[m.start():][:200].rstrip(" .,;"))
    if nano:
        words.append("prohibited in nano form (a label must then print [nano] or (nano) after the name)")
    return nano, types, words


def identifies(named, cas_field, ec_field, name, inv_row):
    """How the entry names this INCI name: `name` (it is in `named`, the names its text
    names), `cas`, `ec`, or None (CosIng's link only)."""
    if name in named:
        return "name"
    entry_cas = set(CAS_RE.findall(cas_field or ""))
    name_cas = set(CAS_RE.findall(inv_row.get("cas", "")))
    # A CAS number CosIng gives several plant preparations (a species' generic number: Margosa
    # under MELIA AZADIRACHTA LEAF EXTRACT) does not say which of them the entry means; several
    # names of one substance (CI 14700 and PONCEAU SX) share numbers rightly.
    shared_ok = not BOTANICAL_RE.search(name)
    if entry_cas and name_cas and name_cas <= entry_cas and (shared_ok or inv_row.get("cas_unique", True)):
        return "cas"
    entry_ec = set(EC_RE.findall(ec_field or ""))
    name_ec = set(EC_RE.findall(inv_row.get("ec", "")))
    # A name with several EC numbers is a mixture (Cyclomethicone: D4, D5, D6): one shared
    # number does not make it the substance; nor does an EC number several names share (a
    # plant's generic number: Laurus nobilis seed oil and leaf extract).
    if entry_ec and len(name_ec) == 1 and name_ec <= entry_ec and (shared_ok or inv_row.get("ec_unique", True)):
        return "ec"
    return None


def product_types(text):
    """The product types a scope cell names, as inci's typed tokens (positive mentions only)."""
    t = clean(text).lower()
    # Drop what a scope excludes ("except oral care products", "excluding propellant ...").
    positive = re.split(r"\b(?:except|excluding|with the exception of|other than|not to be used)\b", t)[0]
    # "deodorants, not in form of spray" names deodorants, not sprays.
    positive = re.sub(r"\bnot in (?:the )?form of (?:an? )?(?:spray|aerosol)s?\b|\bnon-(?:spray|aerosol)s?\b", " ", positive)
    out = []
    if re.search(r"rinse[- ]?off", positive):
        out.append("rinse_off")
    if re.search(r"leave[- ]?on", positive):
        out.append("leave_on")
    if re.search(r"\b(oral|dental)\b", positive):
        out.append("oral_care")
    if re.search(r"\btoothpastes?\b", positive):
        out.append("toothpaste")
    if re.search(r"\bmouthwash(?:es)?\b", positive):
        out.append("mouthwash")
    if re.search(r"\bhand (?:soaps?|wash(?:es)?)\b", positive):
        out.append("hand_soap")
    if re.search(r"\b(?:body soaps?|shower gels?)\b", positive):
        out.append("shower_gel")
    if re.search(r"\bshampoos?\b", positive):
        out.append("shampoo")
    if re.search(r"\b(?:deodorants?|antiperspirants?)\b", positive):
        out.append("deodorant")
    if re.search(r"\bface powders?\b|\bloose powder\b", positive):
        out.append("powder")
    if re.search(r"\bnail (?:products?|polish|varnish|care)\b", positive):
        out.append("nail")
    # Body parts a scope names: lips, eyelashes (eyelash dye stays a hair-dye scope).
    if re.search(r"\blip(?:s|sticks?| products?| balms?| care)\b", positive):
        out.append("lip")
    # Colouring eyelashes is eyelash dye, the hair-dye scopes' kin (`hair and eyelash dye`).
    if re.search(r"\bcolou?ring eyelashes\b|\beyelash (?:dye|tint)", positive):
        out.append("hair_dye")
    elif re.search(r"\beyelash(?:es)?\b", positive) and "hair_dye" not in out:
        out.append("eyelash")
    if re.search(r"(?<!non-)\b(spray|aerosol|propellant)", positive):
        out.append("spray")
    if re.search(r"hair (?:and eyelash )?(?:dye|day)|hair colou?r", positive):
        out.append("hair_dye")
    if re.search(r"\beye products\b", positive):
        out.append("eye")
    if re.match(r"\s*(?:all )?other\b", positive):
        out.append("other")
    return out


def lettered(text):
    """Splits `a) X b) Y` (or `(a) X (b) Y`) into {letter: text}; {} when not lettered."""
    t = clean(text)
    parts = re.split(r"(?:^|\s)\(?([a-h])\)\s", " " + t)
    if len(parts) < 3:
        return {}
    out = {}
    for i in range(1, len(parts) - 1, 2):
        out.setdefault(parts[i], parts[i + 1].strip())
    return out


def expressed_as(text):
    """What a maximum is calculated as, when not the substance itself (`0,15 % calculated as
    F`, `1 % (as zinc)`, `0.2% (as free SO2)`, `as free base`, `(0,3 % as base)`, `0,3 % RE`:
    retinol), or ""."""
    t = clean(text)
    # Retinol and its esters: `0,3 % Retinol Equivalent (RE)`, `0,3 % RE`: as retinol.
    if re.search(r"\bretinol equivalents?\b|\d\s*%\s*RE\b", t, re.I):
        return "retinol"
    m = re.search(r"calculated as ([A-Za-z0-9 ]+?)(?:[.;,)]|$)|\(as ([^)]+)(?:\)|$)|\bas (free [A-Za-z0-9]+)|%\s*as (base)\b", t)
    return clean(next(g for g in m.groups() if g)) if m else ""


def limits(row):
    """The (product_types, max_percent, scope_text, expressed_as) scopes of an Annex III/V/VI
    row. A maximum of an impurity (`Maximum secondary amine content: 0.5%`) is not the
    substance's: no percentage."""
    pt = clean(row.get("Product Type, body parts", ""))
    mx = clean(row.get("Maximum concentration in ready for use preparation", ""))
    if re.search(r"\b(?:amine|residual|impurit\w*)\s+content\b|\bcontent\s*:", mx, re.I):
        mx = ""
    pts, mxs = lettered(pt), lettered(mx)
    out = []
    if pts:
        for letter, scope in pts.items():
            cell = mxs.get(letter, mx if not mxs else "")
            m = PERCENT_RE.search(cell)
            out.append((product_types(scope), m.group(1).replace(",", ".") if m else "", scope, expressed_as(cell) if m else ""))
        return out
    m = PERCENT_RE.search(mx)
    pct = m.group(1).replace(",", ".") if m else ""
    scope = pt
    # "0,0015 % Rinse-off products": the product type written in the concentration cell.
    if not scope and m:
        rest = mx[m.end():].strip(" .;")
        if product_types(rest):
            scope = rest
    if not pct and not scope:
        return []
    return [(product_types(scope), pct, scope, expressed_as(mx) if pct else "")]


BOTANICAL_RE = re.compile(r"\b(EXTRACT|OIL|WATER|JUICE|BUTTER|WAX|POWDER|FLOWER|LEAF|SEED|ROOT|BARK|STEM|FRUIT|PEEL|KERNEL|CERA|BRANCH)\b")
REACTION_RE = re.compile(r"\b(?:reaction|condensation) (?:products?|mass)\b|\bUVCB\b|\bmixture of\b", re.I)
EXCEPTION_RE = re.compile(r"\b(?:except|with the exception of|with exception of|unless|other than)\b", re.I)


def names_in_text_strict(substance, inv):
    """CosIng names an Annex II entry names as its substance. Chemical names invert with
    commas (`Citric acid, ammonium nickel salt`) and embed names (`... coumarin`), so only
    these count: a name tagged `[INCI]` or `(INCI: ...)`, or the entry's head items when every
    comma- or semicolon-separated item of the head is a CosIng name (`Tagetes erecta flower
    extract, Tagetes erecta flower oil`; `Styrene`)."""
    text = clean(substance)
    if REACTION_RE.search(text):
        return []
    found = []
    for m in re.finditer(r"([A-Za-z0-9][^\[\];,()]*?)\s*(?:\(nano\)\s*)?\[INCI\]", text):
        cand = clean(m.group(1)).upper()
        if cand in inv:
            found.append(cand)
    for m in re.finditer(r"\(INCI(?: name)?:\s*([^)]+)\)", text, re.I):
        cand = clean(m.group(1)).upper()
        if cand in inv:
            found.append(cand)
    m = re.match(r"([A-Za-z][A-Za-z0-9 /\-]*?)\s*\(nano\)", text)
    if m and clean(m.group(1)).upper() in inv:
        found.append(clean(m.group(1)).upper())
    head = EXCEPTION_RE.split(text)[0]
    head = re.split(r"\s+(?:and|or) (?:its|their)\b|\s+when used\b|\s+if\b", head, flags=re.I)[0]
    items = [clean(x).strip(" .").upper() for x in re.split(r"[;,]", head) if x.strip(" .")]
    if items and all(x in inv for x in items):
        found.extend(x for x in items if x not in found)
    return found


def names_in_text(substance, glossary, inv):
    """CosIng names the entry's own text names as an item of its own (`Titanium Dioxide`,
    `Styrene/Acrylates copolymer (nano) [INCI]`, `..., quaternium-15`), read before any exception
    clause so that an excepted substance (`with the exception of ... barium sulfate`) is not
    taken for the one the entry restricts. A name inside a longer one (`Zinc` in `Zinc borate`,
    `Styrene` in `Styrene oxide`, `Petrolatum` in `Petrolatum (petroleum), oxidized`) is not
    named."""
    found = []
    for text in (substance, glossary):
        # The components of a reaction product are not the substance the entry names.
        if REACTION_RE.search(text):
            continue
        head = EXCEPTION_RE.split(clean(text))[0].upper()
        toks = []
        for raw in head.split():
            core = raw.strip("()[],;:.")
            if not core:
                continue
            left = raw[: raw.index(core[0])]
            right = raw[raw.rindex(core[-1]) + 1:]
            toks.append((core, left, right))
        n = len(toks)
        joiners = {"AND", "OR", "ITS", "INCLUDING", "E.G", "INCI", "INN", "NANO"}
        for i in range(n):
            starts = i == 0 or toks[i][1] or toks[i - 1][2] or toks[i - 1][0] in joiners
            if not starts:
                continue
            for j in range(i + 1, min(i + 9, n + 1)):
                if j - 1 > i and (toks[j - 1][1] or toks[j - 2][2]):
                    break
                ends = j == n or toks[j - 1][2] or toks[j][0] in joiners or toks[j][1].startswith("[")
                cand = " ".join(t[0] for t in toks[i:j])
                # `Benzoic acid, 2-hydroxy-` is salicylic acid: the head of an inverted
                # chemical name is not the substance.
                inverted = (
                    j < n
                    and toks[j - 1][2].startswith(",")
                    and re.match(r"\d|\(|[A-Z]+-$|[NO]-|ALPHA|BETA", toks[j][1] + toks[j][0]) is not None
                )
                if ends and not inverted and len(cand) >= 4 and cand in inv and cand not in found:
                    found.append(cand)
    return found


# --- Annex III, V and VI: does the entry identify this name? ---------------------------------
#
# An Annex III/V/VI entry restricts one substance (or a named class of them). CosIng's
# "Identified INGREDIENTS" column and shared CAS numbers also tie it to names that are another
# substance: the orange flower water under the orange *peel oil* entry, rose-hip oil under the
# rose *flower* entry, PEG copolymers under diethylene glycol. A pair is `restricted` only when
# the entry identifies the name; otherwise it is `listed_as_related` with the reason in words,
# and raises no finding.

PLANT_PARTS = {
    "FLOWER", "FLOWERS", "LEAF", "LEAVES", "PEEL", "BARK", "SEED", "SEEDS", "FRUIT", "WOOD", "ROOT", "BUD",
    "NEEDLE", "TWIG", "STEM", "HERB", "RHIZOME", "KERNEL", "NUT", "CONE", "BRANCH", "BERRY", "TOP", "HEARTWOOD",
    "CALYX", "PETAL", "SPROUT", "RESIN", "GUM", "NEEDLES", "TWIGS", "BRANCHES", "STALK", "TUBER", "BULB",
    "HUSK", "SHELL", "SAP", "PULP", "WHOLE", "PLANT", "AERIAL", "PARTS", "CORTEX", "FLOWERING",
}
PART_CANON = {"FLOWERS": "FLOWER", "LEAVES": "LEAF", "SEEDS": "SEED", "NEEDLES": "NEEDLE", "TWIGS": "TWIG", "BRANCHES": "BRANCH"}
PREPARATIONS = {
    "OIL": "oil", "OILS": "oil", "EXTRACT": "extract", "EXTRACTS": "extract", "ABSOLUTE": "extract",
    "CONCRETE": "extract", "RESINOID": "extract", "TINCTURE": "extract", "DISTILLATES": "extract",
    "WATER": "water", "JUICE": "juice", "POWDER": "powder", "WAX": "wax", "CERA": "wax", "BUTTER": "butter",
}
# Words after which a name is a culture or ferment of the plant, another substance again.
CULTURE_WORDS = {"CELL", "CELLS", "CALLUS", "CULTURE", "FERMENT", "MERISTEM", "EXOSOMES", "LYSATE"}
FIXED_PARTS = {"SEED", "KERNEL", "NUT"}
CLASS_RE = re.compile(
    r"\b(?:salts|and its|and their|compounds|derivatives|polyacrylamides|sulfites|bisulfites|esters|"
    r"\w+amines|\w+amides|\w+anolamines|mixtures? that release)\b",
    re.I,
)


def _tokens(text):
    t = re.sub(r"\([^)]*\)", " ", text.upper())
    return [w for w in re.split(r"[\s,]+|(?=/)|(?<=/)", t.replace(".", " ")) if w]


def botanical(name, description=""):
    """(genus, epithets, parts, preparation) of a plant INCI name (`ROSA CANINA FRUIT OIL`), or
    None when the name does not read as one. A name with parts and no preparation is the plant
    material (`ROSA CENTIFOLIA FLOWER`); a cell culture or ferment is its own preparation."""
    toks = [w for w in _tokens(name) if w != "/"]
    if len(toks) < 2 or not toks[0].isalpha():
        return None
    genus, epithets, parts, prep = toks[0], [], set(), None
    for w in toks[1:]:
        if w in CULTURE_WORDS:
            return genus, frozenset(epithets), frozenset(parts), "culture"
        if w in PLANT_PARTS:
            parts.add(PART_CANON.get(w, w))
        elif w in PREPARATIONS:
            prep = PREPARATIONS[w]
        elif w in ("EXPRESSED", "DISTILLED", "RECTIFIED", "TERPENELESS"):
            continue
        elif not parts and prep is None:
            epithets.append(w)
        else:
            return None
    if not parts and prep is None:
        # A bare binomial is a plant preparation only where CosIng says so (`Santalum Album`:
        # "a plant material derived from the Sandalwood"); `ZINC PCA` is no plant.
        if "plant material" not in (description or "").lower():
            return None
    return genus, frozenset(epithets), frozenset(parts), prep or "material"


def entry_items(substance, glossary):
    """The plant preparations an entry's text and glossary name, as (genus, epithets, parts,
    preparations): `Rosa damascena flower oil/extract` gives (ROSA, {DAMASCENA}, {FLOWER},
    {oil, extract}); `Citrus aurantium amara and dulcis peel oil` gives epithets {AURANTIUM,
    AMARA, DULCIS}; an item with no preparation word (`Myroxylon balsamum var. pereirae`)
    gives an empty set, which any preparation matches."""
    out = []
    texts = [x for x in re.split(r";", clean(substance))] + [x for x in re.split(r"[;,]", clean(glossary))]
    for text in texts:
        toks = [w for w in _tokens(text) if w not in ("/", "AND", "OR", "VAR", "&")]
        if len(toks) < 2 or not toks[0].isalpha():
            continue
        genus, epithets, parts, preps = toks[0], set(), set(), set()
        for w in toks[1:]:
            if w in PLANT_PARTS:
                parts.add(PART_CANON.get(w, w))
            elif w in PREPARATIONS:
                preps.add(PREPARATIONS[w])
            elif not parts and not preps and w.isalpha():
                epithets.add(w)
        out.append((genus, frozenset(epithets), frozenset(parts), frozenset(preps)))
    return out


def botanical_identity(name, items, description):
    """(True, "") when an entry's plant items identify `name` (same genus and species words, an
    overlapping part or none stated, the same preparation); (False, why) when they name the
    genus but another species, part or preparation; (None, "") when the name is no plant
    preparation the entry speaks of. An essential-oil entry does not identify a fixed oil:
    CosIng's description says "fixed oil", or the oil is pressed from seeds, kernels or nuts
    and not said to be volatile."""
    b = botanical(name, description)
    if b is None:
        return None, ""
    genus, epithets, parts, prep = b
    same_genus = [it for it in items if it[0] == genus]
    if not same_genus:
        return None, ""
    desc = (description or "").lower()
    fixed = "fixed oil" in desc or (
        parts
        and parts <= FIXED_PARTS
        and "volatile" not in desc
        and "essential oil" not in desc
    )
    why = "another species"
    for _, ep, iparts, ipreps in same_genus:
        # `Pinus species oil and extract`: any species of the genus.
        any_species = bool(ep & {"SPECIES", "SPP"})
        if not any_species and (not epithets or not epithets <= ep):
            continue
        if iparts and parts and not (parts & iparts):
            why = "another plant part (" + ", ".join(sorted(p.lower() for p in parts)) + ")"
            continue
        if ipreps and prep not in ipreps:
            why = "another preparation (" + ("a cell culture or ferment" if prep == "culture" else prep) + ")"
            continue
        if prep == "oil" and fixed and not (iparts & FIXED_PARTS):
            why = "a fixed oil, not an essential oil"
            continue
        return True, ""
    return False, why


def names_named_exactly(substance, glossary, inv):
    """Names the entry's text or glossary gives as a whole item (`Cinnamomum cassia leaf Oil`,
    `Citrus Sinensis Peel Oil`, `TITANIUM DIOXIDE`)."""
    out = set()
    for text in re.split(r";", clean(substance)) + re.split(r"[;,]", clean(glossary)):
        cand = re.sub(r"\s*\((?:nano)\)\s*", " ", text, flags=re.I)
        cand = clean(re.sub(r"\s*\([^)]*\)\s*$", "", cand)).strip(" .").upper()
        if cand in inv:
            out.add(cand)
    return out


def identifies_restricted(row, name, description, link, exact, cosing_refs):
    """(verdict, basis) for an Annex III/V/VI pair: `restricted` when the entry identifies the
    name, else `listed_as_related`; the basis says why in words either way. `link` is how the pair was found (`name`,
    `cas`, `ec`, or None for CosIng's column alone); `exact` the names the entry gives whole;
    `cosing_refs` the (annex, ref) pairs the 2021 CosIng export's restriction column gives for
    the name (the Commission's own statement that the entry concerns it).

    In order: the entry names it (its text or glossary) -> restricted; a trace entry
    (diethylene glycol "as traces in ingredients") concerns the trace, not the ingredients
    CosIng links for carrying it -> related; CosIng's restriction column lists the entry ->
    restricted; a plant name -> the same species, part and preparation or related; a CAS or EC
    number the entry gives -> restricted; an entry about a class ("and their salts",
    "Polyacrylamides") -> restricted; anything else CosIng links -> related."""
    substance = clean(row.get("Chemical name / INN", ""))
    glossary = clean(row.get("Name of Common Ingredients Glossary", ""))
    scope = clean(row.get("Product Type, body parts", ""))
    annex_ref = (row.get("_annex", ""), "".join(row.get("Reference Number", "").split()))
    if name in exact or link == "name":
        return "restricted", "the entry's text or glossary names it"
    if re.search(r"\btraces?\b", scope, re.I) and link not in ("cas", "ec"):
        return "listed_as_related", f"the entry limits traces of {short_substance(substance)} in ingredients; CosIng links this ingredient as one that may carry them"
    if annex_ref in cosing_refs:
        return "restricted", "CosIng's 2021 export lists this entry in the name's restriction column"
    items = entry_items(substance, glossary)
    plant, why = botanical_identity(name, items, description)
    if plant is True:
        return "restricted", "the same species, plant part and preparation as the entry names"
    if plant is False:
        return "listed_as_related", f"not the same substance: {why}; the entry names {substance[:120]}"
    if link in ("cas", "ec"):
        return "restricted", f"its {link.upper()} number is the entry's"
    if CLASS_RE.search(substance):
        return "restricted", "a member of the class the entry names"
    return "listed_as_related", f"CosIng links it, but the entry names another substance ({substance[:120]})"


def short_substance(substance):
    m = re.search(r"\(([A-Z]{2,6})\)", substance)
    return m.group(1) if m else substance[:60]


def restriction_refs(cell):
    """(annex, ref) pairs of a CosIng 2021 restriction cell (`III/84`, `V/57 V/39`, `IV 143 VI 27a (nano)`)."""
    return {(a, r.replace(" ", "")) for a, r in re.findall(r"\b(II|III|IV|V|VI)\s*/?\s*(\d+(?:\s?[a-z])?)\b", cell or "")}


def inverted_chemical_name(text, end):
    """True when the name that ends at `end` in `text` is the head of an inverted chemical
    name (`Benzoic acid, 2-hydroxy-` is salicylic acid, not benzoic acid)."""
    rest = text[end:]
    return re.match(r"\s*,\s*(?:\d|[a-z]+-|\(|N-|O-|alpha|beta)", rest, re.I) is not None


def form_condition(substance):
    """The physical form an Annex III entry restricts (`Titanium dioxide in powder form ...`,
    `Silver (powder) [100 nm < particle diameter < 1 mm]`), in words, or None."""
    low = clean(substance).lower()
    if re.search(r"\bin powder form\b|\(powder\)", low):
        m = re.search(r"\[([^\]]*particle[^\]]*)\]", substance)
        size = f" ({clean(m.group(1))})" if m else ""
        tail = re.search(r"in powder form (containing[^;]*)", low)
        extra = f" {tail.group(1)}" if tail else ""
        return f"in powder form{extra}{size}"
    return None
