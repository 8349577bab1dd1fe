package org.cecplatform.localstack.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-page PDF certificate of completion, as a provider would issue it: the proof a demo person uploads for an
 * audit. Written out by hand (five objects and their cross-reference table) so that the launcher needs no PDF library;
 * any PDF reader, and the console's preview, render it.
 */
final class ProofCertificate {

    private ProofCertificate() {
    }

    static byte[] of(String person, String title, String provider, String completedOn, String cecs) {
        String text = "BT /F1 22 Tf 72 700 Td (Certificate of completion) Tj ET\n"
                + "BT /F1 13 Tf 72 650 Td (" + escape(person) + " completed) Tj ET\n"
                + "BT /F1 13 Tf 72 628 Td (" + escape(title) + ") Tj ET\n"
                + "BT /F1 13 Tf 72 606 Td (on " + escape(completedOn) + " for " + escape(cecs) + " CECs) Tj ET\n"
                + "BT /F1 11 Tf 72 560 Td (Issued by " + escape(provider) + ") Tj ET\n";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.getBytes(StandardCharsets.ISO_8859_1).length + " >>\nstream\n" + text
                        + "endstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(pdf, "%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.size());
            write(pdf, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
        write(pdf, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref
                + "\n%%EOF\n");
        return pdf.toByteArray();
    }

    /** Text in a PDF string: backslash and parentheses escaped, anything outside Latin-1 replaced. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')') {
                out.append('\\').append(c);
            } else {
                out.append(c < 256 ? c : '?');
            }
        }
        return out.toString();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
