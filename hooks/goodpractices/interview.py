"""Ask for a new practice's fields on a terminal, checking each answer as it is given (`make new`).

Each answer goes through the validator's own check of its field (and, for the summary, the proposal's), so a
wrong theme is said at once, not fifteen questions later; names people see are understood (a partner's name or
'P6', a theme's title, a country's name); the optional parts (contact, links, transfers, inspired by) are offered."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import names
from .checker import Checker, Context, did_you_mean, valid_date
from .countries import COUNTRIES, code_for
from .fields import check_field
from .load import Source
from .model import PartialDate, Partner, Theme
from .plaintext import plain_value
from .proposal import summary_problems
from .scaffold import amount, practice_id
from .schema import FIELDS_BY_NAME, ID_PATTERN, STAGES, STATUSES

Ask = Callable[[str], str]
Say = Callable[[str], None]
#: The simple fields asked for one by one, in order (the rest are offered as optional parts).
SIMPLE = ("title", "theme", "partner", "summary", "country", "region", "institution", "start", "end", "status",
          "budget_eur", "keywords")


@dataclass
class Interview:
    """One terminal session: the registries, the existing practice ids, and how to ask and tell."""

    themes: Sequence[Theme]
    partners: Sequence[Partner]
    existing: frozenset[str]
    ask: Ask
    say: Say

    @property
    def context(self) -> Context:
        return Context(tuple(t.key for t in self.themes), tuple(p.key for p in self.partners),
                       *names.aliases(self.themes, self.partners))

    def problems(self, name: str, value: Any, values: dict[str, Any]) -> list[str]:
        """Return what is wrong with one answer, as the validator (and the proposal check) says it."""
        source = Source("new", "answer", {name: value}, {(name,): 1}, "", 1)
        checker = Checker(source)
        check_field(checker, FIELDS_BY_NAME[name], value, self.context, "new", values.get("partner"))
        found = [p.message for p in checker.problems]
        if name == "summary" and isinstance(value, str) and not found:
            found += summary_problems(value)
        start = values.get("start")
        if name == "end" and not found and value != "ongoing" and start is not None and valid_date(str(start)):
            end = PartialDate.parse(str(value))
            if end.last_day() < PartialDate.parse(str(start)).first_day():
                found.append(f"{end.iso()} is before start {PartialDate.parse(str(start)).iso()} (write an end on or "
                             "after the start, or Enter to skip)")
        if name == "title" and isinstance(value, str) and not found and practice_id(value) in self.existing:
            found.append(f"gives the page address '{practice_id(value)}', which another practice already has "
                         "(choose another title)")
        return found

    def read(self, name: str, text: str) -> Any:
        """Turn a typed answer into the value the file holds; names become keys and codes where they are clear."""
        kind = FIELDS_BY_NAME[name].kind
        text = plain_value(text)
        if kind in ("theme", "partner"):
            pairs = names.aliases(self.themes, self.partners)[0 if kind == "theme" else 1]
            choices = self.themes if kind == "theme" else self.partners
            if text.isdigit() and 1 <= int(text) <= len(choices):
                return choices[int(text) - 1].key
            return names.key_for(text, pairs) or text
        if kind == "status" and text.isdigit() and 1 <= int(text) <= len(STATUSES):
            return STATUSES[int(text) - 1]
        if kind == "country":
            return text if text in COUNTRIES else code_for(text) or text
        if kind == "amount":
            return amount(text)
        if kind == "keywords":
            return [plain_value(word) for word in text.split(",") if word.strip()]
        return text

    def menu(self, name: str) -> None:
        """Show the numbered choices of a theme, partner or status question."""
        kind = FIELDS_BY_NAME[name].kind
        rows = ([f"{t.title} ({t.key})" for t in self.themes] if kind == "theme" else
                [f"{p.short_name}, {p.country} (P{p.number}, {p.key})" for p in self.partners] if kind == "partner"
                else list(STATUSES) if kind == "status" else [])
        if rows:
            self.say(f"{FIELDS_BY_NAME[name].label}:")
            for number, row in enumerate(rows, start=1):
                self.say(f"  {number:2}. {row}")

    def field(self, name: str, values: dict[str, Any]) -> None:
        """Ask one simple field until its answer is right (or skipped, if it is optional)."""
        spec = FIELDS_BY_NAME[name]
        self.menu(name)
        how = ("number or name" if spec.kind in ("theme", "partner", "status") else
               "separated by commas" if spec.kind == "keywords" else
               "name or two-letter code" if spec.kind == "country" else spec.hint)
        while True:
            text = self.ask(f"{spec.label} ({how}{'' if spec.required else ', or Enter to skip'}): ").strip()
            if not text:
                if not spec.required:
                    values.pop(name, None)
                    return
                self.say(f"{spec.label} is required.")
                continue
            value = self.read(name, text)
            found = self.problems(name, value, values)
            if not found:
                values[name] = value
                return
            for message in found:
                self.say(f"{spec.label}: {message}")

    def contact(self, values: dict[str, Any]) -> None:
        """Offer a contact: a name, then optionally an organisation and an e-mail address, each checked."""
        name = plain_value(self.ask("Contact person's name (or Enter to skip the contact): "))
        if not name:
            return
        contact = {"name": name}
        for part, question in (("organisation", "Contact's organisation"), ("email", "Contact's e-mail")):
            while True:
                answer = plain_value(self.ask(f"{question} (or Enter to skip): "))
                trial = contact | ({part: answer} if answer else {})
                found = self.problems("contact", trial, values)
                if not found:
                    contact = trial
                    break
                for message in found:
                    self.say(f"Contact: {message}")
        values["contact"] = contact

    def links(self, values: dict[str, Any]) -> None:
        """Offer links, one at a time: its text, then its address, each link checked."""
        links: list[dict[str, str]] = []
        while True:
            title = plain_value(self.ask("A link's text (or Enter for no more links): "))
            if not title:
                break
            url = plain_value(self.ask(f"Address of '{title}' (https://…): "))
            found = self.problems("links", [{"title": title, "url": url}], values)
            if found:
                for message in found:
                    self.say(f"Links: {message}")
                continue
            links.append({"title": title, "url": url})
        if links:
            values["links"] = links

    def transfers(self, values: dict[str, Any]) -> None:
        """Offer the partners that took the practice up, each with the furthest stage it reached."""
        result: dict[str, str] = {}
        self.menu("partner")
        while True:
            answer = plain_value(self.ask("A partner that took the practice up (number or name, or Enter for no "
                                          "more): "))
            if not answer:
                break
            key = self.read("partner", answer)
            if key not in {p.key for p in self.partners} or key == values.get("partner"):
                self.say(f"Transferability: '{answer}' is not another partner of the project (choose a number "
                         "from the list)")
                continue
            for number, stage in enumerate(STAGES, start=1):
                self.say(f"  {number}. {stage}")
            stage_text = self.ask("How far it went (number or stage): ").strip()
            stage = (STAGES[int(stage_text) - 1] if stage_text.isdigit() and 1 <= int(stage_text) <= len(STAGES)
                     else names.stage_for(stage_text, STAGES))
            if stage is None:
                self.say(f"Transferability: '{stage_text}' is not a stage (choose a number from 1 to {len(STAGES)})")
                continue
            result[key] = stage
        if result:
            values["transferability"] = result

    def inspired_by(self, values: dict[str, Any]) -> None:
        """Offer the practices of the library that inspired this one, by id, each checked to exist."""
        ids: list[str] = []
        while True:
            answer = plain_value(self.ask("Inspired by another practice? Its id, the end of its page address (or "
                                          "Enter for none): ")).removesuffix(".html").removesuffix(".md")
            answer = answer.rsplit("/", 1)[-1]
            if not answer:
                break
            if not ID_PATTERN.fullmatch(answer) or answer not in self.existing:
                self.say(f"Inspired by: '{answer}' is not a practice of the library (write the end of its page "
                         f"address{did_you_mean(answer, self.existing)})")
                continue
            ids.append(answer)
        if ids:
            values["inspired_by"] = ids

    def run(self, values: dict[str, Any], asked: Sequence[str], *, offer_parts: bool = True) -> None:
        """Ask the simple fields in `asked`, then (unless told not to) offer the optional parts not given yet."""
        for name in asked:
            self.field(name, values)
        if not offer_parts:
            return
        for name, offer in (("contact", self.contact), ("links", self.links),
                            ("transferability", self.transfers), ("inspired_by", self.inspired_by)):
            if name not in values:
                offer(values)


def existing_ids(folder: Path) -> frozenset[str]:
    """Return the ids of the practice files in a folder."""
    return frozenset(path.stem for path in folder.glob("*.md"))
