"""QR short links and plaques.

A plaque encodes `<QR_BASE_URL>/q/<CODE>`. The code points at a page by id, so moving or renaming the page
never breaks a plaque; scanning counts the scan (a per-day counter, no personal data) and redirects to the
page's current URL in the visitor's language. Modules, one concept each:

- `codes`: the alphabet, code generation and assignment, which pages get a code, short links;
- `counting`: the per-day scan counter and the bot filter;
- `scanning`: from a code to the page a visitor should land on;
- `images`, `plaques`: QR images (SVG, PNG) and printable PDF plaques;
- `views`, `urls`: the public `/q/` endpoints; `api`: the open-data scan counts;
- `panels`, `reports`, `admin_views`: the editor's side (edit-view panel, scan report, bulk plaques).

This package is imported by `heritage.models` (the panel), so this file imports nothing.
"""
