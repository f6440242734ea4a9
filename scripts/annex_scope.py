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
    out = []
    if re.search(r"rinse[- ]?off", positive):
        out.append("rinse_off")
    if re.search(r"leave[- ]?on", positive):
        out.append("leave_on")
    if re.search(r"\b(oral|toothpastes?|mouthwash(?:es)?|dental)\b", positive):
        out.append("oral_care")
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


def limits(row):
    """The (product_types, max_percent, scope_text) scopes of an Annex III/V/VI row."""
    pt = clean(row.get("Product Type, body parts", ""))
    mx = clean(row.get("Maximum concentration in ready for use preparation", ""))
    pts, mxs = lettered(pt), lettered(mx)
    out = []
    if pts:
        for letter, scope in pts.items():
            m = PERCENT_RE.search(mxs.get(letter, mx if not mxs else ""))
            out.append((product_types(scope), m.group(1).replace(",", ".") if m else "", scope))
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
    return [(product_types(scope), pct, scope)]


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
                if ends and len(cand) >= 4 and cand in inv and cand not in found:
                    found.append(cand)
    return found
