package org.confmail.platform.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.confmail.platform.problem.Violations;

/**
 * Bean Validation for the records services check: each violation becomes a field error of the request's 400
 * problem, named as the API names the field, in the order the record declares its fields (so the answer reads the
 * same every time). Rules that need other fields or the database stay in the service, added to the same
 * {@link Violations}, so the caller still learns everything wrong at once.
 */
public final class Constraints {

    private static final Validator VALIDATOR = validator();

    private Constraints() {
    }

    /** Adds to {@code violations} every constraint {@code value} breaks. */
    public static Violations check(Object value, Violations violations) {
        List<String> order = value.getClass().isRecord()
                ? Arrays.stream(value.getClass().getRecordComponents()).map(RecordComponent::getName).toList()
                : List.of();
        VALIDATOR.validate(value).stream()
                .sorted(Comparator.comparingInt((ConstraintViolation<Object> v) -> position(order, field(v)))
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> violations.add(field(v), v.getMessage()));
        return violations;
    }

    /** The same, and the 400 at once if anything is wrong. */
    public static void require(Object value) {
        check(value, new Violations()).throwIfAny();
    }

    private static String field(ConstraintViolation<?> violation) {
        // The field, not the list element or record inside it: {@code languages}, not {@code <list element>}.
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                name = node.getName();
            }
        }
        return name;
    }

    private static int position(List<String> order, String field) {
        int at = order.indexOf(field);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    /** The platform's validator; the message interpolation needs no EL (messages name their limits plainly). */
    private static Validator validator() {
        ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new PlainMessages()).buildValidatorFactory();
        return factory.getValidator();
    }
}
