package org.cecplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.cecplatform.audit.persistence.DocumentChunks;
import org.cecplatform.testsupport.PostgresTestResource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Documents stored whole (a {@code content bytea} column, before V3) stay readable: the migration cuts them into the
 * chunks the service reads now. Runs the service's own migrations on a database of its own on the test server.
 */
@QuarkusTest
class DocumentMigrationTest {

    @Test
    void documentsStoredWholeAreCutIntoChunksThatGiveBackTheSameBytes() throws Exception {
        String database = "migration_" + UUID.randomUUID().toString().replace("-", "");
        String serverUrl = PostgresTestResource.jdbcUrl();
        try (Connection c = DriverManager.getConnection(serverUrl, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        String url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
        org.flywaydb.core.api.configuration.FluentConfiguration flyway = Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/platform", "classpath:db/migration")
                // the service's own setting (quarkus.flyway.placeholders); here the migrating role is also the runtime one
                .placeholders(java.util.Map.of("runtime_role", "postgres"));
        flyway.target("2").load().migrate();

        UUID large = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        byte[] largeBytes = DocumentLimitsTest.pngOf(2 * DocumentChunks.CHUNK_BYTES + 5);
        byte[] smallBytes = Fixtures.png();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            // The audit rows themselves do not matter here: skip the foreign key checks for the old documents.
            c.createStatement().execute("set session_replication_role = replica");
            insertWhole(c, large, largeBytes);
            insertWhole(c, small, smallBytes);
        }

        flyway.target("latest").load().migrate();

        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            assertThat(reassembled(c, large)).isEqualTo(largeBytes);
            assertThat(reassembled(c, small)).isEqualTo(smallBytes);
            ResultSet column = c.getMetaData().getColumns(null, null, "audit_document", "content");
            assertThat(column.next()).as("the content column is gone").isFalse();
        }
    }

    private static void insertWhole(Connection c, UUID documentId, byte[] bytes) throws Exception {
        try (PreparedStatement s = c.prepareStatement("insert into audit_document (document_id, audit_id, content, size,"
                + " sha256, content_type, original_name, uploaded_by, uploaded_at) values (?, ?, ?, ?, 'x', 'image/png',"
                + " 'old.png', 'someone', now())")) {
            s.setObject(1, documentId);
            s.setObject(2, UUID.randomUUID());
            s.setBytes(3, bytes);
            s.setLong(4, bytes.length);
            s.executeUpdate();
        }
    }

    private static byte[] reassembled(Connection c, UUID documentId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int expectedNo = 0;
        try (PreparedStatement s = c.prepareStatement(
                "select chunk_no, bytes from audit_document_chunk where document_id = ? order by chunk_no")) {
            s.setObject(1, documentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getInt(1)).isEqualTo(expectedNo++);
                    out.write(rs.getBytes(2));
                }
            }
        }
        return out.toByteArray();
    }
}
