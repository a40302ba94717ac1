"""Official documents as PDF/A: letters in the DIN 5008 layout, receipts and notices.

``pdf.render_pdf`` renders a template of ``templates/eservices/documents/`` with WeasyPrint.
See docs/eservices-documents-payments.md.
"""
