"""Reading untrusted XML (bank files) safely: no DTDs, no entities, no network."""

from __future__ import annotations

from lxml import etree


class UnsafeXmlError(ValueError):
    """The document carries a DTD, which bank files never need (entity expansion attacks)."""


def parse_untrusted(data: bytes) -> etree._Element:
    """The root element of ``data``; raises ``etree.XMLSyntaxError`` or ``UnsafeXmlError``."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    root = etree.fromstring(data, parser=parser)
    if root.getroottree().docinfo.doctype:
        raise UnsafeXmlError("The XML document declares a DTD, which is not accepted.")
    return root
