"""The open data pages: catalogue, datasets, dashboards and chart downloads (pages), and the
machine endpoints: the DCAT-AP.de catalogue and the dataset downloads (machine)."""
