package org.confmail.it.support;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;

/**
 * An ActiveMQ broker run by the test in its own JVM, persistent (KahaDB) on 127.0.0.1, that confmail reaches with
 * CONFMAIL_BROKER_URL as it would a shared broker; the test can stop it and start it again on the same port and
 * store, and put messages on confmail's queue itself.
 */
public final class TestBroker implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private BrokerService broker;

    public TestBroker(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public synchronized TestBroker start() throws Exception {
        BrokerService b = new BrokerService();
        b.setBrokerName("confmail-test-broker");
        b.setDataDirectoryFile(dataDir.toFile());
        b.setPersistent(true);
        b.setUseJmx(false);
        b.setUseShutdownHook(false);
        b.setAdvisorySupport(true);
        b.addConnector(url() + "?transport.reuseAddress=true");
        b.start();
        b.waitUntilStarted();
        broker = b;
        return this;
    }

    public synchronized void stop() throws Exception {
        if (broker != null) {
            broker.stop();
            broker.waitUntilStopped();
            broker = null;
        }
    }

    /** Puts a text message on a queue, as confmail's own announcement would. */
    public void send(String queue, String text) throws JMSException {
        try (Connection connection = new ActiveMQConnectionFactory(url()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.send(session.createTextMessage(text));
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
