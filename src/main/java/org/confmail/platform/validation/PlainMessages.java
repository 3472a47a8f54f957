package org.confmail.platform.validation;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages as written on the constraint, with {@code {max}}-style attributes filled in: the API's messages are
 * English sentences chosen by us ("must have at most 256 characters"), not the provider's bundles.
 */
final class PlainMessages implements MessageInterpolator {

    private static final Pattern ATTRIBUTE = Pattern.compile("\\{(\\w+)}");

    @Override
    public String interpolate(String template, Context context) {
        Map<String, Object> attributes = context.getConstraintDescriptor().getAttributes();
        Matcher m = ATTRIBUTE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = attributes.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
        }
        return m.appendTail(out).toString();
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        return interpolate(template, context);
    }
}
