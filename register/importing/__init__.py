"""CSV import and export of the register: one column layout per register, shared by both directions."""
