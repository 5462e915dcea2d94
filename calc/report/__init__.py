"""Reports built from the core's records: the departement's overview workbook."""
