package org.confmail.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.confmail.platform.config.EmailAddresses;

/**
 * An address mail can be sent to, as {@link EmailAddresses#isValid} decides (one line, a domain with a dot, no
 * display name); null is valid. Bean Validation's own {@code @Email} accepts {@code a@b} and quoted local parts.
 */
@Constraint(validatedBy = EmailAddress.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD,
    ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    String message() default "must be a valid email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<EmailAddress, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || EmailAddresses.isValid(value);
        }
    }
}
