"""Målscore's desktop app (PySide6): open a year's plan, enter results, score, save and send.

The app computes nothing itself: every number comes from `calc.engine.evaluate`, and saving goes
through the core's lossless `calc.xlsx.writeback.write_back`. Importing this package is cheap;
Qt is imported by the modules that need it.
"""
