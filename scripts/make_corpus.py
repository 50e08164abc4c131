"""Write N valid, varied, seeded synthetic practices (plus the registries) into a folder, for benchmarks."""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from goodpractices.load import read_registry
from goodpractices.model import Partner, Theme
from goodpractices.registry import build_partners, build_themes
from goodpractices.schema import SECTIONS, STAGES, STATUSES

ROOT = Path(__file__).resolve().parent.parent
REGISTRIES = ("themes.yml", "partners.yml")
#: Generated files are named practice-<5 digits>-<slug>.md; only these are replaced in OUTDIR.
GENERATED = re.compile(r"^practice-\d{5}(?:-[a-z0-9]+)*\.md$")
MIN_WORDS, MAX_WORDS = 600, 900

# --- vocabulary: cluster-policy words, combined into plain English-like sentences ---------------------------

ADJECTIVES = (
    "regional", "interregional", "joint", "targeted", "open", "digital", "sustainable", "cross-sector",
    "demand-driven", "collaborative", "strategic", "green", "smart", "integrated", "flexible", "inclusive",
    "long-term", "pilot", "national", "cross-border", "data-driven", "transnational", "bottom-up",
    "light-touch", "staged", "modular", "competitive", "shared",
)
INSTRUMENTS = (
    "voucher scheme", "funding programme", "innovation audit", "cluster platform", "matchmaking service",
    "competence centre", "peer review", "training programme", "monitoring framework", "innovation hub",
    "mentoring scheme", "test bed", "living lab", "procurement pilot", "staff exchange", "roadmap process",
    "benchmarking exercise", "quality label", "accelerator", "networking format", "design support service",
    "knowledge transfer scheme", "internationalisation service", "evaluation toolkit", "demonstration project",
)
TARGETS = (
    "cluster managers", "SME digitalisation", "agrifood companies", "health technology firms",
    "metal additive manufacturing", "circular economy start-ups", "energy transition projects",
    "cluster internationalisation", "smart specialisation priorities", "industrial symbiosis",
    "public test users", "advanced manufacturing", "creative industries", "young innovative companies",
    "research-industry cooperation", "skills development", "value chain integration", "rural innovation",
    "automotive suppliers", "welfare technology", "bioeconomy clusters", "ICT clusters", "tourism clusters",
    "materials research", "mobility services", "regional policy makers", "innovation intermediaries",
    "cluster excellence", "export readiness", "process innovation",
)
SUBJECTS = (
    "The cluster management organisation", "The regional development agency", "The programme owner",
    "Each participating cluster", "The managing authority", "A small project team", "The steering group",
    "Every participating company", "The innovation agency", "The local university", "The partner region",
    "The regional government", "An external evaluator", "The advisory board", "The cluster association",
)
VERBS = (
    "coordinates", "funds", "organises", "monitors", "supports", "evaluates", "promotes", "connects",
    "reviews", "designs", "pilots", "documents", "co-finances", "moderates", "benchmarks", "prepares",
)
OBJECTS = (
    "joint innovation projects", "thematic working groups", "study visits", "a yearly call for proposals",
    "peer learning workshops", "the regional action plan", "a shared database of competences",
    "matchmaking events", "small feasibility studies", "cross-cluster collaboration",
    "training for cluster managers", "a set of key performance indicators", "the selection of pilot companies",
    "innovation vouchers", "demonstration activities", "the exchange of good practices",
    "a roadmap for the value chain", "meetings with public buyers", "the annual cluster survey",
)
PURPOSES = (
    "to strengthen regional value chains", "so that small firms reach new markets",
    "to reduce the risk of early investments", "in close cooperation with local stakeholders",
    "with the support of the managing authority", "to align cluster strategies with smart specialisation",
    "over a period of two to three years", "for companies that are new to innovation",
    "to make results visible to policy makers", "across several sectors of the regional economy",
    "in line with the priorities of the operational programme", "to build trust between public and private actors",
    "at a modest cost per participant", "with clear milestones for each phase",
)
OPENERS = (
    "In practice,", "From the start,", "In the first phase,", "As a rule,", "Over time,", "In most cases,",
    "At the same time,", "During the pilot,", "After the first call,", "For this reason,",
)
KEYWORDS = (
    "clusters", "funding", "SMEs", "innovation audits", "peer learning", "internationalisation",
    "digitalisation", "public procurement", "monitoring", "evaluation", "smart specialisation", "test users",
    "competence mapping", "staff exchange", "value chains", "design", "circular economy", "training",
    "matchmaking", "living labs", "cluster excellence", "policy learning", "vouchers", "additive manufacturing",
)
RESULTS = (
    "companies took part in the first two calls", "joint projects were started by cluster members",
    "cluster managers completed the training", "study visits were organised between regions",
    "new products reached the market", "partnerships with research centres were signed",
    "companies used a voucher for the first time", "workshops were held with public buyers",
)
DIFFICULTY_HEADINGS = ("Lessons learnt", "What we would do differently", "Risks to watch")
DESCRIPTION_HEADINGS = ("How it works", "Target groups", "Governance")
FIRST_NAMES = ("Anna", "Lars", "Marta", "Pieter", "Ioana", "Tomas", "Eva", "Luca", "Sofie", "Gabor", "Claire")
LAST_NAMES = ("Berger", "Nilsson", "Kovacs", "Janssens", "Popescu", "Novak", "Moreau", "Rossi", "Hansen")
ROLES = ("Staff", "Budget", "External experts", "Events", "Communication", "Evaluation")


@dataclass(frozen=True)
class Registries:
    """The theme and partner registries the corpus is written against."""

    themes: tuple[Theme, ...]
    partners: tuple[Partner, ...]


@dataclass
class Body:
    """A practice body being written: each section's blocks, and prose paragraphs that can still grow."""

    sections: dict[str, list[list[str] | str]] = field(default_factory=dict)
    paragraphs: list[list[str]] = field(default_factory=list)

    def paragraph(self, section: str, sentences: list[str]) -> None:
        """Add a prose paragraph to a section; it may receive more sentences later."""
        self.sections.setdefault(section, []).append(sentences)
        self.paragraphs.append(sentences)

    def block(self, section: str, text: str) -> None:
        """Add a fixed block (heading, list, table) to a section."""
        self.sections.setdefault(section, []).append(text)

    def markdown(self) -> str:
        """Return the body as Markdown, sections in order, blocks separated by blank lines."""
        parts: list[str] = []
        for section, blocks in self.sections.items():
            parts.append(f"## {section}")
            parts += [" ".join(block) if isinstance(block, list) else block for block in blocks]
        return "\n\n".join(parts) + "\n"


def load_registries(folder: Path) -> Registries:
    """Read themes.yml and partners.yml from `folder` with the project's own loader; fail on any problem."""
    docs, problems = [], []
    for name in REGISTRIES:
        doc, more = read_registry(folder / name, name)
        docs.append(doc)
        problems += more
    if problems or None in docs:
        raise SystemExit("\n".join(str(p) for p in problems) or "registries could not be read")
    themes, more = build_themes(docs[0], REGISTRIES[0])
    partners, more2 = build_partners(docs[1], REGISTRIES[1])
    if more or more2:
        raise SystemExit("\n".join(str(p) for p in more + more2))
    return Registries(themes, partners)


def yaml_text(value: str) -> str:
    """Quote text as a YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def slugify(text: str, words: int = 6) -> str:
    """Return the first `words` lowercase words of text joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:words])


def sentence(rng: random.Random) -> str:
    """Return one plain sentence about a cluster-policy instrument."""
    subject, verb, obj, purpose = (rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS),
                                   rng.choice(PURPOSES))
    shape = rng.randrange(4)
    if shape == 0:
        return f"{subject} {verb} {obj} {purpose}."
    if shape == 1:
        return f"{rng.choice(OPENERS)} {subject[0].lower()}{subject[1:]} {verb} {obj} {purpose}."
    if shape == 2:
        return f"{subject} {verb} {obj} and {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
    return f"This {rng.choice(ADJECTIVES)} {rng.choice(INSTRUMENTS)} {verb} {obj} {purpose}."


def unique_title(rng: random.Random, seen: set[str]) -> str:
    """Return a title not in `seen` (case-insensitive) and remember it."""
    for attempt in range(1000):
        title = f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(INSTRUMENTS)} for {rng.choice(TARGETS)}"
        if attempt >= 20:
            title += f" ({attempt})"
        if title.casefold() not in seen:
            seen.add(title.casefold())
            return title
    raise RuntimeError("no unique title found")


def summary(rng: random.Random, title: str, partner: Partner) -> str:
    """Return a plain-text summary of 120–400 characters."""
    article = "an" if title[0].lower() in "aeio" else "a"
    text = f"{partner.short_name} in {partner.region} runs {article} {title[0].lower()}{title[1:]}."
    while len(text) < 120 or (len(text) < 250 and rng.random() < 0.5):
        extra = sentence(rng)
        if len(text) + 1 + len(extra) > 400:
            break
        text += " " + extra
    if len(text) < 120:
        text += " It is open to companies, research centres and public bodies across the region."
    return text


def bullet_list(items: Sequence[str]) -> str:
    """Return a Markdown bullet list."""
    return "\n".join(f"- {item}" for item in items)


def resource_table(rng: random.Random) -> str:
    """Return a small Markdown table of resources."""
    rows = ["| Resource | Amount | Note |", "|---|---:|---|"]
    for role in rng.sample(ROLES, rng.randint(2, 4)):
        amount = f"{rng.randint(1, 9)}.{rng.randint(0, 9)} FTE" if role == "Staff" else f"EUR {rng.randint(5, 900)},000"
        rows.append(f"| {role} | {amount} | {rng.choice(PURPOSES)} |")
    return "\n".join(rows)


def skeleton(rng: random.Random, slug: str) -> Body:
    """Return a body with every section, its headings, lists, table and links, and short paragraphs."""
    body = Body()
    first, second, third, fourth, fifth = SECTIONS
    body.paragraph(first, [sentence(rng) for _ in range(2)])
    body.block(first, f"### {rng.choice(DESCRIPTION_HEADINGS)}")
    body.paragraph(first, [sentence(rng) for _ in range(2)])
    body.block(first, bullet_list([f"{obj[0].upper()}{obj[1:]} {rng.choice(PURPOSES)}"
                                   for obj in rng.sample(OBJECTS, rng.randint(3, 5))]))
    body.paragraph(second, [sentence(rng) for _ in range(2)])
    body.block(second, resource_table(rng))
    body.paragraph(third, [sentence(rng) for _ in range(2)])
    body.block(third, bullet_list([f"{rng.randint(3, 120)} {result}"
                                   for result in rng.sample(RESULTS, rng.randint(2, 4))]))
    body.block(third, f"The [evaluation report](https://example.org/reports/{slug}.pdf) gives the details.")
    body.paragraph(fourth, [sentence(rng) for _ in range(2)])
    if rng.random() < 0.6:
        body.block(fourth, f"### {rng.choice(DIFFICULTY_HEADINGS)}")
        body.paragraph(fourth, [sentence(rng) for _ in range(2)])
    body.paragraph(fifth, [sentence(rng) for _ in range(2)])
    body.block(fifth, f"More is on the [practice page](https://example.org/practices/{slug}) and in the "
                      f"[toolkit](https://example.org/toolkits/{rng.choice(KEYWORDS).replace(' ', '-').lower()}).")
    return body


def body_markdown(rng: random.Random, slug: str) -> str:
    """Return a Markdown body of 600–900 words with the five template sections."""
    body = skeleton(rng, slug)
    target = rng.randint(MIN_WORDS + 30, MAX_WORDS - 50)
    words = len(body.markdown().split())
    while words < target:
        extra = sentence(rng)
        rng.choice(body.paragraphs).append(extra)
        words += len(extra.split())
    return body.markdown()


def dates(rng: random.Random) -> dict[str, str]:
    """Return optional start, end and status fields: YYYY or YYYY-MM, end ≥ start, some ongoing."""
    fields: dict[str, str] = {}
    if rng.random() < 0.8:
        year = rng.randint(2008, 2022)
        fields["start"] = f"{year}-{rng.randint(1, 12):02d}" if rng.random() < 0.5 else str(year)
        if rng.random() < 0.7:
            if rng.random() < 0.3:
                fields["end"] = "ongoing"
            else:
                end = year + rng.randint(1, 6)
                fields["end"] = f"{end}-{rng.randint(1, 12):02d}" if rng.random() < 0.5 else str(end)
    if rng.random() < 0.6:
        end = fields.get("end")
        fields["status"] = ("ongoing" if end == "ongoing" else "completed" if end
                            else rng.choice(STATUSES))
    return fields


def transferability(rng: random.Random, presenter: str, partners: Sequence[Partner]) -> list[str]:
    """Return YAML lines for 0–4 transfers to partners other than the presenter."""
    others = [p.key for p in partners if p.key != presenter]
    count = rng.choice((0, 0, 1, 1, 2, 3, 4))
    lines = []
    for key in rng.sample(others, count):
        stage = rng.choice(STAGES)
        if rng.random() < 0.3:
            lines += [f"  {key}:", f"    stage: {stage}", f"    note: {yaml_text(sentence(rng))}"]
        else:
            lines.append(f"  {key}: {stage}")
    return ["transferability:", *lines] if lines else []


def yaml_list(name: str, values: Sequence[str]) -> list[str]:
    """Return YAML lines for a list of text values (none if empty)."""
    return [f"{name}:", *(f"  - {yaml_text(v)}" for v in values)] if values else []


def optional_fields(rng: random.Random, partner: Partner, slug: str, earlier: Sequence[str],
                    partners: Sequence[Partner]) -> list[str]:
    """Return the YAML lines of the optional fields, each filled at its own rate."""
    lines: list[str] = []
    if rng.random() < 0.1:
        lines.append(f"country: {partner.country}")
    if rng.random() < 0.6:
        lines.append(f"region: {yaml_text(partner.region)}")
    if rng.random() < 0.3:
        lines.append(f"institution: {yaml_text(partner.name)}")
    lines += [f"{key}: {yaml_text(value)}" for key, value in dates(rng).items()]
    if rng.random() < 0.5:
        lines.append(f"budget_eur: {rng.randrange(20, 5000) * 1000}")
    if rng.random() < 0.75:
        lines += yaml_list("keywords", rng.sample(KEYWORDS, rng.randint(2, 5)))
    inspired = rng.sample(earlier, min(len(earlier), rng.choice((0, 0, 0, 1, 1, 2))))
    lines += yaml_list("inspired_by", inspired)
    lines += transferability(rng, partner.key, partners)
    if rng.random() < 0.25:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        lines += ["contact:", f"  name: {yaml_text(f'{first} {last}')}",
                  f"  organisation: {yaml_text(partner.short_name)}",
                  f"  email: {yaml_text(f'{first}.{last}@example.org'.lower())}"]
    if rng.random() < 0.4:
        lines += ["links:", '  - title: "Practice page"', f"    url: \"https://example.org/practices/{slug}\""]
    if rng.random() < 0.7:
        lines.append(f'updated: "{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"')
    return lines


def coverage_order(rng: random.Random, keys: Sequence[str]) -> list[str]:
    """Return the keys shuffled, so that the first len(keys) practices use each of them once."""
    order = list(keys)
    rng.shuffle(order)
    return order


def generate(count: int, registries: Registries, seed: int = 1) -> dict[str, str]:
    """Return {file name: text} for `count` practices; the same arguments always give the same texts.

    The first practices cycle through the themes and the partners (shuffled), so that every theme and
    every partner presents at least one practice once `count` reaches the number of partners.
    """
    rng = random.Random(seed)
    themes = coverage_order(rng, [t.key for t in registries.themes])
    partners = coverage_order(rng, [p.key for p in registries.partners])
    by_key = {p.key: p for p in registries.partners}
    seen: set[str] = set()
    ids: list[str] = []
    files: dict[str, str] = {}
    for index in range(count):
        theme = themes[index] if index < len(themes) else rng.choice(themes)
        partner = by_key[partners[index] if index < len(partners) else rng.choice(partners)]
        title = unique_title(rng, seen)
        slug = slugify(title)
        practice_id = f"practice-{index + 1:05d}-{slug}"
        front = [f"title: {yaml_text(title)}", f"theme: {theme}", f"partner: {partner.key}",
                 f"summary: {yaml_text(summary(rng, title, partner))}",
                 *optional_fields(rng, partner, slug, ids, registries.partners)]
        files[f"{practice_id}.md"] = "---\n" + "\n".join(front) + "\n---\n\n" + body_markdown(rng, slug)
        ids.append(practice_id)
    return files


def body_of(path: Path) -> str:
    """Return the Markdown body of a practice file written here (what follows its front matter)."""
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def write_corpus(count: int, folder: Path, seed: int = 1, registries_from: Path = ROOT / "practices") -> list[Path]:
    """Write `count` practices and copies of the registries into `folder`; return the practice paths.

    Earlier generated files (practice-NNNNN-*.md) in the folder are removed first; nothing else is.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if GENERATED.match(old.name):
            old.unlink()
    for name in REGISTRIES:
        shutil.copyfile(registries_from / name, folder / name)
    files = generate(count, load_registries(registries_from), seed)
    paths = []
    for name, text in files.items():
        path = folder / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Parse `N OUTDIR [--seed S]`, write the corpus and say where."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int, metavar="N", help="how many practices to write (≥ 1)")
    parser.add_argument("outdir", type=Path, metavar="OUTDIR", help="the folder to write (a practices folder)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("N must be at least 1")
    paths = write_corpus(args.count, args.outdir, args.seed)
    print(f"wrote {len(paths)} practices and the registries to {args.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
