"""Målscore's benchmark (`python -m bench`); inputs are generated into bench/out/."""
