import FlaglintKit; print(Flaglint.version)
