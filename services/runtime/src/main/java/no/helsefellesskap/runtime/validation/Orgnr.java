package no.helsefellesskap.runtime.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import no.helsefellesskap.model.codes.OrganisationNumber;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A Norwegian organisation number: 9 digits with a valid mod-11 check digit. Null is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = Orgnr.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Orgnr {

    String message() default "must be a 9-digit organisation number with a valid mod-11 check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Orgnr, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || OrganisationNumber.isValid(value);
        }
    }
}
