package org.cecplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The stack's SMTP server keeps what it is sent, and its listing shows it, per recipient when asked. */
class MailServerTest {

    @Test
    void whatIsSentIsListed() throws Exception {
        MailServer mail = new MailServer(Ports.freePort(), Ports.freePort());
        mail.start();
        try {
            ServerSetup smtp = new ServerSetup(mail.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            GreenMailUtil.sendTextEmail("ana@example.org", "certification@cec-platform.org", "Audit opened",
                    "Proof due 2027-03-31", smtp);
            GreenMailUtil.sendTextEmail("bo@example.org", "certification@cec-platform.org", "Granted", "Welcome", smtp);

            String all = get(mail.mailboxUrl());
            String ana = get(mail.mailboxUrl() + "?to=ana@example.org");

            assertThat(all).contains("Audit opened").contains("Granted");
            assertThat(ana).contains("\"subject\" : \"Audit opened\"").contains("Proof due 2027-03-31")
                    .contains("ana@example.org").doesNotContain("Granted");
        } finally {
            mail.stop();
        }
        assertThat(mail.isRunning()).isFalse();
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
