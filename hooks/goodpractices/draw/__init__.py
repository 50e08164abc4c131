"""SVG pictures of the catalogue, shared by the web pages and the PDF: the bar charts and the map."""
