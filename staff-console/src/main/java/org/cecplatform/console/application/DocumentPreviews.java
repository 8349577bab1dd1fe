package org.cecplatform.console.application;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A proof document as an image the page can show: a PDF's page rendered to PNG here (many browsers, headless ones
 * among them, have no PDF viewer), a PNG or JPEG passed through. The document is fetched with the signed-in person's
 * token and {@code inline=true}, so the audit-service records the view. One page per request, at a modest resolution
 * and never larger than {@link #MAX_EDGE_PIXELS} on its longer edge: the console's heap is small.
 */
@ApplicationScoped
public class DocumentPreviews {

    /** The pages of a PDF that are previewed; later ones are not rendered. */
    public static final int MAX_PAGES = 20;
    static final float DPI = 96;
    static final int MAX_EDGE_PIXELS = 1400;
    /** The audit-service takes documents of at most 10 MB; anything larger is not read. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    /** An image to send: its bytes and type; {@code pages} is the PDF's page count (1 for an image). */
    public record Preview(byte[] bytes, String contentType, int pages) {
    }

    private final AuditApi audits;

    public DocumentPreviews(@RestClient AuditApi audits) {
        this.audits = audits;
    }

    /**
     * Page {@code page} (from 1) of the document as an image. Throws {@link ServiceProblem} when the service refuses,
     * {@link NoSuchPage} for a page the document does not have (or past {@link #MAX_PAGES}).
     */
    public Preview page(UUID auditId, UUID documentId, int page) {
        if (page < 1 || page > MAX_PAGES) {
            throw new NoSuchPage("pages 1 to " + MAX_PAGES + " are previewed");
        }
        return withDocument(auditId, documentId, (file, contentType) -> switch (contentType) {
            case "image/png", "image/jpeg" -> {
                if (page != 1) {
                    throw new NoSuchPage("an image has one page");
                }
                yield new Preview(Files.readAllBytes(file), contentType, 1);
            }
            case "application/pdf" -> renderPdfPage(file, page);
            default -> throw new NoSuchPage("documents of type " + contentType + " are not previewed");
        });
    }

    /** How many pages the document has (an image: one); the service records this read as a view too. */
    public int pageCount(UUID auditId, UUID documentId) {
        return withDocument(auditId, documentId, (file, contentType) -> switch (contentType) {
            case "image/png", "image/jpeg" -> 1;
            case "application/pdf" -> {
                try (PDDocument pdf = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
                    yield pdf.getNumberOfPages();
                }
            }
            default -> throw new NoSuchPage("documents of type " + contentType + " are not previewed");
        });
    }

    /** What is done with a fetched document: its temporary file and its content type. */
    private interface DocumentUse<T> {
        T apply(Path file, String contentType) throws IOException;
    }

    /**
     * Fetches the document with the signed-in person's token ({@code inline=true}: a view) into a temporary file, hands
     * it to {@code use} and deletes it.
     */
    private <T> T withDocument(UUID auditId, UUID documentId, DocumentUse<T> use) {
        Path file = null;
        try (Response response = audits.document(auditId, documentId, true)) {
            MediaType type = response.getMediaType();
            String contentType = type == null ? "" : type.getType() + "/" + type.getSubtype();
            if (response.getLength() > MAX_BYTES) {
                throw new NoSuchPage("the document is larger than " + MAX_BYTES + " bytes");
            }
            file = Files.createTempFile("console-preview-", ".bin");
            try (InputStream in = response.readEntity(InputStream.class)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return use.apply(file, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("could not preview document " + documentId, e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static Preview renderPdfPage(Path file, int page) throws IOException {
        // Parsed from the file with a temporary-file stream cache: the document is never held in memory whole.
        try (PDDocument pdf = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            if (page > pdf.getNumberOfPages()) {
                throw new NoSuchPage("the document has " + pdf.getNumberOfPages() + " page(s)");
            }
            PDRectangle box = pdf.getPage(page - 1).getCropBox(); // in points (1/72 inch); a rotation keeps the longer edge
            double longerEdge = Math.max(Math.max(box.getWidth(), box.getHeight()), 1);
            float scale = (float) Math.min(DPI / 72, MAX_EDGE_PIXELS / longerEdge);
            BufferedImage image = new PDFRenderer(pdf).renderImage(page - 1, scale, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return new Preview(png.toByteArray(), "image/png", pdf.getNumberOfPages());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            file.toFile().deleteOnExit(); // a leftover temporary file goes with the process
        }
    }

    /** The document has no such page to preview (or is not a previewable document). */
    public static class NoSuchPage extends RuntimeException {
        public NoSuchPage(String message) {
            super(message);
        }
    }
}
