"""Resolution as a sequence of small passes, each with a typed result (edition/resolve.py runs them).

read (inputs) → number the paragraphs (numbering) → register targets (targets) → anchor the entries
(anchored) → resolve the entries (entries, with citations and notes) → lay them over the paragraphs
(overlays) → sections and footnotes (sections) → front matter, bibliography.
"""
