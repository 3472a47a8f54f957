package org.confmail.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import org.confmail.platform.config.ConfmailConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A message that cannot be processed: redelivered, and on its last delivery the row is FAILED with the reason. */
class EmailDeliveryListenerTest {

    String failedId;
    final java.util.List<String> announced = new java.util.ArrayList<>();
    String failedReason;
    EmailDeliveryListener listener = new EmailDeliveryListener();

    @BeforeEach
    void wire() {
        listener.deliverer = new EmailDeliverer() {
            @Override
            public void deliver(java.util.List<String> emailIds) {
                throw new IllegalStateException("database unavailable");
            }
        };
        listener.queue = new MailQueue() {
            @Override
            public void announce(String emailId) {
                announced.add(emailId);
            }
        };
        listener.store = new OutboxStore() {
            @Override
            public boolean markFailedUnlessDone(String id, String error) {
                failedId = id;
                failedReason = error;
                return true;
            }
        };
        listener.config = new ConfmailConfig() {
            @Override
            public int deliveryMaxRedeliveries() {
                return 5;
            }
        };
    }

    static TextMessage message(String text, int deliveryCount) {
        return (TextMessage) Proxy.newProxyInstance(TextMessage.class.getClassLoader(),
                new Class<?>[] {TextMessage.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getText" -> text;
                    case "propertyExists" -> "JMSXDeliveryCount".equals(args[0]);
                    case "getIntProperty" -> deliveryCount;
                    case "getJMSMessageID" -> "ID:test";
                    default -> null;
                });
    }

    @Test
    void aFailureBeforeTheLastDeliveryIsRolledBackForRedelivery() {
        assertThrows(IllegalStateException.class, () -> listener.onMessage(message("id-1", 1)));
        assertThrows(IllegalStateException.class, () -> listener.onMessage(message("id-1", 5)));
        assertNull(failedId, "the row is left for the next delivery");
    }

    @Test
    void theLastDeliveryFailsTheRowWithTheReasonThenGoesToTheDeadLetterQueue() {
        assertThrows(IllegalStateException.class, () -> listener.onMessage(message("id-2", 6)));
        assertEquals("id-2", failedId);
        assertTrue(failedReason.contains("could not be processed 6 times"), failedReason);
        assertTrue(failedReason.contains("ActiveMQ.DLQ"), failedReason);
        assertTrue(failedReason.contains("database unavailable"), failedReason);
    }

    @Test
    void aBatchThatFailsIsSplitSoThatTheEmailThatBreaksItFailsAlone() {
        listener.onMessage(message("id-1,id-2,id-3", 1));
        assertEquals(java.util.List.of("id-1", "id-2", "id-3"), announced, "each on a message of its own");
        assertNull(failedId, "no row is failed for another's fault");
    }

    @Test
    void theLastDeliveryIsTheOneAfterTheConfiguredRedeliveries() {
        assertTrue(EmailDeliveryListener.isLastDelivery(6, 5));
        assertTrue(!EmailDeliveryListener.isLastDelivery(5, 5));
        assertTrue(EmailDeliveryListener.isLastDelivery(1, 0));
    }
}
