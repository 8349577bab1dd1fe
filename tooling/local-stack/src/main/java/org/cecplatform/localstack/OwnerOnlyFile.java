package org.cecplatform.localstack;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a secret of the data folder (passwords, signing secrets): readable only by its owner from the moment it
 * exists, and replaced whole (a temporary file moved over it), so a crash never leaves half a secret behind.
 */
final class OwnerOnlyFile {

    /** What goes into the file. */
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private OwnerOnlyFile() {
    }

    static void write(Path file, Content content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            content.writeTo(out);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
