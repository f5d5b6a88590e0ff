"""The one package that owns the database: engine, models, migrations, repositories."""
