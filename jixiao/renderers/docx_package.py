"""The .docx package around a report's body: made once per process (and per bureau template),
then filled in for each report and written as a zip directly.

Opening a package with python-docx, adding its footers and saving it again costs about 20 ms a
report, most of the Word time of a batch of a thousand. Everything but the body is the same for
every report of one template, so ``Skeleton.of`` takes a prepared python-docx Document apart
once: the parts that never change (styles, settings, headers, footers, theme...) as bytes, the
template's own body (a bureau's cover) as XML text, the section properties as XML text. A report
then adds only its body XML, its chart pictures (``Pictures``) and its core properties, and
``Skeleton.write`` zips them. The output is reproducible: the same report gives the same bytes.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from docx.opc.coreprops import CoreProperties
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.shape import CT_Inline
from lxml import etree

DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
CORE = "docProps/core.xml"
CONTENT_TYPES = "[Content_Types].xml"
IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
PNG_CONTENT_TYPE = '<Default Extension="png" ContentType="image/png"/>'
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # a fixed date: the same report always gives the same bytes
_EMPTY_BODY = re.compile(rb"<w:body\s*/>|<w:body>\s*</w:body>")


@dataclass(frozen=True)
class Skeleton:
    """A prepared package without its body: what every report of one template shares."""

    parts: Mapping[str, bytes]  # every zip member but the document, its relationships and core
    document_head: str  # word/document.xml up to and including <w:body>
    document_tail: str  # from </w:body> to the end
    relationships: str  # word/_rels/document.xml.rels
    core: bytes  # docProps/core.xml, re-filled for each report
    cover: str  # the template's own body (its cover), as XML elements; "" without one
    next_shape_id: int  # drawing ids (wp:docPr/@id) must be unique in the document
    style_ids: Mapping[str, str] = field(default_factory=dict)  # style name → w:styleId

    @classmethod
    def of(cls, saved: bytes, style_ids: Mapping[str, str]) -> Skeleton:
        """Take apart the bytes of a saved package whose body holds only its cover elements."""
        with zipfile.ZipFile(io.BytesIO(saved)) as package:
            members = {info.filename: package.read(info) for info in package.infolist()}
        root = etree.fromstring(members.pop(DOCUMENT))
        body = root.find(qn("w:body"))
        cover = "".join(
            etree.tostring(child, encoding="unicode")
            for child in body
            if child.tag != qn("w:sectPr")
        )
        for child in list(body):
            body.remove(child)
        document = etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)
        head, tail = _EMPTY_BODY.split(document, maxsplit=1)
        content_types = members[CONTENT_TYPES].decode("utf-8")
        if 'Extension="png"' not in content_types:
            content_types = content_types.replace("<Default ", PNG_CONTENT_TYPE + "<Default ", 1)
        members[CONTENT_TYPES] = content_types.encode("utf-8")
        return cls(
            parts=members,
            document_head=head.decode("utf-8") + "<w:body>",
            document_tail="</w:body>" + tail.decode("utf-8"),
            relationships=members.pop(DOCUMENT_RELS).decode("utf-8"),
            core=members.pop(CORE),
            cover=cover,
            next_shape_id=_max_id(root, cover) + 1,
            style_ids=dict(style_ids),
        )

    def write(
        self,
        body: str,
        pictures: Pictures,
        set_properties: Callable[[CoreProperties], None],
    ) -> bytes:
        """The .docx bytes: the shared parts, this report's body, pictures and properties."""
        core = parse_xml(self.core)
        set_properties(CoreProperties(core))
        relationships = self.relationships.replace(
            "</Relationships>", pictures.relationships() + "</Relationships>"
        )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            _add(package, CONTENT_TYPES, self.parts[CONTENT_TYPES])
            for name, data in self.parts.items():
                if name != CONTENT_TYPES:
                    _add(package, name, data)
            _add(package, CORE, etree.tostring(core, encoding="UTF-8", standalone=True))
            _add(package, DOCUMENT_RELS, relationships.encode("utf-8"))
            document = self.document_head + body + self.document_tail
            _add(package, DOCUMENT, document.encode("utf-8"))
            for name, data in pictures.files():
                _add(package, name, data, stored=True)  # PNG is compressed already
        return buffer.getvalue()


def _add(package: zipfile.ZipFile, name: str, data: bytes, *, stored: bool = False) -> None:
    info = zipfile.ZipInfo(name, _ZIP_DATE)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    package.writestr(info, data)


def _max_id(root: Any, cover: str) -> int:
    """The largest numeric id attribute in the document (python-docx's rule for new shapes)."""
    ids = [int(value) for value in root.xpath("//@id") if str(value).isdigit()]
    ids += [int(value) for value in re.findall(r'\bid="(\d+)"', cover)]
    return max(ids, default=0)


@dataclass
class Pictures:
    """The pictures of one report: their files, relationships and inline drawing XML."""

    next_shape_id: int
    _files: list[tuple[str, str, bytes]] = field(default_factory=list)  # (rel id, name, data)

    def add(self, png: bytes, width: int) -> str:
        """A run holding *png* at *width* (EMU), height by its aspect ratio: ``<w:r>…</w:r>``."""
        number = len(self._files) + 1
        rel_id, filename = f"rIdJxPicture{number}", f"jixiao-chart{number}.png"
        self._files.append((rel_id, f"word/media/{filename}", png))
        pixels_wide, pixels_high = png_size(png)
        height = round(width * pixels_high / pixels_wide)
        inline = CT_Inline.new_pic_inline(self.next_shape_id, rel_id, filename, width, height)
        self.next_shape_id += 1
        drawing = etree.tostring(inline, encoding="unicode")
        return f"<w:r><w:drawing>{drawing}</w:drawing></w:r>"

    def relationships(self) -> str:
        return "".join(
            f'<Relationship Id="{rel_id}" Type="{IMAGE_RELATIONSHIP}"'
            f' Target="{name.removeprefix("word/")}"/>'
            for rel_id, name, _ in self._files
        )

    def files(self) -> list[tuple[str, bytes]]:
        return [(name, data) for _, name, data in self._files]


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", png[16:24])
    if not width or not height:
        raise ValueError("PNG image without pixels")
    return width, height


def body_fragment(xml: str) -> Any:
    """Parse body elements (XML text) into a python-docx ``w:body`` element."""
    return parse_xml(f"<w:body {nsdecls('w', 'r', 'wp', 'a', 'pic')}>{xml}</w:body>")


def fragment_xml(body: Any) -> str:
    """The children of a ``w:body`` element as XML text."""
    return "".join(etree.tostring(child, encoding="unicode") for child in body)
