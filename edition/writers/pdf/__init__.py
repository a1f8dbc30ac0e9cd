"""The print-ready PDF and the screen PDF of an edition (WeasyPrint layout, pydyf/pypdf finishing).

Public API: :func:`build_pdf`, :class:`PdfBuildResult`, :class:`Timings`, :class:`PdfBuildError`.
"""

from edition.writers.pdf.build import PdfBuildResult, Timings, build_pdf
from edition.writers.pdf.errors import PdfBuildError

__all__ = ["PdfBuildError", "PdfBuildResult", "Timings", "build_pdf"]
