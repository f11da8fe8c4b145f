-- The application's own database, beside Temporal's (created by temporal-sql-tool).
CREATE DATABASE cocreacion OWNER temporal;
