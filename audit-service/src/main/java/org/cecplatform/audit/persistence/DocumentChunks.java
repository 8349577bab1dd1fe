package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.platform.persistence.Jdbc;

/**
 * A document's bytes as rows of 256 KB ({@code audit_document_chunk}): written from a stream and read back into one,
 * a chunk at a time, so no transfer ever holds a whole document in memory (V3__document_chunks_and_access.sql says
 * why rows and not large objects).
 */
@ApplicationScoped
public class DocumentChunks {

    /** The same size as the migration that cut the documents stored before chunks. */
    public static final int CHUNK_BYTES = 256 * 1024;

    private final Jdbc jdbc;

    public DocumentChunks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the stream's bytes under the document, feeding each chunk to the digest; returns how many bytes. */
    public long write(UUID documentId, InputStream in, MessageDigest digest) throws IOException {
        long size = 0;
        for (int no = 0; ; no++) {
            byte[] bytes = in.readNBytes(CHUNK_BYTES);
            if (bytes.length == 0 && no > 0) {
                break; // the length was a multiple of the chunk size
            }
            digest.update(bytes);
            size += bytes.length;
            jdbc.update("insert into audit_document_chunk (document_id, chunk_no, bytes) values (?, ?, ?)",
                    documentId, no, bytes);
            if (bytes.length < CHUNK_BYTES) {
                break;
            }
        }
        return size;
    }

    /** Writes the document's chunks in order to {@code out}; one chunk is read from the database at a time. */
    public void copyTo(UUID documentId, OutputStream out) throws IOException {
        for (int no = 0; ; no++) {
            Optional<byte[]> chunk = chunk(documentId, no);
            if (chunk.isEmpty()) {
                return;
            }
            out.write(chunk.get());
        }
    }

    Optional<byte[]> chunk(UUID documentId, int no) {
        return jdbc.one("select bytes from audit_document_chunk where document_id = ? and chunk_no = ?",
                rs -> rs.getBytes(1), documentId, no);
    }
}
