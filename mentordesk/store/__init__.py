"""The encrypted programme file: models, the SQLCipher engine, migrations and the lock."""
