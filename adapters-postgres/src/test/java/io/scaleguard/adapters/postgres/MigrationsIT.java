package io.scaleguard.adapters.postgres;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent and repeated migrations, and the column types the changelog gives each database. */
class MigrationsIT {

    @Nested
    class OnPostgres extends MigrationCases {

        private final List<TestDatabase.Schema> schemas = new ArrayList<>();

        @AfterEach
        void dropSchemas() {
            schemas.forEach(TestDatabase.Schema::close);
        }

        @Override
        protected DatabaseSettings freshDatabase() {
            TestDatabase.Schema schema = TestDatabase.freshSchema();
            schemas.add(schema);
            return schema.settings();
        }

        @Override
        protected String columnType(DatabaseSettings settings, String table, String column) throws Exception {
            return (String) SqlProbe.column(settings, "SELECT data_type FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?", table, column).get(0);
        }

        @Override
        protected String expectedInstantType() {
            return "timestamp with time zone";
        }

        @Override
        protected List<String> leadingIndexColumns(DatabaseSettings settings, String table) throws Exception {
            return SqlProbe.column(settings, "SELECT a.attname FROM pg_index i JOIN pg_attribute a"
                    + " ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] WHERE i.indrelid = to_regclass(?)", table)
                    .stream().map(String::valueOf).toList();
        }
    }

    @Nested
    class OnEmbedded extends MigrationCases {

        @TempDir
        Path directories;
        private int databases;

        @Override
        protected DatabaseSettings freshDatabase() {
            return DatabaseSettings.embedded(directories.resolve("data-" + ++databases)).withPasswordHashing(TestDatabase.FAST_HASHING);
        }

        @Override
        protected String columnType(DatabaseSettings settings, String table, String column) throws Exception {
            return (String) SqlProbe.column(settings, "SELECT data_type FROM information_schema.columns"
                    + " WHERE table_schema = 'PUBLIC' AND table_name = UPPER(?) AND column_name = UPPER(?)", table, column).get(0);
        }

        @Override
        protected String expectedInstantType() {
            return "TIMESTAMP WITH TIME ZONE";
        }

        @Override
        protected List<String> leadingIndexColumns(DatabaseSettings settings, String table) throws Exception {
            return SqlProbe.column(settings, "SELECT column_name FROM information_schema.index_columns"
                    + " WHERE table_schema = 'PUBLIC' AND table_name = UPPER(?) AND ordinal_position = 1", table)
                    .stream().map(column -> String.valueOf(column).toLowerCase(Locale.ROOT)).toList();
        }
    }
}
