"""The offline PDF: the catalogue (or a theme, partner or practice) as a print document, laid out by Typst."""
