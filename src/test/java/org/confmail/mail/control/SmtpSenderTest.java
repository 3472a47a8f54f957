package org.confmail.mail.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

class SmtpSenderTest {

    @Test
    void fourHundredRepliesAreTransient() {
        var e = new SMTPSendFailedException("DATA", 451, "451 4.3.0 try again later", null, null, null, null);
        DeliveryException classified = SmtpSender.classify(e);
        assertTrue(classified.isTransient());
        assertTrue(classified.getMessage().contains("451 4.3.0 try again later"));
    }

    @Test
    void fiveHundredRepliesArePermanentEvenWhenWrapped() throws Exception {
        var rejected = new SMTPAddressFailedException(new InternetAddress("x@example.com"), "RCPT TO", 550,
                "550 5.1.1 no such user");
        var wrapper = new SendFailedException("Invalid Addresses", rejected);
        DeliveryException classified = SmtpSender.classify(wrapper);
        assertFalse(classified.isTransient());
        assertTrue(classified.getMessage().contains("550 5.1.1 no such user"), classified.getMessage());
    }

    @Test
    void connectionFailuresAreTransient() {
        var e = new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"));
        DeliveryException classified = SmtpSender.classify(e);
        assertTrue(classified.isTransient());
        assertTrue(classified.getMessage().contains("Connection refused"), classified.getMessage());
    }
}
