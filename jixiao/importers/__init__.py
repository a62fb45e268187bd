"""Importers: turn existing reports (.txt, .docx, .pdf) and Excel workbooks into dossier drafts.

Every importer returns an :class:`~jixiao.importers.result.ImportResult`: the dossier data, the
validated Dossier, findings for what was ambiguous or missing, and for every extracted figure
the place in the original file it came from. Importers never invent a value: when a reading is
uncertain they leave it out and say so in a finding.
"""
