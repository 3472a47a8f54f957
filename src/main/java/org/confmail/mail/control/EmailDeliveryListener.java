package org.confmail.mail.control;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.platform.database.DatabaseErrors;

/**
 * Takes email ids off the queue and has them delivered. Idempotent: the deliverer's claim makes a message for a row
 * that is SENT, FAILED, not yet due or taken by another sender do nothing.
 *
 * <p>A message whose processing throws is rolled back and redelivered by the broker, at most
 * {@code CONFMAIL_DELIVERY_MAX_REDELIVERIES} times, then moved to the broker's dead-letter queue
 * ({@code ActiveMQ.DLQ}). On that last delivery the row is first marked FAILED with the reason, so that it does
 * not sit QUEUED or SENDING waiting for the sweeper to fail the same way again; an operator can retry it. A failure
 * because the database is away is not the message's fault: the message is consumed and the row is left to the
 * sweeper, which finds it once the database answers again.
 *
 * <p>{@code maxSessions} (how many messages this instance processes at once) and {@code maximumRedeliveries} come
 * from {@code CONFMAIL_DELIVERY_CONCURRENCY} and {@code CONFMAIL_DELIVERY_MAX_REDELIVERIES} without a rebuild, but
 * not through MicroProfile Config: Payara passes {@code ${MPCONFIG=...}} and {@code ${ENV=...}} in activation config
 * properties through unexpanded (the deployment fails with a NumberFormatException), and expands only
 * {@code ${name}} from system properties. {@code server-config/post-boot-commands.asadmin} creates the two system
 * properties from the environment, with the same defaults as {@code microprofile-config.properties}.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = MailQueue.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = MailQueue.PHYSICAL_NAME),
    @ActivationConfigProperty(propertyName = "maxSessions",
            propertyValue = "${confmail.delivery.concurrency}"),
    @ActivationConfigProperty(propertyName = "maximumRedeliveries",
            propertyValue = "${confmail.delivery.max.redeliveries}"),
    @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "1000"),
    @ActivationConfigProperty(propertyName = "useExponentialBackOff", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "backOffMultiplier", propertyValue = "2")
})
public class EmailDeliveryListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(EmailDeliveryListener.class.getName());

    @Inject
    EmailDeliverer deliverer;

    @Inject
    OutboxStore store;

    @Inject
    MailQueue queue;

    @Inject
    ConfmailConfig config;

    @Override
    public void onMessage(Message message) {
        String text;
        try {
            text = message instanceof TextMessage textMessage ? textMessage.getText() : null;
        } catch (JMSException e) {
            throw new IllegalStateException("Could not read a queued message", e);
        }
        List<String> emailIds = text == null ? List.of() : Arrays.stream(text.split(MailQueue.SEPARATOR))
                .map(String::strip).filter(id -> !id.isEmpty()).toList();
        if (emailIds.isEmpty()) {
            LOG.warning(() -> "Ignoring a message that carries no email id: " + messageId(message));
            return;
        }
        String emailId = String.join(MailQueue.SEPARATOR, emailIds);
        try {
            deliverer.deliver(emailIds);
        } catch (RuntimeException e) {
            if (DatabaseErrors.isUnavailable(e)) {
                // Redeliveries would fail the same way while the database is away and end in the dead-letter
                // queue: the message is spent, and the sweeper announces the row again once the database is back.
                LOG.warning(() -> "Email " + emailId + ": the database does not answer; the sweeper sends it when it"
                        + " is back (" + describe(e) + ")");
                return;
            }
            int delivery = deliveryCount(message);
            if (emailIds.size() > 1) {
                // One email of the batch broke it: the rest must not pay for it. Each goes out on a message of its
                // own (this one is spent), where the one that breaks fails alone.
                LOG.log(Level.WARNING, "A batch of " + emailIds.size() + " emails failed; announcing each on its own",
                        e);
                emailIds.forEach(queue::announce);
                return;
            }
            if (isLastDelivery(delivery, config.deliveryMaxRedeliveries())) {
                failRow(emailId, delivery, e);
            } else {
                LOG.log(Level.WARNING, "Email " + emailId + ": delivery " + delivery + " of its message failed; the"
                        + " broker redelivers it", e);
            }
            throw e;
        }
    }

    /** Whether the broker moves the message to the dead-letter queue if this delivery fails too. */
    static boolean isLastDelivery(int deliveryCount, int maxRedeliveries) {
        return deliveryCount > maxRedeliveries;
    }

    private void failRow(String emailId, int delivery, RuntimeException e) {
        String reason = "The delivery message could not be processed " + delivery + " times and went to the broker's"
                + " dead-letter queue ActiveMQ.DLQ: " + describe(e);
        try {
            store.markFailedUnlessDone(emailId, reason);
            LOG.log(Level.SEVERE, "Email " + emailId + " FAILED: " + reason, e);
        } catch (RuntimeException failedToo) {
            // The database is likely what fails: the row keeps its state and the sweeper sends it later.
            LOG.log(Level.SEVERE, "Email " + emailId + ": its message goes to the dead-letter queue and the row"
                    + " could not be marked FAILED; the sweeper will announce it again", failedToo);
        }
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() > 500 ? text.substring(0, 497) + "..." : text;
    }

    /** JMSXDeliveryCount: 1 on the first delivery. */
    static int deliveryCount(Message message) {
        try {
            return message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
        } catch (JMSException | RuntimeException e) {
            return 1;
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "?";
        }
    }
}
