"""Issue 24 as a stranger tries it: the mistakes the first tests did not make, each asserted exactly."""

from __future__ import annotations

from test_partners import TOP, check, convert, folder  # noqa: F401 (folder is a fixture)

__all__ = ["folder"]


def test_a_title_whose_address_is_taken_hides_no_other_answer(folder):
    (folder / "regional-innovation-vouchers.md").write_text(TOP + "---\n\n## Description\n\nText.\n")
    assert convert(folder, title="Regional innovation vouchers", budget_eur="1,5 Mio",
                   links="Home | ftp://example.org", inspired_by="regional-innovation-voucher") == (1, [
        "Title: another practice already has the page address this title gives, 'regional-innovation-vouchers' "
        "(choose another title)",
        "Budget (EUR): '1,5 Mio' is not a number ≥ 0 (the budget in euros, as a number without spaces or separators, "
        "e.g. 900000)",
        "Inspired by: 'regional-innovation-voucher' is not a practice (use the id of an existing practice; did you "
        "mean 'regional-innovation-vouchers'?)",
        "Links: 'ftp://example.org' is not an http(s) URL (write a full address starting with https://)",
        "4 answers to correct; nothing was written."])
    assert sorted(path.name for path in folder.glob("*.md")) == ["regional-innovation-vouchers.md"]
