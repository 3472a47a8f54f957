package org.confmail.portal;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * PrimeFaces' p:messages, with its list left a list: PrimeFaces gives each {@code <li>} {@code role="alert"}, which
 * takes away its list-item role and breaks the list for screen readers (axe-core rule {@code list}, WCAG 1.3.1).
 * The messages' container is already a polite live region, so the messages are still announced.
 */
public class MessagesListRenderer extends MessagesRenderer {

    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        ResponseWriter original = context.getResponseWriter();
        context.setResponseWriter(new ResponseWriterWrapper(original) {
            private String element;

            @Override
            public void startElement(String name, UIComponent source) throws IOException {
                element = name;
                super.startElement(name, source);
            }

            @Override
            public void writeAttribute(String name, Object value, String property) throws IOException {
                if (!("li".equals(element) && "role".equals(name))) {
                    super.writeAttribute(name, value, property);
                }
            }
        });
        try {
            super.encodeEnd(context, component);
        } finally {
            context.setResponseWriter(original);
        }
    }
}
