package org.confmail.provisioning.control;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a {@link ScimFilter} into a JPQL condition over the attributes a resource type lets clients filter by, with
 * every value a query parameter. An attribute outside that list is refused (400 invalidFilter, naming the ones that
 * work), never ignored: a filter that matched everyone would make an identity provider adopt the wrong user.
 */
public final class ScimQuery {

    /** How an attribute compares: text without regard to case, exact text, a boolean, a group's member ids, or a
     *  value every resource has (emails' type is always "work"). */
    public enum Kind { TEXT, EXACT, BOOLEAN, MEMBER, CONSTANT }

    /** An attribute's JPQL expression (for MEMBER, the condition with {@code %s} for the parameter). */
    public record Column(String jpql, Kind kind, Object constant) {
        public static Column text(String jpql) {
            return new Column(jpql, Kind.TEXT, null);
        }

        public static Column exact(String jpql) {
            return new Column(jpql, Kind.EXACT, null);
        }

        public static Column bool(String jpql) {
            return new Column(jpql, Kind.BOOLEAN, null);
        }

        public static Column member(String condition) {
            return new Column(condition, Kind.MEMBER, null);
        }

        public static Column constant(Object value) {
            return new Column(null, Kind.CONSTANT, value);
        }
    }

    private final Map<String, Column> columns;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** {@code columns}: by dotted attribute path in lower case, such as {@code emails.value}. */
    public ScimQuery(Map<String, Column> columns) {
        this.columns = columns;
    }

    public String where(ScimFilter filter) {
        return condition(filter, null);
    }

    public void bind(TypedQuery<?> query) {
        parameters.forEach(query::setParameter);
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    private String condition(ScimFilter filter, String prefix) {
        return switch (filter) {
            case ScimFilter.And and -> "(" + condition(and.left(), prefix) + " AND " + condition(and.right(), prefix)
                    + ")";
            case ScimFilter.Or or -> "(" + condition(or.left(), prefix) + " OR " + condition(or.right(), prefix) + ")";
            case ScimFilter.Not not -> "(NOT " + condition(not.filter(), prefix) + ")";
            case ScimFilter.ValuePath path -> {
                if (prefix != null) {
                    throw ScimException.invalidFilter("A filter inside [...] cannot hold another [...].");
                }
                yield condition(path.filter(), path.attribute());
            }
            case ScimFilter.Present present -> {
                Column column = column(present.path(), prefix);
                yield switch (column.kind()) {
                    case CONSTANT -> column.constant() == null ? "(1 = 0)" : "(1 = 1)";
                    case MEMBER -> throw ScimException.invalidFilter("members pr is not supported; use members[value"
                            + " eq \"id\"].");
                    case TEXT, EXACT -> "(" + column.jpql() + " IS NOT NULL AND " + column.jpql() + " <> '')";
                    case BOOLEAN -> "(" + column.jpql() + " IS NOT NULL)";
                };
            }
            case ScimFilter.Compare compare -> compare(compare, column(compare.path(), prefix));
        };
    }

    private Column column(ScimFilter.AttrPath path, String prefix) {
        String name = prefix == null ? path.dotted() : prefix + "." + path.dotted();
        Column column = columns.get(name);
        if (column == null) {
            column = columns.get(name + ".value");
        }
        if (column == null) {
            throw ScimException.invalidFilter("Filtering by '" + name + "' is not supported; these attributes can"
                    + " be filtered: " + String.join(", ", new TreeSet<>(columns.keySet())) + ".");
        }
        return column;
    }

    private String compare(ScimFilter.Compare compare, Column column) {
        String op = compare.operator();
        JsonValue value = compare.value();
        if (column.kind() == Kind.CONSTANT) {
            return ScimFilter.compare(column.constant(), op, value) ? "(1 = 1)" : "(1 = 0)";
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (op.equals("eq") || op.equals("ne")) {
                return "(" + column.jpql() + (op.equals("eq") ? " IS NULL)" : " IS NOT NULL)");
            }
            throw ScimException.invalidFilter("null can only be compared with eq or ne.");
        }
        if (column.kind() == Kind.BOOLEAN) {
            Boolean wanted = ScimJson.bool(value);
            if (wanted == null || !(op.equals("eq") || op.equals("ne"))) {
                throw ScimException.invalidFilter("A boolean attribute takes eq or ne with true or false.");
            }
            return "(" + column.jpql() + (op.equals("eq") ? " = " : " <> ") + parameter(wanted) + ")";
        }
        String text = value instanceof JsonString s ? s.getString() : value.toString();
        if (column.kind() == Kind.MEMBER) {
            if (!op.equals("eq")) {
                throw ScimException.invalidFilter("Members can only be filtered with eq (members[value eq \"id\"]).");
            }
            return "(" + column.jpql().formatted(parameter(text)) + ")";
        }
        // LIKE without an ESCAPE clause, as the rest of confmail writes it: backslash is the default escape of both
        // H2 and PostgreSQL, and an ESCAPE makes EclipseLink stop binding the query's parameters (it then prints a
        // boolean as 0, which H2 will not compare with a BOOLEAN column).
        boolean lower = column.kind() == Kind.TEXT;
        String expression = lower ? "LOWER(" + column.jpql() + ")" : column.jpql();
        String operand = lower ? text.toLowerCase(Locale.ROOT) : text;
        return switch (op) {
            case "eq" -> "(" + expression + " = " + parameter(operand) + ")";
            case "ne" -> "(" + column.jpql() + " IS NULL OR " + expression + " <> " + parameter(operand) + ")";
            case "co" -> "(" + expression + " LIKE " + parameter("%" + escaped(operand) + "%") + ")";
            case "sw" -> "(" + expression + " LIKE " + parameter(escaped(operand) + "%") + ")";
            case "ew" -> "(" + expression + " LIKE " + parameter("%" + escaped(operand)) + ")";
            case "gt" -> "(" + expression + " > " + parameter(operand) + ")";
            case "ge" -> "(" + expression + " >= " + parameter(operand) + ")";
            case "lt" -> "(" + expression + " < " + parameter(operand) + ")";
            case "le" -> "(" + expression + " <= " + parameter(operand) + ")";
            default -> throw ScimException.invalidFilter("Unknown operator " + op + ".");
        };
    }

    private String parameter(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
