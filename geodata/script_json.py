"""JSON for the inside of an HTML <script> element (a map's data, a page's JSON-LD).

The characters that could end the element (`</script>`), open an HTML comment in it or end a JavaScript line
are written as JSON escapes: every JSON reader turns them back into the same string, and the HTML parser never
sees markup in it. Django's `json_script` does the same but writes only `application/json` elements, and this
library does not import Django.
"""

import json

SCRIPT_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(data, *, compact: bool = False) -> str:
    separators = (",", ":") if compact else None
    return json.dumps(data, ensure_ascii=False, separators=separators).translate(SCRIPT_ESCAPES)
