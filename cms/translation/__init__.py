"""The translation workflow around wagtail-localize: translator groups, PO files, status, sync guards."""
