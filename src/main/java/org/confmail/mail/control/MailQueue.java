package org.confmail.mail.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport;

/**
 * The wake-up call for the sender: announces an outbox row's id on the JMS queue. Inside a JTA transaction the
 * send is enlisted, so the message exists only if the row was committed. The queue is only a prompt; the outbox
 * row stays the truth, and the sweeper re-announces rows whose message was lost.
 */
@ConnectionFactoryDefinition(
        name = MailQueue.CONNECTION_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = MailQueue.RESOURCE_ADAPTER,
        transactionSupport = TransactionSupport.TransactionSupportLevel.XATransaction,
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
    public static final String CONNECTION_FACTORY = "java:app/jms/confmailConnectionFactory";
    public static final String QUEUE = "java:app/jms/confmailEmailQueue";

    @Resource(lookup = CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = QUEUE)
    Queue queue;

    /** Puts the email's id on the queue, in the caller's transaction. */
    public void announce(String emailId) {
        // The adapter's factory has no JMS 2.0 JMSContext: classic API, pooled by the adapter.
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(queue);
            TextMessage message = session.createTextMessage(emailId);
            producer.send(message);
        } catch (JMSException e) {
            throw new IllegalStateException("Could not put email " + emailId + " on the queue", e);
        }
    }
}
