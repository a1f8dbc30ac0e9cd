"""How the EPUB's print page markers are written and read: XHTML, ``epub:type="pagebreak"`` spans.

The placing at the word is shared with the web edition (``edition.writers.html.page_markers``); here is what
is the EPUB's own: the files are XML, their text is the body, pop-up notes (``aside``) and the hidden page
list are out of the reading order, and a marker is an empty span named by its label.
"""

from __future__ import annotations

from lxml import etree

XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
_SELF_CLOSING = frozenset({"br", "meta", "link", "img", "hr", "col", "wbr"})


class EpubPageMarkup:
    """The EPUB's :class:`~edition.writers.html.page_markers.PageMarkup`."""

    in_headings = False  # a marker in a heading goes before the heading, outside it

    def parse(self, data: bytes) -> etree._ElementTree:
        return etree.fromstring(data).getroottree()

    def serialise(self, tree: etree._ElementTree) -> bytes:
        for element in tree.iter():
            empty = isinstance(element.tag, str) and element.text is None and len(element) == 0
            if empty and etree.QName(element).localname not in _SELF_CLOSING:
                element.text = ""  # written <span></span>, as the templates write it
        body = etree.tostring(tree, encoding="utf-8", xml_declaration=False)
        return b'<?xml version="1.0" encoding="utf-8"?>\n' + body + b"\n"

    def reading(self, root: etree._Element) -> etree._Element | None:
        return root.find(f"{{{XHTML}}}body")

    def skipped(self, element: etree._Element) -> bool:
        """Pop-up notes, hidden navigation, page markers."""
        name = etree.QName(element).localname
        return (
            name == "aside"
            or element.get("hidden") is not None
            or element.get(f"{{{EPUB}}}type") == "pagebreak"
        )

    def marker(self, element_id: str, label: str) -> etree._Element:
        marker = etree.Element(f"{{{XHTML}}}span")  # the namespaces are declared on the document's root
        marker.set("id", element_id)
        marker.set("class", "pagebreak")
        marker.set(f"{{{EPUB}}}type", "pagebreak")
        marker.set("role", "doc-pagebreak")
        marker.set("aria-label", label)
        return marker

    def group(self, markers: list[etree._Element]) -> list[etree._Element]:
        return markers  # side by side: they take no room

    def href(self, path: str) -> str:
        """A file's href from the package document's folder (its zip path without ``OEBPS/``)."""
        return path.split("/", 1)[1] if "/" in path else path


EPUB_MARKUP = EpubPageMarkup()
