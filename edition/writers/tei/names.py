"""TEI's namespace, element construction and the ids the TEI document gives witnesses."""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")


def element(
    parent: etree._Element | None, tag: str, text: str | None = None, **attributes: str
) -> etree._Element:
    """A TEI element (appended to ``parent`` when given); ``xml_id``/``xml_lang`` become xml:id/xml:lang."""
    attrs = {_attribute_name(k): v for k, v in attributes.items()}
    name = f"{{{TEI_NS}}}{tag}"
    if parent is None:
        made = etree.Element(name, attrs, nsmap={None: TEI_NS})  # type: ignore[dict-item]  # default namespace
    else:
        made = etree.SubElement(parent, name, attrs)
    if text:
        made.text = text
    return made


def add_text(parent: etree._Element, text: str) -> None:
    """Append character data at the end of ``parent``'s content (its last child's tail, if it has one)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def witness_ids(sigla: tuple[str, ...]) -> Mapping[str, str]:
    """Each siglum's xml:id: the siglum itself where XML allows it as an id ("Bl"), else ``wit-N``."""
    return {siglum: siglum if _NCNAME.match(siglum) else f"wit-{n}" for n, siglum in enumerate(sigla, 1)}


def pointers(ids: Mapping[str, str], sigla: tuple[str, ...]) -> str:
    """A TEI ``wit`` value: the witnesses' ids as pointers ("#Bl #N")."""
    return " ".join(f"#{ids.get(siglum, siglum)}" for siglum in sigla)


def _attribute_name(key: str) -> str:
    if key == "xml_id":
        return XML_ID
    if key == "xml_lang":
        return XML_LANG
    return key
