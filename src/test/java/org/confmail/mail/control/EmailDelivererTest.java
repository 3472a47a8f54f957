package org.confmail.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.confmail.platform.crypto.SecretBox;
import org.confmail.conferencing.control.DialInInfo;
import org.confmail.conferencing.control.UserDirectory;
import org.confmail.mail.entity.EmailKind;
import org.confmail.mail.entity.OutboxEmail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deliverer's decisions, with the database, the user store and SMTP replaced by fakes. */
class EmailDelivererTest {

    static final byte[] KEY = new byte[32];

    static class FakeStore extends OutboxStore {
        OutboxEmail row;
        String failed;
        String retrying;
        boolean sent;

        @Override
        public List<OutboxEmail> claimAll(List<String> ids, Duration lease) {
            return row == null ? List.of() : List.of(row);
        }

        @Override
        public boolean markSent(String id, String subject, String messageId) {
            sent = true;
            return true;
        }

        @Override
        public boolean markFailed(String id, String error) {
            failed = error;
            return true;
        }

        @Override
        public boolean markRetrying(String id, String error, Instant nextAttemptAt) {
            retrying = error;
            return true;
        }
    }

    static class FakeSmtp extends SmtpSender {
        final List<MimeMessage> sent = new ArrayList<>();
        DeliveryException failure;

        @Override
        public Session session() {
            return Session.getInstance(new Properties());
        }

        @Override
        public void send(MimeMessage message) throws DeliveryException {
            if (failure != null) {
                throw failure;
            }
            sent.add(message);
        }
    }

    static class QuietMetrics extends DeliveryMetrics {
        int sent;
        int retried;
        int failed;

        @Override
        public void sent(EmailKind kind, Instant requestedAt) {
            sent++;
        }

        @Override
        public void retried(EmailKind kind) {
            retried++;
        }

        @Override
        public void failed(EmailKind kind) {
            failed++;
        }
    }

    FakeStore store = new FakeStore();
    FakeSmtp smtp = new FakeSmtp();
    QuietMetrics metrics = new QuietMetrics();
    SecretBox secrets = new SecretBox(KEY);
    EmailDeliverer deliverer = new EmailDeliverer();

    @BeforeEach
    void wire() {
        deliverer.store = store;
        deliverer.smtp = smtp;
        deliverer.metrics = metrics;
        deliverer.secrets = secrets;
        deliverer.composer = new EmailComposer();
        deliverer.composer.smtp = smtp;
        deliverer.users = new UserDirectory() {
            @Override
            public java.util.Map<String, DialInInfo> dialInInfos(java.util.Collection<String> upns) {
                return upns.stream().distinct().collect(java.util.stream.Collectors.toMap(upn -> upn,
                        upn -> new DialInInfo(upn, "Ada Lovelace", "Main", "1234567",
                                List.of(new DialInInfo.Number("+14255550100", "TOLL", "US", "Seattle",
                                        "(425) 555-0100", "tel:+14255550100,,1234567#")),
                                "http://localhost:8080/dial-in/b")));
            }
        };
        deliverer.retryPolicy = new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(2));
        deliverer.lease = Duration.ofMinutes(5);
    }

    static OutboxEmail row(EmailKind kind, String sealedSecret) {
        return new OutboxEmail(kind, "ada@contoso.com", "ada@contoso.com", "Ada Lovelace", "no-reply@contoso.com",
                "Audio Conferencing", "en", sealedSecret);
    }

    @Test
    void aPinEmailWithoutItsPinFailsWithAClearReasonAndSendsNothing() {
        for (EmailKind kind : List.of(EmailKind.PIN_RESET, EmailKind.LICENSE_ASSIGNED)) {
            store = new FakeStore();
            wire();
            store.row = row(kind, null);
            deliverer.deliver(store.row.id());
            assertTrue(smtp.sent.isEmpty(), "nothing sent");
            assertTrue(store.failed.contains("must carry the user's new PIN, but none is stored"), store.failed);
            assertTrue(store.failed.contains("reset the user's PIN"), store.failed);
        }
        assertEquals(2, metrics.failed);
    }

    @Test
    void aPinThatCannotBeDecryptedFailsTheEmailToo() {
        byte[] otherKey = new byte[32];
        java.util.Arrays.fill(otherKey, (byte) 7);
        store.row = row(EmailKind.PIN_RESET, new SecretBox(otherKey).seal("12345"));
        deliverer.deliver(store.row.id());
        assertTrue(smtp.sent.isEmpty());
        assertTrue(store.failed.contains("cannot be decrypted"), store.failed);
    }

    @Test
    void aPinEmailWithItsPinIsSentWithIt() throws Exception {
        store.row = row(EmailKind.PIN_RESET, secrets.seal("48213"));
        deliverer.deliver(store.row.id());
        assertEquals(1, smtp.sent.size());
        assertTrue(store.sent);
        assertNull(store.failed);
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        smtp.sent.get(0).writeTo(raw);
        assertTrue(raw.toString(java.nio.charset.StandardCharsets.UTF_8).contains("48213"));
    }

    @Test
    void aTransientFailureIsRetriedWhileAttemptsRemain() {
        store.row = row(EmailKind.CONFERENCE_INFO, null);
        smtp.failure = SmtpSender.classify(new MessagingException("451 4.3.0 later"));
        deliverer.deliver(store.row.id());
        assertEquals("451 4.3.0 later", store.retrying);
        assertEquals(1, metrics.retried);
        assertNull(store.failed);
    }

    @Test
    void aTransientFailureOfAnEmailOlderThanTheGiveUpWindowFailsIt() throws Exception {
        deliverer.retryPolicy = new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMillis(1));
        store.row = row(EmailKind.CONFERENCE_INFO, null);
        Thread.sleep(5);
        smtp.failure = SmtpSender.classify(new MessagingException("Couldn't connect to host"));
        deliverer.deliver(store.row.id());
        assertNull(store.retrying);
        assertTrue(store.failed.contains("gave up: the request is older than PT0.001S"), store.failed);
    }

    @Test
    void aPermanentFailureFailsAtOnceWithTheReply() {
        store.row = row(EmailKind.CONFERENCE_INFO, null);
        smtp.failure = new DeliveryException(false, "550 5.1.1 no such user", null);
        deliverer.deliver(store.row.id());
        assertEquals("550 5.1.1 no such user", store.failed);
        assertNull(store.retrying);
    }
}
