package org.confmail.mail.control;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Takes email ids off the queue and has them delivered. A message the deliverer cannot process is rolled back
 * and redelivered by the broker, and ends in its dead-letter queue; the outbox row remains for the sweeper.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = MailQueue.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = MailQueue.PHYSICAL_NAME),
    @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "4")
})
public class EmailDeliveryListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(EmailDeliveryListener.class.getName());

    @Inject
    EmailDeliverer deliverer;

    @Override
    public void onMessage(Message message) {
        try {
            if (message instanceof TextMessage text && text.getText() != null) {
                deliverer.deliver(text.getText());
            } else {
                LOG.warning("Ignoring a message that carries no email id: " + message.getJMSMessageID());
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Could not read a queued message", e);
        }
    }
}
