package org.confmail.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.confmail.platform.problem.Standards;

/** A one-line name: no line breaks, control characters or bidirectional overrides ({@link Standards}). */
@Constraint(validatedBy = SingleLine.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD,
    ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default Standards.NO_CONTROL_CHARACTERS;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<SingleLine, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return !Standards.hasControlCharacters(value);
        }
    }
}
