package org.confmail.mail.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The wake-up call for the sender: announces an outbox row's id on the JMS queue. The queue is only a prompt; the
 * outbox row stays the truth, and the sweeper announces again rows whose message was lost.
 *
 * <p>The message is sent once the row's transaction has committed, non-transacted and non-persistent: a message never
 * names a row that does not exist, and a message lost between the commit and the send (a crash, a broker restart, a
 * broker outage) only delays the email until the sweeper finds its row (at once after a restart, else after {@code
 * CONFMAIL_OUTBOX_STALE_AFTER}). This keeps the request's transaction local to the database: no two-phase commit with
 * the broker and no broker disk sync on the request's path, which was most of the time from request to SMTP; and
 * requests are still accepted while the broker is down.
 */
@ConnectionFactoryDefinition(
        name = MailQueue.ANNOUNCE_CONNECTION_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = MailQueue.RESOURCE_ADAPTER,
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction,
        maxPoolSize = 32)
@AdministeredObjectDefinition(
        name = MailQueue.QUEUE,
        interfaceName = "jakarta.jms.Queue",
        className = "org.apache.activemq.command.ActiveMQQueue",
        resourceAdapter = MailQueue.RESOURCE_ADAPTER,
        properties = {"PhysicalName=" + MailQueue.PHYSICAL_NAME})
@ApplicationScoped
public class MailQueue {

    /** The deployed ActiveMQ resource adapter's name: its RAR file name without ".rar". */
    public static final String RESOURCE_ADAPTER = "activemq-rar";
    public static final String PHYSICAL_NAME = "confmail.email";
    public static final String ANNOUNCE_CONNECTION_FACTORY = "java:app/jms/confmailAnnounceConnectionFactory";
    public static final String QUEUE = "java:app/jms/confmailEmailQueue";

    /**
     * At most this many ids per message. A transaction that queues many emails (a bulk send's chunk of 200) sends
     * them in messages of this many, which one sender delivers one after the other with one claim and one read of
     * the users for them all; several messages keep all the senders busy.
     */
    static final int IDS_PER_MESSAGE = 10;

    /** Separates the ids in a message's text; ids are UUIDs. */
    static final String SEPARATOR = ",";

    private static final Logger LOG = Logger.getLogger(MailQueue.class.getName());
    private static final Object PENDING = new Object();

    @Resource(lookup = ANNOUNCE_CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = QUEUE)
    Queue queue;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Puts the email's id on the queue once the caller's transaction commits (at once without one). */
    public void announce(String emailId) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            send(List.of(emailId));
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> pending = (List<String>) transactions.getResource(PENDING);
        if (pending == null) {
            List<String> ids = new ArrayList<>();
            transactions.putResource(PENDING, ids);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        send(ids);
                    }
                }
            });
            pending = ids;
        }
        pending.add(emailId);
    }

    /** Non-transacted, non-persistent sends; a failure is logged and left to the sweeper. */
    void send(List<String> emailIds) {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            for (int from = 0; from < emailIds.size(); from += IDS_PER_MESSAGE) {
                List<String> batch = emailIds.subList(from, Math.min(from + IDS_PER_MESSAGE, emailIds.size()));
                producer.send(session.createTextMessage(String.join(SEPARATOR, batch)));
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not announce " + emailIds.size() + " email(s) on the queue; the outbox"
                    + " sweeper sends them after CONFMAIL_OUTBOX_STALE_AFTER: " + e.getMessage(), e);
        }
    }
}
