package org.cecplatform.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;

/**
 * The certification reads (the same load as the reads part) alone, then again while clients upload 10 MB proof
 * documents to the audit-service without pause: what streaming uploads into PostgreSQL costs the read path when they
 * share the machine. Figures only; nothing is asserted on time.
 */
final class ReadsWithUploads {

    /** Audits the uploads go to (an audit takes at most 50 documents): certificants set aside for them. */
    static final int AUDITS = 20;
    static final int DOCUMENTS_PER_AUDIT = 50;
    static final int UPLOAD_CLIENTS = 2;
    static final int DOCUMENT_BYTES = 10 * 1024 * 1024;
    private static final String BOUNDARY = "benchmark-upload-boundary";

    /** The result of the measured phases. */
    record Figures(Load.Result readsAlone, Load.Result readsBeside, Load.Result uploads) {
    }

    private final String auditBaseUrl;

    ReadsWithUploads(String auditBaseUrl) {
        this.auditBaseUrl = auditBaseUrl;
    }

    /**
     * Reads alone for {@code length}, then reads for {@code length} while {@link #UPLOAD_CLIENTS} clients upload one
     * document after the other to {@code audits} (each audit's token beside it).
     */
    Figures run(EventLoopLoad reads, int readClients, Duration length, IntFunction<EventLoopLoad.Get> read,
                List<Map.Entry<String, String>> audits) throws Exception {
        Load.Result alone = reads.forDuration(readClients, length, read);
        byte[] body = multipart(DOCUMENT_BYTES);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        List<String> firstError = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(UPLOAD_CLIENTS);
        List<Future<Histogram>> uploaders = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < UPLOAD_CLIENTS; c++) {
            uploaders.add(pool.submit(() -> {
                Histogram h = LatencyStats.newHistogram();
                while (!stop.get()) {
                    int n = next.getAndIncrement();
                    if (n >= audits.size() * DOCUMENTS_PER_AUDIT) {
                        break; // every audit is full
                    }
                    Map.Entry<String, String> audit = audits.get(n % audits.size());
                    long t0 = System.nanoTime();
                    try {
                        upload(audit.getKey(), audit.getValue(), body);
                        h.recordValue((System.nanoTime() - t0) / 1000);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError.isEmpty()) {
                                firstError.add(e.toString());
                            }
                        }
                    }
                }
                return h;
            }));
        }
        Load.Result beside;
        try {
            beside = reads.forDuration(readClients, length, read);
        } finally {
            stop.set(true);
        }
        Histogram all = LatencyStats.newHistogram();
        for (Future<Histogram> uploader : uploaders) {
            all.add(uploader.get());
        }
        pool.shutdown();
        Load.Result uploads = new Load.Result(all.getTotalCount(), errors.get(), (System.nanoTime() - start) / 1e9,
                LatencyStats.of(all), firstError.isEmpty() ? null : firstError.get(0));
        return new Figures(alone, beside, uploads);
    }

    private void upload(String auditId, String token, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(auditBaseUrl + "/api/v1/audits/" + auditId + "/documents")
                .toURL().openConnection();
        c.setRequestMethod("POST");
        c.setConnectTimeout(10_000);
        c.setReadTimeout(120_000);
        c.setRequestProperty("Authorization", "Bearer " + token);
        c.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 201) {
                throw new IllegalStateException("upload: HTTP " + status + ": " + answer);
            }
        }
    }

    /** One multipart body with a PDF of {@code size} bytes (a PDF head, then seeded random bytes), sent again and again. */
    static byte[] multipart(int size) throws IOException {
        byte[] pdf = new byte[size];
        new Random(42).nextBytes(pdf);
        byte[] head = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, pdf, 0, head.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 256);
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"proof.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(pdf);
        out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
