"""Målscore's calculation core: read a goal workbook, score it, compute pay, write results back.

Pure Python and cheap to import: nothing heavy (pandas, Qt, xlwings) is imported here.
"""

__version__ = "0.1.0"
