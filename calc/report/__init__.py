"""Reports built from the core's records: the departement's overview workbook (`overview`), and
the årsrapport's målrapportering (`content` as plain records, written by `word` and `pdf`)."""
