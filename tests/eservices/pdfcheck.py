"""Reading back PDFs the engine stored: valid PDF, PDF/A identification, text."""

import io

from pypdf import PdfReader


def pdf_facts(content: bytes) -> dict:
    reader = PdfReader(io.BytesIO(content))
    metadata = reader.xmp_metadata
    xml = metadata.stream.get_data().decode() if metadata is not None else ""
    return {
        "pages": len(reader.pages),
        "pdfa_part": "pdfaid:part>3<" in xml or 'pdfaid:part="3"' in xml,
        "text": " ".join(page.extract_text() for page in reader.pages),
    }
