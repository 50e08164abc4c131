"""The MkDocs plugin `goodpractices`: the only folder of the package that imports mkdocs; it calls the rest."""
