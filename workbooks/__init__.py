"""The standard workbook's template and worked examples (`make_examples.py` builds them)."""
