"""The workbook file format, and nothing about goals.

Reading an .xlsx into value grids (`reader`, `bulk` for large sheets and case files), the package
internals both directions share (`ooxml`), and lossless write-back with the stamp's custom
properties (`writeback`). Imports only the standard library, `calc.grid`/`calc.errors`/
`calc.exact`, and its optional readers inside functions (see the Architecture section of
README.md; tests/test_architecture.py enforces it).
"""
