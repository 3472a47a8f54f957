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

/** A BCP 47 tag of a known language (en, fr-CA); null is valid. */
@Constraint(validatedBy = LanguageTag.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD,
    ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageTag {

    String message() default "must be a BCP 47 language tag such as en-US or fr";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<LanguageTag, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Standards.isLanguageTag(value);
        }
    }
}
