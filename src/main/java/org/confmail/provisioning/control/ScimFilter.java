package org.confmail.provisioning.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SCIM filters (RFC 7644 section 3.4.2.2) and PATCH paths (section 3.5.2): parsed into a small tree that the list
 * queries turn into JPQL ({@link ScimQuery}) and PATCH evaluates on a resource's values ({@link #matches}).
 * Attribute names are case-insensitive in SCIM, so they are kept in lower case; a core schema URN in front of an
 * attribute ({@code urn:ietf:params:scim:schemas:core:2.0:User:userName}) is dropped; an extension's URN stays as the
 * first part of the path. Operators and {@code and}, {@code or}, {@code not} are taken in any case, as identity
 * providers write them.
 */
public sealed interface ScimFilter {

    /** An attribute, a sub-attribute of it, or (for an extension) {@code urn:...} then the attribute. */
    record AttrPath(String attribute, String subAttribute) {
        public String dotted() {
            return subAttribute == null ? attribute : attribute + "." + subAttribute;
        }
    }

    /** {@code attrPath op value}; {@code value} is a JSON string, number, boolean or null. */
    record Compare(AttrPath path, String operator, JsonValue value) implements ScimFilter {
    }

    /** {@code attrPath pr}. */
    record Present(AttrPath path) implements ScimFilter {
    }

    record And(ScimFilter left, ScimFilter right) implements ScimFilter {
    }

    record Or(ScimFilter left, ScimFilter right) implements ScimFilter {
    }

    record Not(ScimFilter filter) implements ScimFilter {
    }

    /** {@code emails[type eq "work"]}: some value of a multi-valued attribute matches the inner filter. */
    record ValuePath(String attribute, ScimFilter filter) implements ScimFilter {
    }

    /** A PATCH path: {@code attr}, {@code attr.sub}, {@code attr[filter]} or {@code attr[filter].sub}. */
    record Path(String attribute, ScimFilter filter, String subAttribute) {
    }

    Set<String> OPERATORS = Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
    /** The core schemas' URNs, which may prefix an attribute name and mean nothing more. */
    List<String> CORE_SCHEMAS = List.of("urn:ietf:params:scim:schemas:core:2.0:user:",
            "urn:ietf:params:scim:schemas:core:2.0:group:");
    int MAX_LENGTH = 4096;

    static ScimFilter parse(String text) {
        if (text == null || text.isBlank()) {
            throw ScimException.invalidFilter("The filter is empty.");
        }
        if (text.length() > MAX_LENGTH) {
            throw ScimException.invalidFilter("The filter is longer than " + MAX_LENGTH + " characters.");
        }
        if (text.indexOf('\u0000') >= 0) {
            // No stored value holds one (PostgreSQL's text cannot), and the database would refuse the query.
            throw ScimException.invalidFilter("The filter contains the NUL character.");
        }
        Parser parser = new Parser(text, true);
        ScimFilter filter = parser.filter();
        parser.end();
        return filter;
    }

    static Path parsePath(String text) {
        if (text == null || text.isBlank()) {
            throw ScimException.invalidPath("The path is empty.");
        }
        if (text.length() > MAX_LENGTH) {
            throw ScimException.invalidPath("The path is longer than " + MAX_LENGTH + " characters.");
        }
        Parser parser = new Parser(text, false);
        Path path = parser.path();
        parser.end();
        return path;
    }

    /** Whether one value of a multi-valued attribute (its sub-attributes, keys in lower case) matches. */
    static boolean matches(ScimFilter filter, Map<String, Object> value) {
        return switch (filter) {
            case And and -> matches(and.left(), value) && matches(and.right(), value);
            case Or or -> matches(or.left(), value) || matches(or.right(), value);
            case Not not -> !matches(not.filter(), value);
            case Present present -> {
                Object v = value.get(present.path().attribute());
                yield v != null && !(v instanceof String s && s.isEmpty());
            }
            case Compare compare -> compare(value.get(compare.path().attribute()), compare.operator(),
                    compare.value());
            case ValuePath path -> throw ScimException.invalidFilter("A filter inside [...] cannot hold another [...]"
                    + " (" + path.attribute() + ").");
        };
    }

    /** Compares a resource's value with a filter's, strings without regard to case (SCIM's caseExact=false). */
    static boolean compare(Object actual, String operator, JsonValue expected) {
        if (expected.getValueType() == JsonValue.ValueType.NULL) {
            boolean absent = actual == null;
            return operator.equals("eq") ? absent : operator.equals("ne") ? !absent : false;
        }
        if (actual == null) {
            return operator.equals("ne");
        }
        if (actual instanceof Boolean b) {
            Boolean wanted = ScimJson.bool(expected);
            if (wanted == null) {
                return false;
            }
            return operator.equals("eq") ? b.equals(wanted) : operator.equals("ne") && !b.equals(wanted);
        }
        if (actual instanceof Number n && expected instanceof JsonNumber number) {
            int c = new BigDecimal(n.toString()).compareTo(number.bigDecimalValue());
            return ordered(c, operator);
        }
        String a = actual.toString().toLowerCase(Locale.ROOT);
        String e = (expected instanceof JsonString s ? s.getString() : expected.toString()).toLowerCase(Locale.ROOT);
        return switch (operator) {
            case "co" -> a.contains(e);
            case "sw" -> a.startsWith(e);
            case "ew" -> a.endsWith(e);
            default -> ordered(a.compareTo(e), operator);
        };
    }

    private static boolean ordered(int c, String operator) {
        return switch (operator) {
            case "eq" -> c == 0;
            case "ne" -> c != 0;
            case "gt" -> c > 0;
            case "ge" -> c >= 0;
            case "lt" -> c < 0;
            case "le" -> c <= 0;
            default -> false;
        };
    }

    /** Recursive descent over the text; precedence: not, then and, then or. */
    final class Parser {
        private final String text;
        private final boolean filter;
        private int at;
        private int depth;

        Parser(String text, boolean filter) {
            this.text = text;
            this.filter = filter;
        }

        private ScimException error(String why) {
            String message = "Cannot read the " + (filter ? "filter" : "path") + " at character " + (at + 1) + ": "
                    + why + ".";
            return filter ? ScimException.invalidFilter(message) : ScimException.invalidPath(message);
        }

        void end() {
            skipSpaces();
            if (at < text.length()) {
                throw error("unexpected '" + text.charAt(at) + "'");
            }
        }

        ScimFilter filter() {
            if (++depth > 50) {
                throw error("too deeply nested");
            }
            ScimFilter left = conjunction();
            while (keyword("or")) {
                left = new Or(left, conjunction());
            }
            depth--;
            return left;
        }

        private ScimFilter conjunction() {
            ScimFilter left = unary();
            while (keyword("and")) {
                left = new And(left, unary());
            }
            return left;
        }

        private ScimFilter unary() {
            skipSpaces();
            if (keyword("not")) {
                skipSpaces();
                expect('(');
                ScimFilter inner = filter();
                expect(')');
                return new Not(inner);
            }
            if (peek('(')) {
                at++;
                ScimFilter inner = filter();
                expect(')');
                return inner;
            }
            String name = attributeName();
            skipSpaces();
            if (peek('[')) {
                at++;
                ScimFilter inner = filter();
                expect(']');
                if (peek('.')) {
                    // emails[type eq "work"].value eq "x": the sub-attribute compared within the matching values.
                    at++;
                    String sub = word().toLowerCase(Locale.ROOT);
                    ScimFilter compared = comparison(new AttrPath(sub, null));
                    return new ValuePath(name, new And(inner, compared));
                }
                return new ValuePath(name, inner);
            }
            return comparison(attrPath(name));
        }

        private ScimFilter comparison(AttrPath path) {
            skipSpaces();
            String operator = word().toLowerCase(Locale.ROOT);
            if (operator.equals("pr")) {
                return new Present(path);
            }
            if (!OPERATORS.contains(operator)) {
                throw error("'" + operator + "' is not an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr)");
            }
            skipSpaces();
            return new Compare(path, operator, value());
        }

        Path path() {
            skipSpaces();
            String name = attributeName();
            ScimFilter inner = null;
            String sub = null;
            if (peek('[')) {
                at++;
                inner = filter();
                expect(']');
                if (peek('.')) {
                    at++;
                    sub = word().toLowerCase(Locale.ROOT);
                }
                return new Path(name, inner, sub);
            }
            AttrPath path = attrPath(name);
            return new Path(path.attribute(), null, path.subAttribute());
        }

        /** An attribute name, maybe with a schema URN before it and a sub-attribute after it, in lower case. */
        private String attributeName() {
            skipSpaces();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at))
                    || "_-$:.".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            if (start == at) {
                throw error(at < text.length() ? "expected an attribute name, not '" + text.charAt(at) + "'"
                        : "expected an attribute name");
            }
            String name = text.substring(start, at).toLowerCase(Locale.ROOT);
            for (String core : CORE_SCHEMAS) {
                if (name.startsWith(core)) {
                    name = name.substring(core.length());
                }
            }
            if (name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
                throw error("'" + text.substring(start, at) + "' is not an attribute name");
            }
            return name;
        }

        private AttrPath attrPath(String name) {
            if (name.startsWith("urn:")) {
                // urn:...:enterprise:2.0:User:department: the URN, then the attribute after its last ':'.
                int colon = name.lastIndexOf(':');
                return new AttrPath(name.substring(0, colon), name.substring(colon + 1));
            }
            String[] parts = name.split("\\.");
            if (parts.length > 2) {
                throw error("'" + name + "' has more than one sub-attribute");
            }
            return new AttrPath(parts[0], parts.length == 2 ? parts[1] : null);
        }

        private JsonValue value() {
            skipSpaces();
            if (peek('"')) {
                return string();
            }
            String word = word();
            switch (word.toLowerCase(Locale.ROOT)) {
                case "true":
                    return JsonValue.TRUE;
                case "false":
                    return JsonValue.FALSE;
                case "null":
                    return JsonValue.NULL;
                default:
                    try {
                        return jakarta.json.Json.createValue(new BigDecimal(word));
                    } catch (NumberFormatException e) {
                        throw error("'" + word + "' is not a value (a \"string\", a number, true, false or null)");
                    }
            }
        }

        private JsonValue string() {
            int start = at;
            at++;
            StringBuilder out = new StringBuilder();
            while (at < text.length() && text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\' && at < text.length()) {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            if (at + 4 > text.length()) {
                                throw error("a \\u escape needs four hex digits");
                            }
                            try {
                                out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            } catch (NumberFormatException ex) {
                                throw error("a \\u escape needs four hex digits");
                            }
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            if (at >= text.length()) {
                at = start;
                throw error("the string is not closed with \"");
            }
            at++;
            return jakarta.json.Json.createValue(out.toString());
        }

        private String word() {
            skipSpaces();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at))
                    || "_-$.+:".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            if (start == at) {
                throw error(at < text.length() ? "unexpected '" + text.charAt(at) + "'" : "it ends too soon");
            }
            return text.substring(start, at);
        }

        private boolean keyword(String keyword) {
            skipSpaces();
            int end = at + keyword.length();
            if (end <= text.length() && text.regionMatches(true, at, keyword, 0, keyword.length())
                    && (end == text.length() || text.charAt(end) == ' ' || text.charAt(end) == '(')) {
                at = end;
                return true;
            }
            return false;
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            skipSpaces();
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }
    }
}
