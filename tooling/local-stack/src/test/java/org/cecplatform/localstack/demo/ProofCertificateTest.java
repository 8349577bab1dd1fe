package org.cecplatform.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The demo's certificate is a well-formed PDF: every cross-reference entry points at its object, the text escaped. */
class ProofCertificateTest {

    @Test
    void theCrossReferenceTablePointsAtEachObjectAndStartxrefAtTheTable() {
        byte[] pdf = ProofCertificate.of("DEMO1-000002", "Kettlebells (level 2) \\ basics", "Regional Fitness Association",
                "2032-03-01", "2.5");
        String text = new String(pdf, StandardCharsets.ISO_8859_1);

        assertThat(text).startsWith("%PDF-1.4\n").endsWith("%%EOF\n");
        assertThat(text).contains("(Kettlebells \\(level 2\\) \\\\ basics) Tj");
        int xref = Integer.parseInt(after(text, "startxref\n(\\d+)"));
        assertThat(text.substring(xref)).startsWith("xref\n0 6\n");
        Matcher entries = Pattern.compile("(\\d{10}) 00000 n ").matcher(text.substring(xref));
        int object = 0;
        while (entries.find()) {
            object++;
            assertThat(text.substring(Integer.parseInt(entries.group(1)))).as("object %d", object)
                    .startsWith(object + " 0 obj\n");
        }
        assertThat(object).isEqualTo(5);
        String stream = text.substring(text.indexOf("stream\n") + "stream\n".length(), text.indexOf("endstream"));
        assertThat(Integer.parseInt(after(text, "/Length (\\d+)"))).isEqualTo(stream.length());
    }

    private static String after(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
