"""Promise 1: nothing in practices/ is ever evaluated as a template; trusted docs pages keep their macros."""

from __future__ import annotations

from conftest import practice


def test_template_syntax_in_a_practice_is_shown_as_written(project):
    body = "## Description\n\n{{ 7*7 }} {{ config.extra }} {% for x in range(3) %}x{% endfor %}\n"
    project.add("p.md", practice(body=body, summary="'{{ lipsum() }} a summary long enough to be valid for the checks.'"))
    done = project.build()
    assert done.returncode == 0, done.stderr
    page = (project.root / "site/practices/p.html").read_text()
    assert "{{ 7*7 }} {{ config.extra }} {% for x in range(3) %}x{% endfor %}" in page
    assert "{{ lipsum() }}" in page
    assert "49" not in page.split('class="md-content"')[1].split("</article>")[0]


def test_render_macros_in_a_practice_is_refused(project):
    project.add("p.md", practice("render_macros: true\n", body="## Description\n\n{{ 7*7 }}\n"))
    done = project.build()
    assert done.returncode == 1
    assert "practices/p.md:6: render_macros: unknown field (remove it; practice pages are never rendered as " \
           "templates)" in done.stderr
    assert not (project.root / "site").exists()


def test_trusted_docs_pages_keep_macros(project):
    (project.docs / "sums.md").write_text("# Sums\n\nSeven sevens: {{ 7*7 }}.\n")
    done = project.build()
    assert done.returncode == 0, done.stderr
    assert "Seven sevens: 49." in (project.root / "site/sums.html").read_text()


def test_a_docs_page_cannot_include_a_practice_as_a_template(project):
    project.add("p.md", practice(body="## Description\n\n{{ 6*7 }}\n"))
    (project.docs / "sneaky.md").write_text('# Sneaky\n\n{% include "../practices/p.md" %}\n')
    done = project.build()
    assert done.returncode != 0
    assert "jinja2.exceptions.TemplateNotFound: ../practices/p.md" in done.stderr
    assert not (project.root / "site").exists()
