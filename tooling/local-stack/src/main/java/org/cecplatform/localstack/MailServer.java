package org.cecplatform.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's SMTP server (GreenMail, embedded, on 127.0.0.1): it accepts whatever the notification-service sends and
 * keeps it in memory, and a small JSON listing ({@code GET /messages}, optionally {@code ?to=<address>}) lets a person
 * read what was sent. Nothing leaves the machine.
 */
final class MailServer {

    static final String PATH = "/messages";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int smtpPort;
    private final int mailboxPort;
    private GreenMail smtp;
    private HttpServer mailbox;

    MailServer(int smtpPort, int mailboxPort) {
        this.smtpPort = smtpPort;
        this.mailboxPort = mailboxPort;
    }

    int smtpPort() {
        return smtpPort;
    }

    /** Where the listing is: {@code http://127.0.0.1:<port>/messages}. */
    String mailboxUrl() {
        return "http://127.0.0.1:" + mailboxPort + PATH;
    }

    synchronized void start() throws IOException {
        if (smtp != null) {
            return;
        }
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), mailboxPort), 0);
        http.createContext(PATH, this::answer);
        http.start();
        smtp = server;
        mailbox = http;
    }

    synchronized void stop() {
        if (mailbox != null) {
            mailbox.stop(0);
            mailbox = null;
        }
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    synchronized boolean isRunning() {
        return smtp != null;
    }

    /** Every message received so far, oldest first; only those to {@code to} when it is not null. */
    synchronized List<Map<String, Object>> messages(String to) throws MessagingException {
        List<Map<String, Object>> found = new ArrayList<>();
        if (smtp == null) {
            return found;
        }
        for (MimeMessage message : smtp.getReceivedMessages()) {
            List<String> recipients = Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
            if (to != null && !recipients.contains(to)) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("messageId", message.getMessageID());
            entry.put("to", recipients);
            entry.put("from", Arrays.stream(message.getFrom()).map(Object::toString).toList());
            entry.put("subject", message.getSubject());
            entry.put("sentAt", message.getSentDate() == null ? null : message.getSentDate().toInstant().toString());
            entry.put("text", GreenMailUtil.getBody(message).replace("=\r\n", "").replace("\r\n", "\n"));
            found.add(entry);
        }
        return found;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String query = exchange.getRequestURI().getQuery();
            String to = query != null && query.startsWith("to=")
                    ? java.net.URLDecoder.decode(query.substring(3), java.nio.charset.StandardCharsets.UTF_8) : null;
            byte[] body;
            try {
                body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("messages", messages(to)));
            } catch (MessagingException e) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
