"""The HTML dossier's style, inline in the page: readable on screen and on paper, text at WCAG AA
contrast or better (the lightest grey, #4a4a4a on white, is 8.9:1), focus always visible.

The outcome's colour is only a bar beside the headline, whose words say the result and its
certainty; text is never set in the pack's colours, whose contrast nobody checked.
"""

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; line-height: 1.5;
       color: #1a1a1a; background: #ffffff; max-width: 50rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; }
.masthead { font-size: 1.1rem; margin-bottom: 0; }
h2 { font-size: 1.35rem; margin-top: 2.5rem; padding-bottom: .2rem; border-bottom: 1px solid #c8c8c8; }
h3 { font-size: 1.1rem; margin-top: 1.75rem; }
p, li, dd, td, th { white-space: pre-line; overflow-wrap: anywhere; }
a { color: #0b57d0; }
nav ol { list-style: none; padding-left: 1.25rem; }
ol.path { list-style: none; padding-left: 0; }  /* the steps say their numbers, as in the PDF */
:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
.skip { position: absolute; left: -100rem; }
.skip:focus { position: static; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid #d0d0d0; }
thead th { border-bottom: 2px solid #8a8a8a; }
tbody th { font-weight: 600; }
dt { font-weight: 600; margin-top: .9rem; }
dd { margin: .15rem 0 0 1.25rem; }
.outcome { border-left: .6rem solid; padding: .4rem 1rem; margin: .75rem 0; background: #f5f5f5; }
.outcome-title { font-size: 1.2rem; }
.certainty { font-style: italic; }
.refs, .note, .small, .because, .notes { color: #4a4a4a; font-size: .92rem; }
.fingerprint { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85rem; }
.signature td.blank { border-bottom: 1px solid #1a1a1a; height: 2.5rem; }
@media print {
  body { max-width: none; padding: 0; }
  .skip { display: none; }
  h2, h3 { break-after: avoid; }
  li, tr, dt, dd { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
""".strip()
